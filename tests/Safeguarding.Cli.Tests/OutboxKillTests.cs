using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// The dispatcher is killed (SIGKILL) in the middle of a batch and started again: every notification ends up in the
/// inbox once, with one alert per Key Adult, each mail in the SMTP server under its own Message-ID.
/// </summary>
public sealed class OutboxKillTests
{
    private const int Notifications = 120;

    [Theory, BothDatabases]
    public async Task Killing_the_dispatcher_mid_batch_and_restarting_loses_nothing_and_sends_nothing_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var smtp = await TestSmtpServer.SharedAsync();
        var partnership = await data.CreatePartnershipAsync();
        var force = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = await data.CreateIncidentAsync(force, now - Duration.FromHours(1), children: Notifications);
        foreach (var child in incident.Children)
            await data.CreateReadyNotificationAsync(incident, child, school, now + Duration.FromHours(12));

        // First run: killed once a fifth of the mail has gone (deliveries are committed before the first mail).
        using (var first = Start(database, smtp, "--watch"))
        {
            var until = DateTime.UtcNow.AddSeconds(120);
            while ((await smtp.WaitForAsync([keyAdult.Email], 0)).Count < Notifications / 5)
            {
                if (first.HasExited) Assert.Fail($"The dispatcher ended before it was killed: {await first.StandardError.ReadToEndAsync()}");
                Assert.True(DateTime.UtcNow < until, "No mail arrived from the first dispatcher.");
                await Task.Delay(50);
            }
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var atKill = (await smtp.WaitForAsync([keyAdult.Email], 0)).Count;
        Assert.InRange(atKill, Notifications / 5, Notifications - 1);

        // Second run: takes back what the killed one held once its lease ran out, and finishes.
        using (var second = Start(database, smtp, "--until-all-sent"))
        {
            Assert.True(second.WaitForExit(TimeSpan.FromMinutes(3)), "The second dispatcher did not finish.");
            Assert.Equal(0, second.ExitCode);
        }

        await using var db = database.NewContext();
        var notifications = await db.EncompassNotifications.Where(n => n.IncidentId == incident.Id).ToListAsync();
        Assert.Equal(Notifications, notifications.Count);
        Assert.All(notifications, n => Assert.Equal(NotificationStatus.Delivered, n.Status));
        var messages = await db.OutboxMessages.Where(m => m.PartnershipId == partnership.Id).ToListAsync();
        Assert.Equal(notifications.Select(n => n.Id).Order(), messages.Select(m => m.AboutId!.Value).Order());
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Delivered, m.Status));

        var mails = await smtp.WaitForAsync([keyAdult.Email], Notifications);
        var expectedIds = messages.Select(m => EmailChannel.MessageIdFor(m, "test.example")).Order().ToList();
        Assert.Equal(expectedIds, mails.Select(m => m.MessageId!).Distinct().Order());
        // A mail accepted by the server in the instant before the kill, but not yet marked sent, goes again with the
        // same Message-ID (at-least-once over SMTP; the receiver's copy is recognisable). Sending one at a time
        // bounds that to the one message in flight.
        Assert.InRange(mails.Count, Notifications, Notifications + 1);
    }

    private static Process Start(TestDatabase database, TestSmtpServer smtp, params string[] extra) =>
        CliRunner.Start(database, new Dictionary<string, string>
        {
            ["Safeguarding:Smtp:Host"] = "127.0.0.1",
            ["Safeguarding:Smtp:Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Safeguarding:Smtp:Security"] = "None",
            ["Safeguarding:Smtp:MessageIdDomain"] = "test.example",
            ["Safeguarding:Outbox:BatchSize"] = "10",
            ["Safeguarding:Outbox:LeaseSeconds"] = "3",
        }, ["outbox", "dispatch", .. extra]);
}
