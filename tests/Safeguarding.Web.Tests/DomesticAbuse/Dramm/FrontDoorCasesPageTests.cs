using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dramm;

/// <summary>
/// The Front Door practitioner's list of the day, worked many cases at a time: sorted and filtered by risk, decision and
/// practitioner; no further action for several cases with one reason; cases given to practitioners; each incident's page.
/// </summary>
public sealed class FrontDoorCasesPageTests
{
    /// <summary>Tuesday 10 November 2026: its list holds what arrived from Monday 09:00 to Tuesday 09:00.</summary>
    private const string Tuesday = "2026-11-10";
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 9, 12, 0);

    private static DomesticIncident Incident(Setting s, string victim, Instant receivedAt, int version = 1, string? reference = null, Guid? victimPersonId = null) => new()
    {
        PartnershipId = s.Police.PartnershipId, ForceOrganisationId = s.Police.Id, PoliceReference = reference ?? $"DA/{TestData.Next()}", Version = version,
        OccurredAt = receivedAt - Duration.FromHours(1), ReportedAt = receivedAt - Duration.FromHours(1), ReceivedAt = receivedAt,
        Category = DomesticAbuseCategory.Physical, Received = "{}", Summary = "Shouting heard by neighbours.",
        Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = victim, FamilyName = "Testfront", PersonId = victimPersonId }],
    };

    private static RiskAssessment Dash(Setting s, DomesticIncident incident, int yes, bool refer) => new()
    {
        PartnershipId = s.Police.PartnershipId, ChecklistCode = ChecklistDefinition.Adult, ChecklistVersion = ShippedChecklists.Get(ChecklistDefinition.Adult).Version,
        IncidentId = incident.Id, AssessedByOrganisationId = s.Police.Id, IncidentDate = new LocalDate(2026, 11, 9), StartedAt = incident.ReceivedAt,
        CompletedAt = incident.ReceivedAt + Duration.FromMinutes(10), Status = AssessmentStatus.Completed, YesCount = yes, Refer = refer, VisibleHighRisk = refer,
        Answers = """{"1":true,"2":false}""",
    };

    private static TriageDecision Decided(Setting s, DomesticIncident incident) => new()
    {
        PartnershipId = incident.PartnershipId, IncidentId = incident.Id, DecidedOn = new LocalDate(2026, 11, 10), DecidedAt = Instant.FromUtc(2026, 11, 10, 10, 0),
        DecidedByOrganisationId = s.Council.Id, NoFurtherAction = true, NoFurtherActionReason = "Known to services.",
    };

    private static List<string> Victims(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#dramm-list tbody tr").Select(r => r.QuerySelector("td[data-label=Victim]")!.TextContent.Trim().Split(' ')[0])];

    /// <summary>Four cases on Tuesday's list: no checklist, below the criteria, criteria met, and one already decided.</summary>
    private static async Task<(DomesticIncident None, DomesticIncident Below, DomesticIncident Met, DomesticIncident Done)> FourCasesAsync(Setting s)
    {
        var none = Incident(s, "Nora", Monday);
        var below = Incident(s, "Bella", Monday + Duration.FromMinutes(1));
        var met = Incident(s, "Mira", Monday + Duration.FromMinutes(2));
        var done = Incident(s, "Dora", Monday + Duration.FromMinutes(3));
        await s.Host.Data.SaveAsync(db =>
        {
            db.DomesticIncidents.AddRange(none, below, met, done);
            db.RiskAssessments.AddRange(Dash(s, below, 5, false), Dash(s, met, 15, true));
            db.TriageDecisions.Add(Decided(s, done));
        });
        return (none, below, met, done);
    }

    [Theory, BothDatabases]
    public async Task The_list_sorts_the_highest_risk_first_and_filters_by_risk_and_by_decision_with_true_totals(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await FourCasesAsync(s);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var received = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}")).HtmlAsync();
        var byRisk = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&sort=risk")).HtmlAsync();
        var met = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&risk=criteria")).HtmlAsync();
        var none = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&risk=none")).HtmlAsync();
        var toDecide = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&status=to-decide&sort=risk")).HtmlAsync();
        var decided = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&status=decided")).HtmlAsync();

        Assert.Equal(["Nora", "Bella", "Mira", "Dora"], Victims(received));
        Assert.Equal(["Mira", "Bella", "Nora", "Dora"], Victims(byRisk));
        Assert.Equal(["Mira"], Victims(met));
        Assert.Equal(["Nora", "Dora"], Victims(none));
        Assert.Equal(["Mira", "Bella", "Nora"], Victims(toDecide));
        Assert.StartsWith("3 cases", toDecide.QuerySelector("#dramm-list caption")!.TextContent.Trim());
        Assert.Equal(["Dora"], Victims(decided));
    }

    [Theory, BothDatabases]
    public async Task A_filter_value_the_list_does_not_know_is_said_so_and_not_applied(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await FourCasesAsync(s);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var page = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}&risk=extreme&status=maybe")).HtmlAsync();

        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Choose a risk from the list", summary);
        Assert.Contains("Choose decided or to decide", summary);
        Assert.Equal(4, page.QuerySelectorAll("#dramm-list tbody tr").Length);
    }

    [Theory, BothDatabases]
    public async Task No_further_action_for_the_cases_selected_records_one_audited_decision_each_with_the_one_reason(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var (none, below, _, _) = await FourCasesAsync(s);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var list = $"/domestic-abuse/dramm?day={Tuesday}&status=to-decide";
        var form = (await (await frontDoor.GetAsync(list)).HtmlAsync()).QuerySelector("#dramm-list")!.Closest("form")!;

        var response = await frontDoor.PostFormAsync(list + "&handler=NoFurtherAction",
            [new("Selected", $"incident:{none.Id}"), new("Selected", $"incident:{below.Id}"), new("Reason", "Historic report; no current risk.")], list);

        // The form carries its own antiforgery token (a form with an action gets none unless asked).
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        await using var db = s.Host.NewContext();
        var decisions = await db.TriageDecisions.Where(d => d.IncidentId == none.Id || d.IncidentId == below.Id).ToListAsync();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal((true, "Historic report; no current risk.", s.FrontDoor.User.Id), (d.NoFurtherAction, d.NoFurtherActionReason, d.DecidedByUserId)));
        var ids = decisions.Select(d => d.Id.ToString()).ToList();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.ResourceType == nameof(TriageDecision) && e.Action == AuditActions.Create && ids.Contains(e.ResourceId!)));
        var after = await (await frontDoor.GetAsync(response.Headers.Location.OriginalString)).HtmlAsync();
        Assert.Equal("No further action recorded for 2 cases", after.QuerySelector("#dramm-done")!.TextContent.Trim());
        Assert.Equal(["Mira"], Victims(after));
    }

    [Theory, BothDatabases]
    public async Task No_further_action_needs_a_reason_and_cases_and_records_nothing_when_one_case_is_already_decided(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var (none, _, _, done) = await FourCasesAsync(s);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var list = $"/domestic-abuse/dramm?day={Tuesday}";

        var noReason = await frontDoor.PostFormAsync(list + "&handler=NoFurtherAction", [new("Selected", $"incident:{none.Id}")], list);
        var noCases = await frontDoor.PostFormAsync(list + "&handler=NoFurtherAction", [new("Reason", "No risk.")], list);
        var oneDecided = await frontDoor.PostFormAsync(list + "&handler=NoFurtherAction",
            [new("Selected", $"incident:{none.Id}"), new("Selected", $"incident:{done.Id}"), new("Reason", "No risk.")], list);

        Assert.Contains("Say why no further action is needed", (await noReason.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("Select the cases first", (await noCases.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("already decided", (await oneDecided.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        await using var db = s.Host.NewContext();
        Assert.False(await db.TriageDecisions.AnyAsync(d => d.IncidentId == none.Id));
    }

    [Theory, BothDatabases]
    public async Task Cases_go_to_a_Front_Door_practitioner_of_the_same_organisation_who_sees_them_as_assigned_to_them(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var (none, below, _, _) = await FourCasesAsync(s);
        var colleague = await s.Host.Data.CreateUserAsync(s.Council, Role.FrontDoorPractitioner);
        var otherHub = await s.Host.Data.CreateOrganisationAsync(s.Council.PartnershipId, OrganisationType.CouncilService, "Another hub");
        var stranger = await s.Host.Data.CreateUserAsync(otherHub, Role.FrontDoorPractitioner);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var list = $"/domestic-abuse/dramm?day={Tuesday}";

        var refused = await frontDoor.PostFormAsync(list + "&handler=Assign", [new("Selected", $"incident:{none.Id}"), new("Practitioner", stranger.User.Id.ToString())], list);
        var given = await frontDoor.PostFormAsync(list + "&handler=Assign",
            [new("Selected", $"incident:{none.Id}"), new("Selected", $"incident:{below.Id}"), new("Practitioner", colleague.User.Id.ToString())], list);

        Assert.Contains("Select who works the cases", (await refused.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var theirs = await (await (await s.Host.SignInAsync(colleague)).GetAsync($"{list}&mine=yes")).HtmlAsync();
        Assert.Equal(["Nora", "Bella"], Victims(theirs));
        Assert.All(theirs.QuerySelectorAll("#dramm-list td[data-label='Assigned to']"), cell => Assert.Equal(colleague.User.DisplayName, cell.TextContent.Trim()));
        var mine = await (await frontDoor.GetAsync($"{list}&mine=yes")).HtmlAsync();
        Assert.Empty(Victims(mine));
    }

    [Theory, BothDatabases]
    public async Task After_a_decision_the_browser_returns_to_the_day_filters_and_page_being_worked(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await FourCasesAsync(s);
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var list = $"/domestic-abuse/dramm?day={Tuesday}&sort=risk&status=to-decide";
        var page = await (await frontDoor.GetAsync(list)).HtmlAsync();
        var decide = page.QuerySelector("#dramm-list td[data-label=Decision] a.govuk-link")!.GetAttribute("href")!;

        var response = await frontDoor.PostFormAsync(decide, [new("Decisions", "nfa"), new("NoFurtherActionReason", "Known to services; no new risk.")], decide);
        var elsewhere = decide.Replace(Uri.EscapeDataString(list), Uri.EscapeDataString("https://example.org/"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("example.org", (await (await frontDoor.GetAsync(elsewhere)).HtmlAsync()).QuerySelector(".govuk-back-link")!.GetAttribute("href")!);
    }

    [Theory, BothDatabases]
    public async Task An_unlinked_victim_links_straight_to_the_match_review_of_their_police_record(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var incident = Incident(s, "Ursula", Monday);
        var record = new SourceRecord
        {
            PartnershipId = incident.PartnershipId, OrganisationId = s.Police.Id, SourceSystem = "Niche", LocalId = $"{incident.PoliceReference}/adult/0123456789abcdef",
            Received = "{}", GivenName = "Ursula", FamilyName = "Testfront", Outcome = LinkOutcome.WaitingForReview, ReceivedAt = Monday,
        };
        var review = new MatchReview
        {
            PartnershipId = incident.PartnershipId, SourceRecordId = record.Id, CandidatePersonId = s.Victim.Id, MatchProbability = 0.7, MatchWeight = 2,
            HeldBecause = "between the partnership's thresholds", Evidence = "[]", CreatedAt = Monday,
        };
        await s.Host.Data.SaveAsync(db => { db.DomesticIncidents.Add(incident); db.SourceRecords.Add(record); db.MatchReviews.Add(review); });
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var list = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}")).HtmlAsync();
        var page = await (await frontDoor.GetAsync($"/domestic-abuse/dramm/incidents/{incident.Id}")).HtmlAsync();

        Assert.Equal($"/people/review/{review.Id}", list.QuerySelector("#dramm-list td[data-label=Victim] a")!.GetAttribute("href"));
        Assert.Equal($"/people/review/{review.Id}", page.QuerySelector("#incident-people a")!.GetAttribute("href"));
    }

    [Theory, BothDatabases]
    public async Task The_incident_page_shows_the_summary_every_version_and_its_changes_the_people_the_checklist_and_the_notifications(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var first = Incident(s, s.Victim.GivenName, Monday, victimPersonId: s.Victim.Id);
        first.IsLatest = false;
        first.Children = [new IncidentChild { GivenName = s.Child.GivenName, FamilyName = s.Child.FamilyName, PersonId = s.Child.Id, ChildKey = "c1" }];
        var second = Incident(s, s.Victim.GivenName, Monday + Duration.FromHours(3), version: 2, reference: first.PoliceReference, victimPersonId: s.Victim.Id);
        (second.OccurredAt, second.ReportedAt, second.Summary) = (first.OccurredAt, first.ReportedAt, "Corrected: a weapon was used.");
        second.Children = [new IncidentChild { GivenName = s.Child.GivenName, FamilyName = s.Child.FamilyName, PersonId = s.Child.Id, ChildKey = "c1" }];
        var school = await s.Host.Data.CreateOrganisationAsync(s.Police.PartnershipId, OrganisationType.School, "Aire Primary");
        await s.Host.Data.SaveAsync(db => { db.DomesticIncidents.AddRange(first, second); db.RiskAssessments.Add(Dash(s, first, 15, true)); });
        await s.Host.Data.CreateReadyNotificationAsync(first, first.Children[0], school, Monday + Duration.FromDays(1));
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var list = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}")).HtmlAsync();
        var href = list.QuerySelector("#dramm-list td[data-label=Source] a")!.GetAttribute("href")!;
        var page = await (await frontDoor.GetAsync(href)).HtmlAsync();

        Assert.StartsWith($"/domestic-abuse/dramm/incidents/{second.Id}", href);
        Assert.Contains("Corrected: a weapon was used.", page.QuerySelector("#incident-summary")!.TextContent);
        var versions = page.QuerySelectorAll("#incident-versions li").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains("changed the officer's summary", versions[1]);
        var people = page.QuerySelector("#incident-people")!;
        Assert.Equal($"/people/{s.Victim.Id}", people.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(s.Child.GivenName, people.TextContent);
        Assert.Contains("15 yes answers: MARAC criteria met", page.QuerySelector("#incident-dash-result")!.TextContent);
        Assert.Contains("Aire Primary", page.QuerySelector("#incident-notifications")!.TextContent);
        Assert.Equal($"/domestic-abuse/dramm?day={Tuesday}", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        await using var db = s.Host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == RiskAssessmentRecords.IncidentResourceType && e.ResourceId == second.Id.ToString()
            && e.Action == AuditActions.Read && e.ActorUserId == s.FrontDoor.User.Id));
    }

    [Theory, BothDatabases]
    public async Task Another_force_and_a_role_without_the_grant_are_refused_the_incident_page_and_each_refusal_is_audited(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var otherForce = await s.Host.Data.CreateOrganisationAsync(s.Police.PartnershipId, OrganisationType.PoliceForce);
        var officer = await s.Host.Data.CreateUserAsync(otherForce, Role.PoliceDomesticAbuse);
        var idva = await s.Host.Data.CreateUserAsync(s.Council, Role.Idva);

        var asOfficer = await (await s.Host.SignInAsync(officer)).GetAsync($"/domestic-abuse/dramm/incidents/{s.Incident.Id}");
        var asIdva = await (await s.Host.SignInAsync(idva)).GetAsync($"/domestic-abuse/dramm/incidents/{s.Incident.Id}");
        var asOwnForce = await (await s.Host.SignInAsync(s.Officer)).GetAsync($"/domestic-abuse/dramm/incidents/{s.Incident.Id}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (asOfficer.StatusCode, asIdva.StatusCode, asOwnForce.StatusCode));
        await using var db = s.Host.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ActorUserId == officer.User.Id && e.Outcome == AuditOutcome.Denied));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ActorUserId == idva.User.Id && e.Outcome == AuditOutcome.Denied));
        Assert.DoesNotContain("Decide on this case", await asOwnForce.Content.ReadAsStringAsync());
    }
}
