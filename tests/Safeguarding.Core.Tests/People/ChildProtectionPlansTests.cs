using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// Children's social care records that a child is subject to a child protection plan, and when it ends: a team manager
/// for any child, a social worker for the children on their cases, no one else; each read and change audited.
/// </summary>
public sealed class ChildProtectionPlansTests
{
    [Theory, BothDatabases]
    public async Task Childrens_social_care_records_and_ends_a_plan_and_a_school_may_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var socialCare = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var otherTeam = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil), (socialCare, PersonLinkKind.OpenCase));
        var manager = await data.CreateUserAsync(otherTeam, Role.TeamManager);
        var socialWorker = await data.CreateUserAsync(socialCare, Role.SocialWorker);
        var otherSocialWorker = await data.CreateUserAsync(otherTeam, Role.SocialWorker);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var start = new LocalDate(2026, 3, 2);

        await using (var db = database.NewContext())
        {
            var plans = new ChildProtectionPlans(db);
            await Assert.ThrowsAsync<ForbiddenException>(() => plans.RecordAsync(new(child.Id, ChildProtectionCategory.Neglect, start), new("test", keyAdult.Actor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => plans.OpenAsync(child.Id, new("test", keyAdult.Actor), ct));
            // A social worker without the child on a case of their team's.
            await Assert.ThrowsAsync<ForbiddenException>(() => plans.RecordAsync(new(child.Id, ChildProtectionCategory.Neglect, start), new("test", otherSocialWorker.Actor), ct));
            await plans.RecordAsync(new(child.Id, ChildProtectionCategory.Neglect, start), new("test:record", socialWorker.Actor), ct);
        }
        await using (var db = database.NewContext())
        {
            var plans = new ChildProtectionPlans(db);
            Assert.Equal(ChildProtectionPlans.HoldReason, await plans.WhyHoldAsync(partnership.Id, child.Id, null, ct));
            var opened = await plans.OpenAsync(child.Id, new("test:open", manager.Actor), ct);
            Assert.Equal((ChildProtectionCategory.Neglect, start, true), (opened!.Current!.Category, opened.Current.StartDate, opened.MayRecord));
            await Assert.ThrowsAsync<InvalidOperationException>(() => plans.RecordAsync(new(child.Id, ChildProtectionCategory.EmotionalAbuse, start), new("test", manager.Actor), ct));
            await plans.EndAsync(new(child.Id, opened.Current.Id, new LocalDate(2026, 9, 30)), new("test:end", manager.Actor), ct);
        }
        await using var read = database.NewContext();
        Assert.Null(await new ChildProtectionPlans(read).WhyHoldAsync(partnership.Id, child.Id, null, ct));
        var plan = await read.Set<ChildProtectionPlan>().SingleAsync(ct);
        Assert.Equal((new LocalDate(2026, 9, 30), manager.User.Id), (plan.EndDate!.Value, plan.EndedByUserId!.Value));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:record" && e.ResourceType == nameof(ChildProtectionPlan) && e.Action == AuditActions.Create, ct));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:end" && e.ResourceType == nameof(ChildProtectionPlan) && e.Action == AuditActions.Update, ct));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.Process == "test:open" && e.ResourceType == nameof(ChildProtectionPlan) && e.Action == AuditActions.Read
            && e.ResourceId == child.Id.ToString(), ct));
    }
}
