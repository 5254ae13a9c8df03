using Safeguarding.Core.People;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Data;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dash;

/// <summary>The checklist pages ask the policy about the incident and the people they show, and audit what they show.</summary>
public sealed class DashAccessTests
{
    /// <summary>The officer's draft checklist for the incident's victim.</summary>
    private static async Task<RiskAssessment> StartChecklistAsync(Setting s)
    {
        await using var scope = s.Host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RiskAssessmentRecords>().StartAsync(
            new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Police, s.Victim.Id, null, s.Incident.Id, Households.LondonDate(s.Incident.OccurredAt)),
            new ProcessContext("test", s.Officer.Actor));
    }

    [Theory, BothDatabases]
    public async Task The_incident_list_is_only_for_those_who_may_read_the_incidents(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var idva = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(s.Council, Role.Idva));
        var otherForce = await s.Host.Data.CreateOrganisationAsync(s.Police.PartnershipId, OrganisationType.PoliceForce);
        var otherOfficer = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(otherForce, Role.PoliceDomesticAbuse));

        var idvaList = (await (await idva.GetAsync("/domestic-abuse/dash")).HtmlAsync()).Body!.TextContent;
        var otherForceList = (await (await otherOfficer.GetAsync("/domestic-abuse/dash")).HtmlAsync()).Body!.TextContent;
        var ownForceList = (await (await (await s.Host.SignInAsync(s.Officer)).GetAsync("/domestic-abuse/dash")).HtmlAsync()).Body!.TextContent;

        Assert.DoesNotContain(s.Incident.PoliceReference, idvaList);
        Assert.DoesNotContain(s.Victim.GivenName, idvaList);
        Assert.DoesNotContain(s.Incident.PoliceReference, otherForceList);
        Assert.Contains(s.Incident.PoliceReference, ownForceList);
        Assert.Contains(s.Victim.GivenName, ownForceList);
    }

    [Theory, BothDatabases]
    public async Task Starting_a_checklist_opens_the_incident_only_for_its_force_or_the_front_door_and_audits_it(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var idvaUser = await s.Host.Data.CreateUserAsync(s.Council, Role.Idva);
        var idva = await s.Host.SignInAsync(idvaUser);
        var otherForce = await s.Host.Data.CreateOrganisationAsync(s.Police.PartnershipId, OrganisationType.PoliceForce);
        var otherOfficer = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(otherForce, Role.PoliceDomesticAbuse));
        var start = $"/domestic-abuse/dash/start/{s.Incident.Id}";

        var byIdva = await idva.GetAsync(start);
        var byOtherForce = await otherOfficer.GetAsync(start);
        var byUnknownId = await idva.GetAsync($"/domestic-abuse/dash/start/{Guid.NewGuid()}");
        var byOfficer = await (await s.Host.SignInAsync(s.Officer)).GetAsync(start);
        var postedByIdva = await idva.PostAsync(start, new FormUrlEncodedContent([new("ChecklistCode", "dash-adult")]));

        Assert.Equal(HttpStatusCode.Forbidden, byIdva.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherForce.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnknownId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOfficer.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, postedByIdva.StatusCode);
        await using var db = s.Host.NewContext();
        var reads = await db.AuditEntries.Where(e => e.ResourceType == RiskAssessmentRecords.IncidentResourceType && e.ResourceId == s.Incident.Id.ToString()).ToListAsync();
        Assert.Contains(reads, e => e.Outcome == AuditOutcome.Allowed && e.Action == AuditActions.Read && e.ActorUserId == s.Officer.User.Id);
        Assert.Contains(reads, e => e.Outcome == AuditOutcome.Denied && e.ActorUserId == idvaUser.User.Id);
        Assert.False(await db.RiskAssessments.AnyAsync(a => a.IncidentId == s.Incident.Id));
    }

    [Theory, BothDatabases]
    public async Task A_sealed_child_is_not_named_on_the_child_pages_and_a_sealed_victim_is_not_named_in_the_list(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var assessment = await StartChecklistAsync(s);
        await s.Host.Data.SaveAsync(db =>
        {
            db.People.Attach(s.Child);
            db.People.Attach(s.Victim);
            s.Child.IsSealed = true;
            s.Victim.IsSealed = true;
        });
        var officer = await s.Host.SignInAsync(s.Officer);

        var child = await officer.GetAsync($"/domestic-abuse/dash/{assessment.Id}/child/1");
        var check = await officer.GetAsync($"/domestic-abuse/dash/{assessment.Id}/check");
        var list = await officer.GetAsync("/domestic-abuse/dash");

        Assert.Equal(HttpStatusCode.Redirect, child.StatusCode);
        Assert.EndsWith($"/domestic-abuse/dash/{assessment.Id}/check", child.Headers.Location!.OriginalString);
        Assert.DoesNotContain(s.Child.GivenName, await check.Content.ReadAsStringAsync());
        var listed = (await list.HtmlAsync()).Body!.TextContent;
        Assert.DoesNotContain(s.Victim.GivenName, listed);
        Assert.Contains(SealedPeople.Withheld, listed);
    }

    [Theory, BothDatabases]
    public async Task The_child_pages_name_a_child_who_is_not_sealed_and_audit_the_read(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var assessment = await StartChecklistAsync(s);
        var officer = await s.Host.SignInAsync(s.Officer);

        var child = await officer.GetAsync($"/domestic-abuse/dash/{assessment.Id}/child/1");

        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
        Assert.Contains(s.Child.GivenName, (await child.HtmlAsync()).QuerySelector("h1")!.TextContent);
        await using var db = s.Host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == "Person" && e.ResourceId == s.Child.Id.ToString() && e.ActorUserId == s.Officer.User.Id));
    }
}
