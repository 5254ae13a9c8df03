using Safeguarding.Core.Platform.Calendars;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Nrm;
using Safeguarding.Core.Exploitation.Roth;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's ROTH conferences and NRM referrals, checked as the calibration (docs/youth-violence.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_a_few_roth_children_with_reviews_and_one_overdue_and_a_few_nrm_referrals_with_one_awaiting_reasonable_grounds(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);
        var today = SystemClock.Instance.GetCurrentInstant().InZone(WorkingDays.London).Date;

        var cases = await db.Set<RothCase>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.ClosedAt == null).ToListAsync(ct);
        Assert.Equal(4, cases.Count);
        // The clock kept on each case is the one RothClocks works out from its held conferences.
        foreach (var c in cases)
        {
            var held = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == c.SeriesId && m.Status == Core.Meetings.MeetingStatus.Held).Select(m => m.Date).ToListAsync(ct);
            Assert.Equal(RothClocks.Next(c.StrategyDiscussionAt, [.. held.Order()]), c.Clock);
        }
        Assert.Contains(cases, c => c.Clock!.Kind == RothClockKind.LaterReview);
        var overdue = Assert.Single(cases, c => c.Clock!.IsOverdueOn(today));
        Assert.Equal(overdue.NextClockDue, overdue.EscalatedDue);
        var initial = Assert.Single(cases, c => c.Clock!.Kind == RothClockKind.InitialConference);
        Assert.True(await db.Meetings.AnyAsync(m => m.SeriesId == initial.SeriesId && m.Status == Core.Meetings.MeetingStatus.Planned, ct));

        var referrals = await db.Set<NrmReferral>().AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToListAsync(ct);
        Assert.Equal(5, referrals.Count);
        Assert.Single(referrals, r => r.ReasonableGrounds is null);
        // Every recorded conclusive-grounds decision keeps to the 30 days after reasonable grounds.
        Assert.All(referrals.Where(r => r.ConclusiveGroundsOn is not null), r => Assert.True(r.ConclusiveGroundsOn >= r.ConclusiveGroundsEarliest));
    }
}
