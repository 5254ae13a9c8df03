using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dramm;

/// <summary>
/// The pages of what triage sends on: the DASH result on the triage page, children's social work's queue and decision
/// (a decline needs a reason, which the Front Door reads on the case), the walk-in checklist, and Done's next steps.
/// </summary>
public sealed class TriageReferralPageTests
{
    [Theory, BothDatabases]
    public async Task The_triage_page_shows_the_checklists_score_visible_high_risk_and_escalation(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await s.Host.Data.SaveAsync(db => db.RiskAssessments.Add(new RiskAssessment
        {
            PartnershipId = s.Police.PartnershipId, ChecklistCode = "dash-adult", ChecklistVersion = 1, IncidentId = s.Incident.Id, VictimPersonId = s.Victim.Id,
            AssessedByOrganisationId = s.Police.Id, IncidentDate = new LocalDate(2026, 11, 9), Status = AssessmentStatus.Completed,
            StartedAt = s.Incident.ReceivedAt, CompletedAt = s.Incident.ReceivedAt, YesCount = 15, VisibleHighRisk = true, Refer = true,
        }));
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var page = await (await frontDoor.GetAsync($"/domestic-abuse/dramm/triage?incident={s.Incident.Id}")).HtmlAsync();

        var dash = page.QuerySelector("#triage-dash")!.TextContent;
        Assert.Contains("Score 15", dash);
        Assert.Contains("Visible high risk: yes", dash);
        Assert.Contains("Potential escalation: no", dash);
    }

    [Theory, BothDatabases]
    public async Task Social_work_declines_a_referral_from_its_queue_only_with_a_reason_and_the_Front_Door_reads_it_on_the_case(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var socialWorker = await s.Host.Data.CreateUserAsync(s.Council, Role.SocialWorker);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var triage = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await frontDoor.PostFormAsync(triage, [new("Decisions", "social-work")], triage)).StatusCode);

        var social = await s.Host.SignInAsync(socialWorker);
        var queue = await (await social.GetAsync("/domestic-abuse/referrals/social-work")).HtmlAsync();
        var link = queue.QuerySelectorAll("#referral-queue a").Single(a => a.TextContent.Contains(s.Victim.GivenName));
        var url = link.GetAttribute("href")!;
        var opened = await (await social.GetAsync(url)).HtmlAsync();
        Assert.Contains(s.Incident.PoliceReference, opened.QuerySelector("#referral-case")!.TextContent);
        Assert.Contains(s.Child.GivenName, opened.QuerySelector("#referral-case")!.TextContent);

        var noReason = await (await social.PostFormAsync(url, new() { ["Decision"] = "decline", ["DeclineReason"] = " " })).HtmlAsync();
        Assert.Contains("Say why the referral is declined", noReason.QuerySelector(".govuk-error-summary")!.TextContent);
        var declined = await social.PostFormAsync(url, new() { ["Decision"] = "decline", ["DeclineReason"] = "Already open to the family's social worker." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var seen = await (await frontDoor.GetAsync(triage)).HtmlAsync();
        var outcome = seen.QuerySelector("#triage-referrals")!.TextContent;
        Assert.Contains("Declined", outcome);
        Assert.Contains("Already open to the family's social worker.", outcome);
        await using var db = s.Host.NewContext();
        var id = url.Split('/').Last();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == TriageReferrals.ResourceType && e.ResourceId == id && e.Action == AuditActions.Read
                                                        && e.ActorUserId == socialWorker.User.Id));
    }

    [Theory, BothDatabases]
    public async Task The_emergency_department_records_someone_who_walks_in_and_starts_their_checklist_without_a_police_incident(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var hospital = await s.Host.Data.CreateOrganisationAsync(s.Police.PartnershipId, OrganisationType.HospitalTrust);
        var nurse = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(hospital, Role.HealthSafeguardingPractitioner));
        var given = $"Walkin{TestData.Next()}";
        Dictionary<string, string> Person(params (string Key, string Value)[] more)
        {
            var fields = new Dictionary<string, string>
            {
                ["Find.GivenName"] = given, ["Find.FamilyName"] = "Testperson", ["Find.DateOfBirth.Day"] = "4", ["Find.DateOfBirth.Month"] = "3", ["Find.DateOfBirth.Year"] = "1985",
            };
            foreach (var (k, v) in more) fields[k] = v;
            return fields;
        }

        var found = await (await nurse.PostFormAsync("/domestic-abuse/dash/walk-in?handler=Find", Person(), "/domestic-abuse/dash/walk-in")).HtmlAsync();
        Assert.NotNull(found.QuerySelector("input[name='Find.Person'][value=new]"));
        var unchosen = await (await nurse.PostFormAsync("/domestic-abuse/dash/walk-in?handler=Start", Person(("ChecklistCode", "dash-adult")), "/domestic-abuse/dash/walk-in")).HtmlAsync();
        Assert.Contains("Select who it is, or record them as a new person", unchosen.QuerySelector(".govuk-error-summary")!.TextContent);

        var started = await nurse.PostFormAsync("/domestic-abuse/dash/walk-in?handler=Start", Person(("Find.Person", "new"), ("ChecklistCode", "dash-adult")), "/domestic-abuse/dash/walk-in");

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await using var db = s.Host.NewContext();
        var person = await db.People.SingleAsync(p => p.GivenName == given);
        Assert.True(await db.SourceRecords.AnyAsync(r => r.PersonId == person.Id && r.OrganisationId == hospital.Id));
        var assessment = await db.RiskAssessments.SingleAsync(a => a.VictimPersonId == person.Id);
        Assert.Equal((null, AssessmentSetting.EmergencyDepartment), (assessment.IncidentId, assessment.Setting));
    }

    [Theory, BothDatabases]
    public async Task Done_says_a_MARAC_referral_only_when_the_assessor_referred_and_otherwise_that_none_was_made(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);
        async Task<string> AnsweredAsync(int yes)
        {
            var start = await officer.PostFormAsync($"/domestic-abuse/dash/start/{s.Incident.Id}", new() { ["ChecklistCode"] = "dash-adult" });
            var id = start.Headers.Location!.OriginalString.Split('/')[3];
            for (var q = 1; q <= 24; q++)
                await officer.PostFormAsync($"/domestic-abuse/dash/{id}/question/{q}", new() { ["Answer"] = q <= yes ? "yes" : "no" });
            return id;
        }

        var notReferred = await AnsweredAsync(15);
        await officer.PostFormAsync($"/domestic-abuse/dash/{notReferred}/check", new Dictionary<string, string>());
        var done = (await (await officer.GetAsync($"/domestic-abuse/dash/{notReferred}/done")).HtmlAsync()).QuerySelector("#what-happens-next")!.TextContent;
        Assert.Contains("no MARAC referral has been made", done);
        Assert.Contains("DRAMM", done);

        var referred = await AnsweredAsync(15);
        await officer.PostFormAsync($"/domestic-abuse/dash/{referred}/check", new() { ["ReferToMarac"] = "true" });
        var told = (await (await officer.GetAsync($"/domestic-abuse/dash/{referred}/done")).HtmlAsync()).QuerySelector("#what-happens-next")!.TextContent;
        Assert.Contains("You referred", told);
        Assert.Contains("visible high risk", told);
        await using var db = s.Host.NewContext();
        Assert.False(await db.MaracReferrals.AnyAsync(r => r.RiskAssessmentId == Guid.Parse(notReferred)));
        Assert.True(await db.MaracReferrals.AnyAsync(r => r.RiskAssessmentId == Guid.Parse(referred)));
    }
}
