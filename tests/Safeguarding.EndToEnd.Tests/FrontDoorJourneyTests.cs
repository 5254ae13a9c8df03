using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The Front Door practitioner with forty incidents, in a real browser: the day's list sorted by risk and filtered, no
/// further action for several cases with one reason, cases taken on, an incident's page, the list on a phone; and a
/// corrected police version arriving after the decision. Each journey works a day of 2020, which the demo's year of
/// incidents does not reach, so that the list holds exactly what the journey put there. Axe checks each page.
/// </summary>
public sealed class FrontDoorJourneyTests(EndToEndFixture fixture)
{
    /// <summary>Received on a Monday afternoon: on Tuesday's list (09:00 to 09:00).</summary>
    private static async Task<List<DomesticIncident>> IncidentsAsync(DemoHost host, Instant receivedAt, string tag, int count, Func<int, (int Yes, bool Refer)?> dash)
    {
        await using var db = host.NewContext();
        var police = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
        var checklist = ShippedChecklists.Get(ChecklistDefinition.Adult);
        var incidents = Enumerable.Range(1, count).Select(n => new DomesticIncident
        {
            PartnershipId = police.PartnershipId, ForceOrganisationId = police.Id, PoliceReference = $"13/{tag}/{n:00}",
            OccurredAt = receivedAt - Duration.FromHours(2), ReportedAt = receivedAt - Duration.FromHours(2), ReceivedAt = receivedAt + Duration.FromMinutes(n),
            Category = DomesticAbuseCategory.Physical, Received = "{}", Summary = "Neighbours heard shouting; officers attended.",
            Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = $"{tag}{n:00}", FamilyName = "Journeyvictim" }],
            Children = [new IncidentChild { GivenName = $"Kid{n:00}", FamilyName = "Journeyvictim", ChildKey = $"{tag}-{n}", Present = true }],
        }).ToList();
        db.Process = ProcessContext.System("test:e2e front door");
        db.DomesticIncidents.AddRange(incidents);
        foreach (var (incident, n) in incidents.Select((i, n) => (i, n + 1)))
        {
            if (dash(n) is not { } d) continue;
            db.RiskAssessments.Add(new RiskAssessment
            {
                PartnershipId = incident.PartnershipId, ChecklistCode = checklist.Code, ChecklistVersion = checklist.Version, IncidentId = incident.Id,
                AssessedByOrganisationId = police.Id, IncidentDate = Households.LondonDate(incident.OccurredAt), StartedAt = incident.ReceivedAt,
                CompletedAt = incident.ReceivedAt + Duration.FromMinutes(20), Status = AssessmentStatus.Completed, YesCount = d.Yes, Refer = d.Refer,
                VisibleHighRisk = d.Refer, Answers = """{"1":true}""",
            });
        }
        await db.SaveChangesAsync();
        return incidents;
    }

    private static async Task ApplyAsync(IPage page)
    {
        await page.Locator("#dramm-filters").GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.LoadedAsync();
    }

    [Theory, BothDatabases]
    public async Task A_practitioner_works_forty_cases_sorting_filtering_closing_several_and_opening_an_incident(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        // Forty cases: one in four with a checklist meeting the MARAC criteria, one in four below them, half with none yet.
        var incidents = await IncidentsAsync(host, Instant.FromUtc(2020, 3, 2, 12, 0), "FORTY", 40, n => (n % 4) switch { 0 => (15, true), 1 => (4, false), _ => null });
        var practitioner = host.User(Role.FrontDoorPractitioner);
        var violations = new List<string>();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, practitioner);
        await page.GotoAsync(host.Url("/domestic-abuse/dramm?day=2020-03-03"));
        await Assertions.Expect(page.Locator("#dramm-list caption")).ToContainTextAsync("40 cases");
        violations.AddRange(await page.AxeViolationsAsync("DRAMM list of forty"));
        await page.FitsAPhoneAsync("The DRAMM list");

        // The highest risk first.
        await page.GetByLabel("Sort by").SelectOptionAsync("risk");
        await ApplyAsync(page);
        await Assertions.Expect(page.Locator("#dramm-list tbody tr").First).ToContainTextAsync("15 yes: MARAC criteria met");

        // Those with no checklist yet, still to decide: twenty.
        await page.GetByLabel("Risk").SelectOptionAsync("none");
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("to-decide");
        await ApplyAsync(page);
        await Assertions.Expect(page.Locator("#dramm-list caption")).ToContainTextAsync("20 cases");
        violations.AddRange(await page.AxeViolationsAsync("DRAMM list filtered"));

        // No further action without a reason is refused, nothing recorded.
        var three = incidents.Where((_, n) => (n + 1) % 4 is 2 or 3).Take(3).Select(i => i.Adults[0].GivenName + " Journeyvictim").ToList();
        foreach (var victim in three) await page.GetByLabel($"Select the case of {victim}").CheckAsync();
        await page.SubmitAsync("Record no further action");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why no further action is needed");
        violations.AddRange(await page.AxeViolationsAsync("No further action without a reason"));

        // With a reason: three decisions, one for each case, and the filtered list keeps its filters and loses them.
        await page.GetByLabel("Reason for no further action").FillAsync("Historic report, no current risk; victim supported by a refuge.");
        await page.SubmitAsync("Record no further action");
        await Assertions.Expect(page.Locator("#dramm-done")).ToHaveTextAsync("No further action recorded for 3 cases");
        await Assertions.Expect(page.Locator("#dramm-list caption")).ToContainTextAsync("17 cases");
        Assert.Contains("status=to-decide", page.Url, StringComparison.Ordinal);
        violations.AddRange(await page.AxeViolationsAsync("After no further action"));

        // Two cases taken on, then only the practitioner's own.
        var two = page.Locator("#dramm-list tbody tr input[type=checkbox]");
        await two.Nth(0).CheckAsync();
        await two.Nth(1).CheckAsync();
        await page.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = practitioner.DisplayName });
        await page.SubmitAsync("Assign");
        await Assertions.Expect(page.Locator("#dramm-done")).ToHaveTextAsync($"2 cases given to {practitioner.DisplayName}");
        await page.GetByLabel("Only cases assigned to me").CheckAsync();
        await ApplyAsync(page);
        await Assertions.Expect(page.Locator("#dramm-list caption")).ToContainTextAsync("2 cases");

        // The incident's page, and back to the list being worked.
        var row = page.Locator("#dramm-list tbody tr").First;
        var reference = (await row.Locator("td[data-label=Source] a").InnerTextAsync()).Replace("Police ", "", StringComparison.Ordinal).Trim();
        await row.Locator("td[data-label=Source] a").ClickAsync();
        await page.ArriveAtAsync("/domestic-abuse/dramm/incidents/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Police incident {reference}");
        await Assertions.Expect(page.Locator("#incident-summary")).ToContainTextAsync("Neighbours heard shouting");
        await Assertions.Expect(page.Locator("#incident-people")).ToContainTextAsync("Not linked");
        violations.AddRange(await page.AxeViolationsAsync("Incident page"));
        await page.FitsAPhoneAsync("The incident page");
        await page.Locator(".govuk-back-link").ClickAsync();
        await page.ArriveAtAsync("mine=yes");
        await Assertions.Expect(page.Locator("#dramm-list caption")).ToContainTextAsync("2 cases");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory, BothDatabases]
    public async Task A_corrected_police_version_after_the_decision_shows_as_changed_since_decided_on_the_day_it_arrives(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var tag = provider == DatabaseProvider.Sqlite ? "CORRS" : "CORRP";
        var first = (await IncidentsAsync(host, Instant.FromUtc(2020, 3, 9, 12, 0), tag, 1, _ => null))[0];
        var victim = first.Adults[0].GivenName + " Journeyvictim";
        var violations = new List<string>();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));

        // Tuesday: the case is decided, no further action.
        await page.GotoAsync(host.Url("/domestic-abuse/dramm?day=2020-03-10"));
        var tuesday = page.Locator("#dramm-list tbody tr").Filter(new() { HasText = first.PoliceReference });
        await tuesday.GetByLabel($"Select the case of {victim}").CheckAsync();
        await page.GetByLabel("Reason for no further action").FillAsync("Single verbal argument; both adults safe and separated.");
        await page.SubmitAsync("Record no further action");
        await Assertions.Expect(tuesday).ToContainTextAsync("No further action: Single verbal argument");

        // The police correct the incident that afternoon: a weapon, and a second child.
        await using (var db = host.NewContext())
        {
            db.Process = ProcessContext.System("test:e2e correction");
            await db.DomesticIncidents.Where(i => i.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.IsLatest, false));
            db.DomesticIncidents.Add(new DomesticIncident
            {
                PartnershipId = first.PartnershipId, ForceOrganisationId = first.ForceOrganisationId, PoliceReference = first.PoliceReference, Version = 2,
                OccurredAt = first.OccurredAt, ReportedAt = first.ReportedAt, ReceivedAt = Instant.FromUtc(2020, 3, 10, 15, 0), Category = first.Category,
                Received = "{}", Summary = "Corrected: a knife was produced during the argument.",
                Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = first.Adults[0].GivenName, FamilyName = "Journeyvictim" }],
                Children =
                [
                    new IncidentChild { GivenName = first.Children[0].GivenName, FamilyName = "Journeyvictim", ChildKey = first.Children[0].ChildKey, Present = true },
                    new IncidentChild { GivenName = "Baby", FamilyName = "Journeyvictim", ChildKey = $"{tag}-baby", Present = true },
                ],
            });
            await db.SaveChangesAsync();
        }

        // Tuesday's list keeps the decision; Wednesday's shows the correction, decided but changed, with what changed.
        await page.ReloadAsync();
        await Assertions.Expect(tuesday).Not.ToContainTextAsync("Changed since decided");
        await page.GotoAsync(host.Url("/domestic-abuse/dramm?day=2020-03-11"));
        var wednesday = page.Locator("#dramm-list tbody tr").Filter(new() { HasText = first.PoliceReference });
        await Assertions.Expect(wednesday).ToContainTextAsync("Changed since decided");
        await Assertions.Expect(wednesday).ToContainTextAsync("Police version 2 changed the officer's summary, a child added.");
        await Assertions.Expect(wednesday).ToContainTextAsync("No further action: Single verbal argument");
        violations.AddRange(await page.AxeViolationsAsync("DRAMM list with a correction"));

        // The incident's page: both versions, what the second changed, and the decision marked as overtaken.
        await wednesday.Locator("td[data-label=Source] a").ClickAsync();
        await page.ArriveAtAsync("/domestic-abuse/dramm/incidents/");
        await Assertions.Expect(page.Locator("#incident-versions li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#incident-versions li").Nth(1)).ToContainTextAsync("changed the officer's summary, a child added");
        await Assertions.Expect(page.Locator("#incident-decision")).ToContainTextAsync("Changed since decided");
        violations.AddRange(await page.AxeViolationsAsync("Incident page after a correction"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
