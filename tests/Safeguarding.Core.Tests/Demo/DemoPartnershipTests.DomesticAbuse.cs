using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's four weeks of the domestic-abuse pathway, on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task The_small_demo_has_four_weeks_of_checklists_decisions_marac_cases_safety_plans_and_flags(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();

        var assessments = await db.RiskAssessments.CountAsync();
        Assert.InRange(assessments, 7 * DemoDomesticAbuse.Weeks, 3 * 7 * DemoDomesticAbuse.Weeks);
        var referred = await db.RiskAssessments.CountAsync(a => a.Refer);
        Assert.True(referred > 0);
        var decisions = await db.TriageDecisions.ToListAsync();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.True(d.NoFurtherAction ? !string.IsNullOrEmpty(d.NoFurtherActionReason) : d.ReferToMarac || d.SafetyPlanNow || d.Idva != IdvaService.None || d.ReferToChildrensSocialWork));
        Assert.Equal(decisions.Count(d => d.ReferToMarac), await db.MaracReferrals.CountAsync());
        Assert.Equal(decisions.Count(d => d.SafetyPlanNow), await db.SafetyPlans.CountAsync());
        Assert.True(await db.HealthFlags.AnyAsync(f => f.Kind == HealthFlagKind.ChildInMaracHousehold));
        var decided = await db.MaracReferrals.Where(r => r.Status != MaracReferralStatus.Waiting).ToListAsync();
        Assert.NotEmpty(decided);
        Assert.All(decided, r => Assert.NotNull(r.AgendaItemId));
        Assert.Equal(1, await db.MeetingSeries.CountAsync(s => s.Kind == MeetingKind.Dramm));
        Assert.True(await db.Meetings.CountAsync() > 15);

        // The demo Front Door practitioner attends the MARACs and sees who is on them.
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Email == "frontdoor.practitioner@demo.example");
        var actor = new Actor(user.PartnershipId, user.OrganisationId, user.DisplayName, user.Roles.Select(r => r.Role).ToHashSet(), UserId: user.Id);
        var heard = await db.MaracReferrals.FirstAsync(r => r.MeetingId != null);
        var view = await new MeetingRecords(db).OpenAsync(heard.MeetingId!.Value, new Safeguarding.Core.Platform.ProcessContext("test", actor));
        Assert.True(view!.SubjectsVisible);
        Assert.NotEmpty(view.Items);
        Assert.All(view.Items, i => Assert.NotNull(i.SubjectName));
    }
}
