using Safeguarding.Core.Data;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The partnership's plan on both databases: the year's priorities in order with their sub-groups' actions by due date,
/// "did not progress" only with its reason, overdue actions marked, other years and partnerships apart; an agency's
/// safeguarding lead neither reads nor keeps it; the figures readers (the yearly report) read it.
/// </summary>
public sealed class PartnershipPlanTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    [Theory, BothDatabases]
    public async Task A_year_holds_its_priorities_with_their_actions_and_did_not_progress_needs_a_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Aire Valley Police");
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var analyst = await data.CreateUserAsync(council, Role.Analyst);
        var lead = await data.CreateUserAsync(police, Role.AgencySafeguardingLead);
        var other = await data.CreateUserAsync(await data.CreateOrganisationAsync((await data.CreatePartnershipAsync()).Id, OrganisationType.CouncilService), Role.PartnershipBusinessManager);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 1, 15, 9, 0)));
        var plan = new PartnershipPlan(db);

        await plan.AddPartnerAsync(new AddPartnerOptions(PartnerKind.Police, police.Id, "Chief Superintendent"), As(manager), ct);
        var group = await plan.AddSubGroupAsync(new AddSubGroupOptions("Domestic abuse sub-group", "Head of Safer Communities", [council.Id, police.Id]), As(manager), ct);
        var da = await plan.AddPriorityAsync(new AddPriorityOptions(2023, "Domestic abuse", "Children are identified early"), As(manager), ct);
        var learners = await plan.AddPriorityAsync(new AddPriorityOptions(2023, "Vulnerable learners", "Children attend"), As(manager), ct);
        await plan.AddPriorityAsync(new AddPriorityOptions(2022, "Last year's", "Elsewhere"), As(manager), ct);
        var late = await plan.AddActionAsync(new AddActionOptions(group, da, "Routine enquiry in GP practices", "ICB", new LocalDate(2023, 12, 31)), As(manager), ct);
        var early = await plan.AddActionAsync(new AddActionOptions(group, da, "Encompass before the school day", "Police", new LocalDate(2023, 9, 30)), As(manager), ct);
        await plan.AddActionAsync(new AddActionOptions(group, learners, "Follow up absence", "Attendance team", new LocalDate(2024, 3, 31)), As(manager), ct);
        await plan.RecordStatusAsync(new ActionStatusOptions(early, ActionStatus.Done, null), As(manager), ct);
        Assert.Equal("Reason", (await Assert.ThrowsAsync<ArgumentException>(() =>
            plan.RecordStatusAsync(new ActionStatusOptions(late, ActionStatus.DidNotProgress, " "), As(manager), ct))).ParamName);
        await plan.RecordStatusAsync(new ActionStatusOptions(late, ActionStatus.DidNotProgress, "Contract changes took priority"), As(manager), ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => plan.AddPriorityAsync(new AddPriorityOptions(2023, "Mine", "Mine"), As(lead), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => plan.YearAsync(new PlanYearOptions(2023), As(lead), ct));
        await Assert.ThrowsAsync<NotFoundException>(() => plan.RecordStatusAsync(new ActionStatusOptions(late, ActionStatus.Done, null), As(other), ct));

        var year = await plan.YearAsync(new PlanYearOptions(2023), As(analyst), ct);

        Assert.Equal("2023-24", year.Name);
        Assert.Equal(["Domestic abuse", "Vulnerable learners"], year.Priorities.Select(p => p.Title));
        Assert.Equal(["Encompass before the school day", "Routine enquiry in GP practices"], year.Priorities[0].Actions.Select(a => a.Action));
        Assert.Equal("Contract changes took priority", Assert.Single(year.Priorities[0].DidNotProgress).NotProgressedReason);
        Assert.False(year.Priorities[1].Actions[0].Overdue);
        Assert.Equal(["Aire Valley Council", "Aire Valley Police"], Assert.Single(year.SubGroups).Members);
        Assert.Equal(new PartnerView(PartnerKind.Police, "Aire Valley Police", "Chief Superintendent"), Assert.Single(year.Partners) with { Id = default });
        Assert.Empty((await plan.YearAsync(new PlanYearOptions(2023), As(other), ct)).Priorities);
    }
}
