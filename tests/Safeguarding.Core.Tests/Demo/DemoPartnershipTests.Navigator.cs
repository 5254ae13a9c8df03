using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Exploitation.Navigator;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's year of A&amp;E Navigator referrals and ward self-assessments (docs/youth-violence.md), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_about_5_Navigator_referrals_a_week_most_contacted_on_time_and_self_assessments_answered(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var referrals = await db.Set<NavigatorReferral>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var assessments = await db.Set<YoungPersonSelfAssessment>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        Assert.InRange(referrals.Count, 200, DemoNavigator.PerWeek * DemoNavigator.Weeks);
        Assert.All(referrals, r => Assert.InRange(r.AgeAtReferral, NavigatorReferrals.YoungestAge, NavigatorReferrals.OldestAge));
        var contacted = referrals.Where(r => r.ContactedAt != null).ToList();
        Assert.InRange(contacted.Count(r => r.ContactedAt <= r.ContactDueAt) / (double)contacted.Count, 0.8, 0.97);
        Assert.Contains(referrals, r => r.Status == NavigatorReferralStatus.Waiting);
        Assert.Contains(referrals, r => r.Status == NavigatorReferralStatus.Declined);
        Assert.Contains(referrals, r => r.Outcome == NavigatorOutcome.CouldNotContact);
        Assert.Contains(referrals, r => r.Outcome == NavigatorOutcome.GoalsMet);
        Assert.Equal(DemoNavigator.SelfAssessmentsInYear, assessments.Count);
        Assert.Single(assessments, s => s.SubmittedAt == null);
        Assert.Contains(assessments, s => s.SubmittedAt != null && s.Response == null);
    }
}
