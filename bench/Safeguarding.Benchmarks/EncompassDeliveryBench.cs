using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 4, the delivery half: Ready notifications (as the intake leaves them) delivered to the settings' inboxes with
/// an email alert per Key Adult queued in the same transaction, then the outbox drained: once through a channel that
/// only counts (the outbox's own cost: claims, marks, audit) and once, for a sample, through a real SMTP server
/// (maildev). The intake's half (10,000 incidents against a 150,000-pupil roll, ready in under 20 s) plugs in ahead of
/// <see cref="EncompassDelivery.DeliverAllReadyAsync"/>: replace <see cref="LoadReadyAsync"/> by the intake. Synthetic data.
/// </summary>
public static class EncompassDeliveryBench
{
    public static async Task RunAsync(string[] args)
    {
        var incidents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var children = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25_000;
        var mailSample = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        var which = args.Length > 3 ? args[3] : "both";
        DatabaseProvider[] providers = which switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"encompass-delivery: {incidents:N0} incidents, {children:N0} children (one notification each), 280 schools with 2 Key Adults; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var smtp = await TestSmtpServer.StartAsync();
        foreach (var provider in providers) await RunOneAsync(provider, incidents, children, mailSample, smtp);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int incidents, int children, int mailSample, TestSmtpServer smtp)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var load = Stopwatch.StartNew();
        await LoadReadyAsync(database, incidents, children);
        load.Stop();
        Console.WriteLine($"[{provider}] made {children:N0} Ready notifications in {load.Elapsed.TotalSeconds:F1} s (arrange, not measured)");

        var deliver = Stopwatch.StartNew();
        int delivered;
        await using (var db = database.NewContext())
            delivered = await new EncompassDelivery(db, new Outbox(db), new EncompassDeliveryOptions()).DeliverAllReadyAsync(batchSize: 500);
        deliver.Stop();
        int queued;
        await using (var db = database.NewContext()) queued = await db.OutboxMessages.CountAsync();
        Console.WriteLine($"[{provider}] delivered {delivered:N0} notifications to the inboxes and queued {queued:N0} email alerts in {deliver.Elapsed.TotalSeconds:F1} s ({delivered / deliver.Elapsed.TotalSeconds:N0} notifications/s)");

        // The real SMTP server for a sample first (the oldest due), then everything else through a channel that only counts.
        var mail = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        await using (var email = new EmailChannel(smtp.Settings))
        {
            var dispatcher = new OutboxDispatcher(db, [email], new OutboxOptions { BatchSize = 50 });
            var sent = 0;
            while (sent < mailSample)
            {
                var r = await dispatcher.DispatchDueAsync();
                if (r.Claimed == 0) break;
                sent += r.Delivered;
            }
            mail.Stop();
            Console.WriteLine($"[{provider}] sent {sent:N0} emails through MailKit to a real SMTP server (maildev) in {mail.Elapsed.TotalSeconds:F1} s ({sent / mail.Elapsed.TotalSeconds:N0} emails/s)");
        }

        var drain = Stopwatch.StartNew();
        var counted = 0;
        await using (var db = database.NewContext())
        {
            var counting = new CountingChannel();
            counted = await new OutboxDispatcher(db, [counting], new OutboxOptions { BatchSize = 200 }).DispatchAllDueAsync();
        }
        drain.Stop();
        Console.WriteLine($"[{provider}] outbox drained: {counted:N0} messages claimed, sent (counting channel) and marked in {drain.Elapsed.TotalSeconds:F1} s ({counted / drain.Elapsed.TotalSeconds:N0} messages/s)");
    }

    /// <summary>Incidents with their children and one Ready notification per child, spread over 280 schools (bulk, one audit line per kind).</summary>
    private static async Task LoadReadyAsync(TestDatabase database, int incidents, int children)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync("Benchmark partnership");
        var force = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var schools = new List<Organisation>();
        for (var i = 0; i < 280; i++)
        {
            var school = await data.CreateOrganisationAsync(partnership.Id);
            schools.Add(school);
            await data.CreateUserAsync(school, Role.SchoolKeyAdult);
            await data.CreateUserAsync(school, Role.SchoolKeyAdult);
        }
        var random = new Random(4);
        var now = SystemClock.Instance.GetCurrentInstant();
        var process = new ProcessContext("bench:encompass", null, SummariseWrites: true);
        const int perSave = 1000;
        var made = 0;
        for (var start = 0; start < incidents; start += perSave)
        {
            await using var db = database.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Process = process;
            for (var i = start; i < Math.Min(incidents, start + perSave); i++)
            {
                // Spread the children so that the total comes out at exactly `children`.
                var kids = (int)((long)(i + 1) * children / incidents - (long)i * children / incidents);
                var reported = now - Duration.FromMinutes(random.Next(60, 600));
                var incident = new DomesticIncident
                {
                    PartnershipId = partnership.Id, ForceOrganisationId = force.Id, PoliceReference = $"BENCH/{i:000000}/26",
                    OccurredAt = reported - Duration.FromMinutes(30), ReportedAt = reported, ReceivedAt = reported, Received = "{}",
                    Category = DomesticAbuseCategory.Psychological, Summary = "Synthetic benchmark incident.",
                };
                db.DomesticIncidents.Add(incident);
                for (var k = 0; k < kids; k++)
                {
                    var child = new IncidentChild { IncidentId = incident.Id, GivenName = $"Bench{made}", FamilyName = "Child", DateOfBirth = new LocalDate(2014, 1, 1).PlusDays(made % 3000), Present = true };
                    db.Add(child);
                    var school = schools[random.Next(schools.Count)];
                    db.EncompassNotifications.Add(new EncompassNotification
                    {
                        PartnershipId = partnership.Id, IncidentId = incident.Id, IncidentChildId = child.Id, RecipientOrganisationId = school.Id,
                        Deadline = now + Duration.FromHours(random.Next(2, 60)), CreatedAt = now,
                        Content = NotificationContentJson.Write(new EncompassNotificationContent(child.GivenName, child.FamilyName, child.DateOfBirth,
                            incident.PoliceReference, incident.OccurredAt, "LS1", true, true, false, null, incident.Summary, "PC Bench", "0113 000 0000")),
                    });
                    made++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    private sealed class CountingChannel : IOutboxChannel
    {
        public OutboxChannel Channel => OutboxChannel.Email;

        public Task SendAsync(OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
    }
}
