using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// What the keepers' pages read, on both databases: the plan's choices are the year's plan and the partnership's own
/// agencies; the training view holds the reporting year's sessions only, with their places and evaluations; both are for
/// the keepers alone (not the figures readers, not an agency's lead) and each read is audited.
/// </summary>
public sealed class KeepingThePlanAndTrainingTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    [Theory, BothDatabases]
    public async Task The_keepers_see_the_years_sessions_with_their_counts_and_only_their_partnerships_agencies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        await data.CreateOrganisationAsync((await data.CreatePartnershipAsync()).Id, OrganisationType.CouncilService, "Elsewhere Council");
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var analyst = await data.CreateUserAsync(council, Role.Analyst);
        var lead = await data.CreateUserAsync(trust, Role.AgencySafeguardingLead);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var records = new TrainingRecords(db);
        var course = await records.AddCourseAsync(new AddCourseOptions("Domestic abuse and children", "All practitioners", false), As(manager), ct);
        var inYear = await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2023, 4, 1), 20), As(manager), ct);
        await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2024, 4, 1), 30), As(manager), ct);
        await records.RecordPlacesAsync(new RecordPlacesOptions(inYear, trust.Id, 12, 10), As(manager), ct);
        await records.RecordPlacesAsync(new RecordPlacesOptions(inYear, council.Id, 5, 4), As(manager), ct);
        await records.RecordEvaluationAsync(new RecordEvaluationOptions(inYear, 2, 4, null), As(manager), ct);

        var view = await records.KeepViewAsync(new TrainingYearOptions(2023), As(manager), ct);

        Assert.Equal([new SessionRow(inYear, "Domestic abuse and children", new LocalDate(2023, 4, 1), 20, 17, 14, 1)], view.Sessions);
        Assert.Equal(["Aire Valley Council", "Aire Valley Hospitals"], view.Agencies.Select(a => a.Name));
        var choices = await new PartnershipPlan(db).KeepChoicesAsync(new PlanYearOptions(2023), As(manager), ct);
        Assert.Equal(["Aire Valley Council", "Aire Valley Hospitals"], choices.Agencies.Select(a => a.Name));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.ActorUserId == manager.User.Id && (a.ResourceType == nameof(TrainingRecords) || a.ResourceType == PartnershipPlan.ResourceType), ct));

        foreach (var reader in new[] { analyst, lead })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => records.KeepViewAsync(new TrainingYearOptions(2023), As(reader), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => new PartnershipPlan(db).KeepChoicesAsync(new PlanYearOptions(2023), As(reader), ct));
        }
    }
}
