using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.DomesticAbuse;

/// <summary>What the pathway's page tests share: an incident with its police force, Front Door, GP, victim and child, and a MARAC series.</summary>
internal static class PathwayPageData
{
    internal sealed record Setting(TestHost Host, Organisation Police, Organisation Council, Organisation Gp, TestUser Officer, TestUser FrontDoor,
        Person Victim, Person Child, DomesticIncident Incident);

    internal static async Task<Setting> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var data = host.Data;
        var partnership = await data.CreatePartnershipAsync();
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var gp = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var child = await data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient));
        var victim = new Person { PartnershipId = partnership.Id, GivenName = $"Vera{TestData.Next()}", FamilyName = "Testperson", DateOfBirth = new LocalDate(1991, 1, 1), Sex = Sex.Female, CreatedAt = SystemClock.Instance.GetCurrentInstant() };
        var nhs = NhsFor(TestData.Next());
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = new DomesticIncident
        {
            PartnershipId = partnership.Id, ForceOrganisationId = police.Id, PoliceReference = $"DA/{TestData.Next()}", OccurredAt = now - Duration.FromHours(2),
            ReportedAt = now - Duration.FromHours(2), ReceivedAt = now - Duration.FromMinutes(1), Category = DomesticAbuseCategory.Physical, Received = "{}",
            Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = victim.GivenName, FamilyName = victim.FamilyName, PersonId = victim.Id }],
            Children = [new IncidentChild { GivenName = child.GivenName, FamilyName = child.FamilyName, PersonId = child.Id }],
        };
        await data.SaveAsync(db =>
        {
            db.People.Add(victim);
            db.People.Attach(child);
            child.NhsNumber = nhs;
            db.DomesticIncidents.Add(incident);
            db.DomesticAbuseSettings.Add(new DomesticAbuseSettings { PartnershipId = partnership.Id, FlagContactOrganisationId = council.Id, WomenAged16Plus = 10_000 });
            db.MeetingSeries.Add(new MeetingSeries
            {
                PartnershipId = partnership.Id, Name = "MARAC", Kind = MeetingKind.Marac, Cadence = Cadence.Fortnightly, FirstDate = new LocalDate(2026, 1, 8),
                StartTime = new LocalTime(10, 0), DurationMinutes = 120, ChairOrganisationId = council.Id,
            });
        });
        return new Setting(host, police, council, gp, await data.CreateUserAsync(police, Role.PoliceDomesticAbuse),
            await data.CreateUserAsync(council, Role.FrontDoorPractitioner), victim, child, incident);
    }

    private static string NhsFor(int n)
    {
        for (var seed = 999_900_000 + n * 7; ; seed++)
        {
            var nine = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var check = 11 - nine.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11;
            if (check != 10) return nine + (check == 11 ? 0 : check);
        }
    }
}
