using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class SafetyPlanTests
{
    private static readonly LocalDate Today = new(2026, 11, 10);

    private static async Task<SafetyPlan> AgreeAsync(PathwayWorld w, TestUser by, LocalDate review, Person? victim = null, params string[] measures)
    {
        await using var db = w.NewContext();
        var options = new SafetyPlanOptions([.. (measures.Length == 0 ? ["Refuge space"] : measures).Select(m => new SafetyMeasureOptions(m, w.IdvaService.Id))], review);
        return await new SafetyPlans(db).AgreeAsync(new AgreeSafetyPlanOptions((victim ?? w.Victim).Id, options), PathwayWorld.Process(by));
    }

    private static async Task<SafetyPlanList> ListAsync(PathwayWorld w, TestUser user, bool dueOnly)
    {
        await using var db = w.NewContext();
        return await new SafetyPlans(db).ListAsync(new SafetyPlanListOptions(dueOnly, new PageOptions()), PathwayWorld.Process(user));
    }

    [Theory, BothDatabases]
    public async Task Plans_due_for_review_within_a_week_or_overdue_are_listed_soonest_first_and_an_idva_service_sees_its_own(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var overdue = await AgreeAsync(w, w.FrontDoor, Today.PlusDays(-2));
        var dueInAWeek = await AgreeAsync(w, w.Idva, Today.PlusDays(7));
        var later = await AgreeAsync(w, w.FrontDoor, Today.PlusDays(8), w.Harmer, "Weekly call", "Panic alarm");

        var due = await ListAsync(w, w.FrontDoor, dueOnly: true);
        Assert.Equal([overdue.Id, dueInAWeek.Id], due.Page.Items.Select(p => p.Id));
        Assert.Equal((2, 2), (due.DueForReview, due.Page.Total));
        Assert.Equal("Victoria Testfamily", due.Page.Items[0].VictimName);
        // The overdue one's review day has passed in London; the one due in a week has not.
        Assert.True(SafetyPlanList.ReviewDeadline(overdue.ReviewDate) < due.Now);
        Assert.True(SafetyPlanList.ReviewDeadline(dueInAWeek.ReviewDate) > due.Now);

        var all = await ListAsync(w, w.FrontDoor, dueOnly: false);
        Assert.Equal([overdue.Id, dueInAWeek.Id, later.Id], all.Page.Items.Select(p => p.Id));
        Assert.Equal(2, all.Page.Items[2].Measures);
        // An IDVA service reads the plans it agreed, not the Front Door's.
        Assert.Equal([dueInAWeek.Id], (await ListAsync(w, w.Idva, dueOnly: false)).Page.Items.Select(p => p.Id));
        await using var check = w.NewContext();
        // Each list names the plans it showed on the audit trail: the overdue one was on both of the Front Door's lists.
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.List && e.ResourceType == SafetyPlans.ResourceType && e.ActorUserId == w.FrontDoor.User.Id && e.ResourceId == overdue.Id.ToString()));
    }

    [Theory, BothDatabases]
    public async Task A_plan_takes_more_measures_a_review_moves_its_date_on_and_ending_needs_a_reason(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var plan = await AgreeAsync(w, w.FrontDoor, Today.PlusDays(3));
        var process = PathwayWorld.Process(w.FrontDoor);
        await using (var db = w.NewContext())
        {
            var plans = new SafetyPlans(db);
            Assert.Equal("Describe the measure", (await plans.AddMeasureAsync(new AddSafetyMeasureOptions(plan.Id, new SafetyMeasureOptions(" ", w.Police.Id)), process)).Problem);
            Assert.Null((await plans.AddMeasureAsync(new AddSafetyMeasureOptions(plan.Id, new SafetyMeasureOptions("Flag the address for a priority response", w.Police.Id)), process)).Problem);
            Assert.Equal("The next review date must be after today", (await plans.ReviewAsync(new ReviewSafetyPlanOptions(plan.Id, Today), process)).Problem);
            Assert.Null((await plans.ReviewAsync(new ReviewSafetyPlanOptions(plan.Id, Today.PlusDays(28)), process)).Problem);
            Assert.Equal("Enter why the plan is ending", (await plans.EndAsync(new EndSafetyPlanOptions(plan.Id, "  "), process)).Problem);
        }
        await using (var db = w.NewContext())
        {
            var view = (await new SafetyPlans(db).OpenAsync(plan.Id, process))!;
            Assert.Equal(["Refuge space", "Flag the address for a priority response"], view.Measures.Select(m => m.Measure));
            Assert.Equal((Today.PlusDays(28), (LocalDate?)Today, true, true), (view.ReviewDate, view.LastReviewedOn, view.IsOpen, view.MayUpdate));
            Assert.Null((await new SafetyPlans(db).EndAsync(new EndSafetyPlanOptions(plan.Id, "Victim moved out of the area and is supported there."), process)).Problem);
        }
        await using (var db = w.NewContext())
        {
            var ended = (await new SafetyPlans(db).OpenAsync(plan.Id, process))!;
            Assert.Equal(((LocalDate?)Today, "Victim moved out of the area and is supported there.", w.Council.Name), (ended.EndedOn, ended.EndReason, ended.EndedBy));
            // An ended plan is off the review lists and cannot be changed.
            Assert.Equal("This plan has ended: it cannot be changed", (await new SafetyPlans(db).ReviewAsync(new ReviewSafetyPlanOptions(plan.Id, Today.PlusDays(5)), process)).Problem);
        }
        Assert.Equal(0, (await ListAsync(w, w.FrontDoor, dueOnly: false)).Page.Total);
    }

    [Theory, BothDatabases]
    public async Task Only_those_with_the_grant_in_scope_read_or_change_a_plan(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var frontDoorPlan = await AgreeAsync(w, w.FrontDoor, Today.PlusDays(3));
        var otherIdva = await w.UserAsync(await w.OrganisationAsync(OrganisationType.VoluntarySector, "Another IDVA service"), Role.Idva);
        await using var db = w.NewContext();
        var plans = new SafetyPlans(db);
        await Assert.ThrowsAsync<ForbiddenException>(() => plans.OpenAsync(frontDoorPlan.Id, PathwayWorld.Process(otherIdva)));
        await Assert.ThrowsAsync<ForbiddenException>(() => plans.EndAsync(new EndSafetyPlanOptions(frontDoorPlan.Id, "No longer needed"), PathwayWorld.Process(otherIdva)));
        await Assert.ThrowsAsync<ForbiddenException>(() => plans.ListAsync(new SafetyPlanListOptions(true, new PageOptions()), PathwayWorld.Process(w.Officer)));
        await Assert.ThrowsAsync<NotFoundException>(() => plans.EndAsync(new EndSafetyPlanOptions(Guid.NewGuid(), "No longer needed"), PathwayWorld.Process(w.FrontDoor)));
        Assert.Null(await plans.OpenAsync(Guid.NewGuid(), PathwayWorld.Process(w.FrontDoor)));
    }

    [Theory, BothDatabases]
    public async Task Victims_given_safety_plans_counts_each_victim_once_in_the_year_their_plans_were_agreed_ended_or_not(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var analyst = await w.UserAsync(w.Council, Role.Analyst);
        // April 2026 to March 2027: two plans for the victim (one since ended), one for another; one the year before.
        w.Clock.Reset(Instant.FromUtc(2026, 3, 31, 12, 0));
        await AgreeAsync(w, w.FrontDoor, new LocalDate(2026, 4, 20));
        w.Clock.Reset(Instant.FromUtc(2026, 4, 1, 8, 0));
        var first = await AgreeAsync(w, w.FrontDoor, new LocalDate(2026, 5, 1));
        w.Clock.Reset(PathwayWorld.Now);
        await AgreeAsync(w, w.Idva, Today.PlusDays(14));
        await AgreeAsync(w, w.Idva, Today.PlusDays(14), w.Harmer);
        await using (var db = w.NewContext())
            Assert.Null((await new SafetyPlans(db).EndAsync(new EndSafetyPlanOptions(first.Id, "Risk reduced"), PathwayWorld.Process(w.FrontDoor))).Problem);

        await using var read = w.NewContext();
        var year = await new SafetyPlans(read).CountAsync(new SafetyPlanCountOptions(new LocalDate(2026, 4, 1), new LocalDate(2027, 4, 1)), PathwayWorld.Process(analyst));
        Assert.Equal((3, 2), (year.Plans, year.Victims));
        var before = await new SafetyPlans(read).CountAsync(new SafetyPlanCountOptions(new LocalDate(2025, 4, 1), new LocalDate(2026, 4, 1)), PathwayWorld.Process(analyst));
        Assert.Equal((1, 1), (before.Plans, before.Victims));
        // A school's own figures grant is not the partnership's figure.
        var keyAdult = await w.UserAsync(await w.OrganisationAsync(), Role.SchoolKeyAdult);
        await Assert.ThrowsAsync<ForbiddenException>(() => new SafetyPlans(read).CountAsync(new SafetyPlanCountOptions(new LocalDate(2026, 4, 1), new LocalDate(2027, 4, 1)), PathwayWorld.Process(keyAdult)));
    }
}
