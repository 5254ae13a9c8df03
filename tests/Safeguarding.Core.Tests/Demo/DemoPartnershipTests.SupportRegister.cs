using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's Dynamic Support Register, checked as the calibration (docs/support-register.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_register_is_mostly_green_and_amber_with_about_a_tenth_red_a_few_blue_and_withdrawals_and_clocks_kept_by_the_rules(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);

        var entries = await db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.Equal(DemoSupportRegister.ChildrenFor(DemoScale.Small), entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.PersonId).Distinct().Count());
        var on = entries.Where(e => e.Status == SupportRegisterStatus.OnRegister).ToList();
        var rated = on.Where(e => e.CurrentRating is not null).ToList();
        int Share(SupportRatingLevel level) => 100 * rated.Count(e => e.CurrentRating == level) / rated.Count;
        Assert.True(Share(SupportRatingLevel.Green) + Share(SupportRatingLevel.Amber) >= 75, "mostly green and amber");
        Assert.InRange(Share(SupportRatingLevel.Red), 5, 15);
        Assert.InRange(rated.Count(e => e.CurrentRating == SupportRatingLevel.Blue), 1, 4);
        Assert.InRange(entries.Count(e => e.Status == SupportRegisterStatus.ConsentWithdrawn), 1, 4);
        Assert.Contains(entries, e => e.Status == SupportRegisterStatus.Suggested);
        Assert.Contains(on, e => e.SharesWithEducation);
        Assert.Contains(on, e => e.SharesWithGp);
        Assert.Contains(on, e => e.Keyworker is not null);

        // Each entry keeps its latest rating and the referral clock as RateAsync would have: red since the day it went red.
        var ratings = (await db.Set<SupportRating>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(ct))
            .GroupBy(r => r.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.RatedAt).ToList());
        Assert.True(ratings.Values.Count(h => h.Count > 1) >= 10, "rating histories");
        Assert.All(ratings.Values.SelectMany(h => h), r => Assert.False(string.IsNullOrWhiteSpace(r.Why) || string.IsNullOrWhiteSpace(r.Evidence)));
        foreach (var e in rated)
        {
            Assert.Equal(ratings[e.Id][^1].Rating, e.CurrentRating);
            if (e.CurrentRating == SupportRatingLevel.Red)
                Assert.Equal(ReferralClock.Due(e.RedSince!.Value, SupportRegisterSettings.DefaultReferralWorkingDays), e.ReferralDue);
            else Assert.Null(e.ReferralDue);
        }
    }
}
