using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass;

/// <summary>What the Encompass and quarantine page tests share: a notification ready to send, an incident as the police send it, one held in quarantine.</summary>
internal static class EncompassPageData
{
    internal static Instant Now => SystemClock.Instance.GetCurrentInstant();

    internal static async Task<(Organisation Force, Organisation School, EncompassNotification Notification)> ReadyAsync(TestHost host, Guid partnershipId,
        Duration deadlineFromNow, Organisation? school = null)
    {
        var force = await host.Data.CreateOrganisationAsync(partnershipId, OrganisationType.PoliceForce);
        school ??= await host.Data.CreateOrganisationAsync(partnershipId);
        var incident = await host.Data.CreateIncidentAsync(force, Now - Duration.FromHours(10));
        var notification = await host.Data.CreateReadyNotificationAsync(incident, incident.Children[0], school, Now + deadlineFromNow);
        return (force, school, notification);
    }

    internal static async Task RunAsync<T>(TestHost host, Func<T, Task> step) where T : notnull
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await step(scope.ServiceProvider.GetRequiredService<T>());
    }

    internal static string Incident(string reference, string category = "Physical") => JsonSerializer.Serialize(new
    {
        policeReference = reference, occurredAt = "2026-03-27T20:10:00+00:00", reportedAt = "2026-03-27T20:40:00+00:00", postcode = "AV1 1AA",
        category, summary = "Shouting heard by neighbours.",
        children = new[] { new { givenName = "Robin", familyName = "Unplaced", dateOfBirth = "2016-05-06", present = true, sawOrHeard = true, resident = true, spokenTo = false } },
    });

    internal static async Task<(TestHost Host, Organisation Police, TestUser Analyst)> PoliceAnalystAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        return (host, police, await host.Data.CreateUserAsync(police, Role.PoliceDomesticAbuse));
    }

    internal static async Task<(TestHost Host, TestUser Admin, Guid RecordId, string Reference)> HeldIncidentAsync(DatabaseProvider provider)
    {
        var (host, police, _) = await PoliceAnalystAsync(provider);
        // A release acts as the releasing user, so whoever releases a held incident may send the force's incidents.
        var admin = await host.Data.CreateUserAsync(police, Role.PartnershipAdministrator, Role.PoliceDomesticAbuse);
        var reference = $"AV-{Guid.NewGuid():N}"[..16];
        await using var db = host.NewContext();
        var sender = new Actor(police.PartnershipId, police.Id, "Police system", new HashSet<Role> { Role.PoliceDomesticAbuse });
        var intake = new IncidentIntake(db, new Core.People.PersonIndex(db), new Quarantine(db));
        var held = await intake.ReceiveAsync(new ReceiveIncidentOptions(Incident(reference, category: "Shouting"), "test"), new ProcessContext("test", sender));
        return (host, admin, held.QuarantinedRecordId!.Value, reference);
    }
}
