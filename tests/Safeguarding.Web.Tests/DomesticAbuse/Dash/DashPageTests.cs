using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dash;

public sealed class DashPageTests
{
    /// <summary>The working day whose DRAMM list holds an instant (lists are drawn at 09:00 London time).</summary>
    private static LocalDate DrammDayFor(Instant received)
    {
        var day = Households.LondonDate(received).PlusDays(-1);
        while (true)
        {
            day = day.PlusDays(1);
            if (!DrammList.IsDrammDay(day)) continue;
            var w = DrammList.WindowFor(day, new LocalTime(9, 0));
            if (w.From <= received && received < w.To) return day;
        }
    }

    [Theory, BothDatabases]
    public async Task A_dash_of_14_reaches_the_dramm_list_is_triaged_to_marac_is_on_the_agenda_and_the_gp_reads_the_flag(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);

        var worklist = await (await officer.GetAsync("/domestic-abuse/dash")).HtmlAsync();
        Assert.Contains(s.Incident.PoliceReference, worklist.Body!.TextContent);
        var start = await officer.PostFormAsync($"/domestic-abuse/dash/start/{s.Incident.Id}", new() { ["ChecklistCode"] = "dash-adult" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var next = start.Headers.Location!.OriginalString;
        Assert.EndsWith("/question/1", next);
        var id = next.Split('/')[3];

        // Unanswered: the error summary, and nothing saved.
        var blank = await officer.PostFormAsync(next, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Select yes, no or not known", (await blank.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        for (var q = 1; q <= 24; q++)
        {
            var answer = await officer.PostFormAsync($"/domestic-abuse/dash/{id}/question/{q}", new() { ["Answer"] = q <= 14 ? "yes" : q == 24 ? "unknown" : "no" });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            next = answer.Headers.Location!.OriginalString;
        }
        Assert.EndsWith("/child/1", next);
        var child = await officer.PostFormAsync(next, new() { ["FeelsSafe"] = "no", ["Happy"] = "Drawing", ["Sad"] = "Noise at night", ["Help"] = "" });
        Assert.EndsWith("/check", child.Headers.Location!.OriginalString);
        var check = await (await officer.GetAsync($"/domestic-abuse/dash/{id}/check")).HtmlAsync();
        Assert.Equal("14", check.QuerySelector("#yes-count")!.TextContent.Trim());
        var complete = await officer.PostFormAsync($"/domestic-abuse/dash/{id}/check", new Dictionary<string, string>());
        Assert.EndsWith("/done", complete.Headers.Location!.OriginalString);

        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var day = DrammDayFor(s.Incident.ReceivedAt).ToString("yyyy-MM-dd", null);
        var list = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={day}")).HtmlAsync();
        var row = list.QuerySelectorAll("#dramm-list tbody tr").Single(r => r.TextContent.Contains(s.Victim.GivenName));
        Assert.Contains("14 yes: MARAC criteria met", row.TextContent);
        Assert.Contains(s.Child.GivenName, row.TextContent);

        var triage = await frontDoor.PostFormAsync($"/domestic-abuse/dramm/triage?incident={s.Incident.Id}&assessment={id}",
            [new("Decisions", "marac"), new("Decisions", "children-at-risk")], $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}&assessment={id}");
        Assert.Equal(HttpStatusCode.Redirect, triage.StatusCode);

        var listed = await frontDoor.PostFormAsync("/domestic-abuse/marac?handler=List", new Dictionary<string, string>(), "/domestic-abuse/marac");
        Assert.Equal(HttpStatusCode.Redirect, listed.StatusCode);
        var agenda = await (await frontDoor.GetAsync(listed.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains($"{s.Victim.GivenName} {s.Victim.FamilyName}", agenda.QuerySelector("#agenda")!.TextContent);
        Assert.Contains("visible high risk (14 yes)", agenda.QuerySelector("#agenda")!.TextContent);

        var (clientId, secret) = await s.Host.Data.CreateApiClientAsync(s.Gp, "health-flags:read");
        await using var db = s.Host.NewContext();
        var nhs = await db.People.Where(p => p.Id == s.Child.Id).Select(p => p.NhsNumber).SingleAsync();
        var fhir = await s.Host.ApiClient(clientId, secret).GetAsync($"/fhir/Flag?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}");
        var bundle = JsonDocument.Parse(await fhir.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, bundle.GetProperty("total").GetInt32());
        Assert.Equal(2, await db.HealthFlags.CountAsync(f => f.ChildPersonId == s.Child.Id && f.Status == HealthFlagStatus.Active));
    }

    [Theory, BothDatabases]
    public async Task A_checklist_of_another_organisation_is_refused_by_its_folder_filter_and_audited(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        RiskAssessment assessment;
        await using (var scope = s.Host.Factory.Services.CreateAsyncScope())
            assessment = await scope.ServiceProvider.GetRequiredService<RiskAssessmentRecords>().StartAsync(
                new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Police, s.Victim.Id, null, s.Incident.Id, new LocalDate(2026, 11, 9)),
                new ProcessContext("test", s.Officer.Actor));
        var socialWorker = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(s.Council, Role.SocialWorker));

        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync($"/domestic-abuse/dash/{assessment.Id}/check")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync($"/domestic-abuse/dash/{Guid.NewGuid()}/check")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await s.Host.SignInAsync(s.Officer)).GetAsync($"/domestic-abuse/dash/{assessment.Id}/check")).StatusCode);

        await using var db = s.Host.NewContext();
        var reads = await db.AuditEntries.Where(e => e.ResourceType == RiskAssessmentRecords.ResourceType && e.ResourceId == assessment.Id.ToString()
            && e.Action == AuditActions.Read).ToListAsync();
        Assert.Equal(s.Officer.User.Id, reads.Single(e => e.Outcome == AuditOutcome.Allowed).ActorUserId);
        Assert.NotEqual(s.Officer.User.Id, reads.Single(e => e.Outcome == AuditOutcome.Denied).ActorUserId);
        Assert.Equal(2, reads.Count);
    }
}
