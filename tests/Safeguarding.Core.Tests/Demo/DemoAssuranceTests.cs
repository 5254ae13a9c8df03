using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>
/// The demo's own business is calibrated on the seed: in its reporting year 2,107 training places taken (1,936 the year
/// before) and 38,000 people reached over 16 days of action; three priorities, two actions that did not progress; a
/// section 11 return with three answered, one challenged, and the hospital trust's demo lead answering its own.
/// </summary>
public sealed class DemoAssuranceTests
{
    private static async Task<ProcessContext> AsAsync(SafeguardingDbContext db, Role role)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Roles.Any(r => r.Role == role)).Select(u => new { u.Id, u.PartnershipId, u.OrganisationId, u.DisplayName })
            .FirstAsync(TestContext.Current.CancellationToken);
        return new ProcessContext("test", new Actor(user.PartnershipId, user.OrganisationId, user.DisplayName, new HashSet<Role> { role }, user.Id));
    }

    [Theory, BothDatabases]
    public async Task The_demo_year_has_the_seeds_training_places_campaign_priorities_and_a_section_11_return(DatabaseProvider provider)
    {
        var (database, _) = await SmallDemo.CopyAsync(provider);
        await using var _d = database;
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var manager = await AsAsync(db, Role.PartnershipBusinessManager);
        var year = PartnershipPlan.LastCompleteYear(db.Clock.GetCurrentInstant().InZone(WorkingDays.London).Date);

        var training = await new TrainingFigures(db).ForPeriodAsync(new TrainingPeriodOptions(new(year, 4, 1), new(year + 1, 3, 31)), manager, ct);
        Assert.Equal((DemoAssurance.PlacesTaken, DemoAssurance.PlacesTakenYearBefore), (training.Period.PlacesTaken, training.YearBefore.PlacesTaken));
        Assert.Equal(2107, DemoAssurance.PlacesTaken);
        Assert.Equal((38_000, 16), (training.Period.Reach, training.Period.DaysOfAction));

        var plan = await new PartnershipPlan(db).YearAsync(new PlanYearOptions(year), manager, ct);
        Assert.Equal(3, plan.Priorities.Count);
        Assert.Equal(2, plan.Priorities.Sum(p => p.DidNotProgress.Count()));
        Assert.Equal(3, plan.Partners.Count);

        var returns = new AssuranceReturns(db);
        var request = Assert.Single((await returns.ListAsync(new ReturnsListOptions(), manager, ct)).Requests.Items);
        Assert.Equal((6, 3), (request.Asked, request.Submitted));
        var summary = (await returns.SummaryAsync(request.Id, manager, ct))!;
        Assert.Equal(1, summary.Agencies.Sum(a => a.OpenChallenges));
        var lead = await AsAsync(db, Role.AgencySafeguardingLead);
        var own = Assert.Single((await returns.ListAsync(new ReturnsListOptions(), lead, ct)).OwnReturns.Items);
        Assert.NotNull(await returns.OpenAsync(own.Id, lead, ct));
    }
}
