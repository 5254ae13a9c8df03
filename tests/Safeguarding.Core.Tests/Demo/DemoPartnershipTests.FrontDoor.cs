using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's Front Door, checked as the calibration (docs/front-door.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_front_door_lands_near_the_seeds_domestic_abuse_shares_with_decisions_mostly_in_time_and_some_overdue_now(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);
        var today = FrontDoorClocks.Today(SystemClock.Instance.GetCurrentInstant());
        var lastMarch = new LocalDate(today.Month >= 4 ? today.Year : today.Year - 1, 3, 31);
        var analyst = new Actor(partnershipId, Guid.NewGuid(), "Analyst", new HashSet<Role> { Role.Analyst });

        var set = await new FrontDoorFigures(db).ForAsync(new FrontDoorFiguresOptions(lastMarch.PlusYears(-1).PlusDays(1), lastMarch), new ProcessContext("test", analyst), ct);

        // The seed: 18.8% of accepted referrals with a feature of domestic abuse, 21.3% the year before.
        Assert.InRange(set.Period.DomesticAbuseShare!.Value, 16.5, 21.0);
        Assert.InRange(set.YearBefore.DomesticAbuseShare!.Value, 19.0, 23.5);
        Assert.InRange(set.Period.Contacts, 180, 300);
        Assert.InRange(set.Period.DecidedInTimeShare!.Value, 80, 99);
        Assert.InRange(set.Period.ReReferralRate!.Value, 5, 40);
        Assert.InRange(set.Period.AssessedInTimeShare!.Value, 70, 95);
        var now = SystemClock.Instance.GetCurrentInstant();
        Assert.True(await db.Set<FrontDoorContact>().AnyAsync(c => c.PartnershipId == partnershipId && c.DecidedAt == null && c.DecisionDueAt < now, ct), "some decisions overdue now");
    }
}
