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

namespace Safeguarding.Web.Tests.DomesticAbuse;

/// <summary>The pathway through its pages: an officer's checklist, the Front Door's list and decision, the MARAC agenda, the GP's flag.</summary>
public sealed class PathwayPageTests
{
    private sealed record Setting(TestHost Host, Organisation Police, Organisation Council, Organisation Gp, TestUser Officer, TestUser FrontDoor,
        Person Victim, Person Child, DomesticIncident Incident);

    private static async Task<Setting> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var data = host.Data;
        var partnership = await data.CreatePartnershipAsync();
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var gp = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var child = await data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient));
        var victim = new Person { PartnershipId = partnership.Id, GivenName = $"Vera{TestData.Next()}", FamilyName = "Testperson", DateOfBirth = new LocalDate(1991, 1, 1), Sex = Sex.Female, CreatedAt = SystemClock.Instance.GetCurrentInstant() };
        var nhs = NhsFor(TestData.Next());
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = new DomesticIncident
        {
            PartnershipId = partnership.Id, ForceOrganisationId = police.Id, PoliceReference = $"DA/{TestData.Next()}", OccurredAt = now - Duration.FromHours(2),
            ReportedAt = now - Duration.FromHours(2), ReceivedAt = now - Duration.FromMinutes(1), Category = DomesticAbuseCategory.Physical, Received = "{}",
            Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = victim.GivenName, FamilyName = victim.FamilyName, PersonId = victim.Id }],
            Children = [new IncidentChild { GivenName = child.GivenName, FamilyName = child.FamilyName, PersonId = child.Id }],
        };
        await data.SaveAsync(db =>
        {
            db.People.Add(victim);
            db.People.Attach(child);
            child.NhsNumber = nhs;
            db.DomesticIncidents.Add(incident);
            db.DomesticAbuseSettings.Add(new DomesticAbuseSettings { PartnershipId = partnership.Id, FlagContactOrganisationId = council.Id, WomenAged16Plus = 10_000 });
            db.MeetingSeries.Add(new MeetingSeries
            {
                PartnershipId = partnership.Id, Name = "MARAC", Kind = MeetingKind.Marac, Cadence = Cadence.Fortnightly, FirstDate = new LocalDate(2026, 1, 8),
                StartTime = new LocalTime(10, 0), DurationMinutes = 120, ChairOrganisationId = council.Id,
            });
        });
        return new Setting(host, police, council, gp, await data.CreateUserAsync(police, Role.PoliceDomesticAbuse),
            await data.CreateUserAsync(council, Role.FrontDoorPractitioner), victim, child, incident);
    }

    private static string NhsFor(int n)
    {
        for (var seed = 999_900_000 + n * 7; ; seed++)
        {
            var nine = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var check = 11 - nine.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11;
            if (check != 10) return nine + (check == 11 ? 0 : check);
        }
    }

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
    public async Task A_police_officer_cannot_open_the_dramm_list(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/domestic-abuse/dramm")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/domestic-abuse/dramm/triage?incident={s.Incident.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_police_officer_refused_the_dramm_list_is_audited_once_by_the_host(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/domestic-abuse/dramm?day=2026-11-10")).StatusCode);

        await using var db = s.Host.NewContext();
        var denied = await db.AuditEntries.SingleAsync(e => e.ResourceType == DrammList.ResourceType && e.ActorUserId == s.Officer.User.Id);
        Assert.Equal((AuditOutcome.Denied, "2026-11-10", "the DRAMM list is for the Front Door"), (denied.Outcome, denied.ResourceId, denied.Details));
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
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/domestic-abuse/dash/{Guid.NewGuid()}/check")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await s.Host.SignInAsync(s.Officer)).GetAsync($"/domestic-abuse/dash/{assessment.Id}/check")).StatusCode);

        await using var db = s.Host.NewContext();
        var reads = await db.AuditEntries.Where(e => e.ResourceType == RiskAssessmentRecords.ResourceType && e.ResourceId == assessment.Id.ToString()
            && e.Action == AuditActions.Read).ToListAsync();
        Assert.Equal(s.Officer.User.Id, reads.Single(e => e.Outcome == AuditOutcome.Allowed).ActorUserId);
        Assert.NotEqual(s.Officer.User.Id, reads.Single(e => e.Outcome == AuditOutcome.Denied).ActorUserId);
        Assert.Equal(2, reads.Count);
    }

    [Theory, BothDatabases]
    public async Task A_meeting_page_is_opened_by_its_folder_filter_and_the_invitation_download_is_not_a_view(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        Meeting meeting;
        await using (var scope = s.Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
            var series = await db.MeetingSeries.AsNoTracking().SingleAsync(x => x.ChairOrganisationId == s.Council.Id);
            meeting = await scope.ServiceProvider.GetRequiredService<MeetingRecords>().NextMeetingAsync(
                new NextMeetingOptions(series.Id, new LocalDate(2026, 11, 10)), new ProcessContext("test", s.FrontDoor.Actor));
        }
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync($"/meetings/{meeting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await frontDoor.GetAsync($"/meetings/{Guid.NewGuid()}")).StatusCode);
        var invitation = await frontDoor.GetAsync($"/meetings/{meeting.Id}/invitation");
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        Assert.Equal("text/calendar", invitation.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", await invitation.Content.ReadAsStringAsync());

        await using var check = s.Host.NewContext();
        var views = await check.AuditEntries.Where(e => e.ResourceType == MeetingRecords.ResourceType && e.ResourceId == meeting.Id.ToString() && e.Action == AuditActions.Read)
            .ToListAsync();
        Assert.Equal("not an attendee: agenda subjects withheld", Assert.Single(views).Details);
    }

    [Theory, BothDatabases]
    public async Task Triage_with_no_further_action_and_no_reason_shows_the_error_and_records_nothing(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var url = $"/domestic-abuse/dramm/triage?incident={s.Incident.Id}";

        var response = await frontDoor.PostFormAsync(url, [new("Decisions", "nfa")], url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why no further action is needed", (await response.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        await using var db = s.Host.NewContext();
        Assert.False(await db.TriageDecisions.AnyAsync(d => d.IncidentId == s.Incident.Id));
    }
}
