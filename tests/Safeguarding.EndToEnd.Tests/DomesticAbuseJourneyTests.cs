using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The domestic-abuse pathway in a real browser: a police officer's checklist reaching 14, the Front Door's DRAMM list
/// and its MARAC decision, the next MARAC's agenda, and the GP system reading the child's flag. Axe checks each page.
/// </summary>
public sealed class DomesticAbuseJourneyTests(EndToEndFixture fixture)
{
    private sealed record Household(Guid VictimId, string VictimName, Guid ChildId, string ChildNhs, Guid GpId, DomesticIncident Incident);

    /// <summary>A police incident just received for a demo mother whose child is registered with a GP practice.</summary>
    private static async Task<Household> IncidentAsync(DemoHost host)
    {
        await using var db = host.NewContext();
        var eighteen = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-18);
        var child = await db.People.AsNoTracking()
            .Where(p => p.NhsNumber != null && p.DateOfBirth > eighteen && p.HouseholdId != null
                        && db.SourceRecords.Any(r => r.PersonId == p.Id && db.Organisations.Any(o => o.Id == r.OrganisationId && o.Type == OrganisationType.GpPractice))
                        && db.People.Any(m => m.HouseholdId == p.HouseholdId && m.Sex == Core.People.Sex.Female && m.DateOfBirth <= eighteen)
                        && !db.RiskAssessments.Any(a => db.People.Any(m => m.Id == a.VictimPersonId && m.HouseholdId == p.HouseholdId)))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).FirstAsync();
        var mother = await db.People.AsNoTracking().FirstAsync(m => m.HouseholdId == child.HouseholdId && m.Sex == Core.People.Sex.Female && m.DateOfBirth <= eighteen);
        var gpId = await db.SourceRecords.Where(r => r.PersonId == child.Id && db.Organisations.Any(o => o.Id == r.OrganisationId && o.Type == OrganisationType.GpPractice))
            .Select(r => r.OrganisationId).FirstAsync();
        var police = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = new DomesticIncident
        {
            PartnershipId = police.PartnershipId, ForceOrganisationId = police.Id, PoliceReference = $"13/E2E/{Guid.NewGuid().ToString()[..8]}",
            OccurredAt = now - Duration.FromHours(3), ReportedAt = now - Duration.FromHours(3), ReceivedAt = now - Duration.FromMinutes(2),
            Category = DomesticAbuseCategory.Physical, Received = "{}",
            Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = mother.GivenName, FamilyName = mother.FamilyName, PersonId = mother.Id }],
            Children = [new IncidentChild { GivenName = child.GivenName, FamilyName = child.FamilyName, PersonId = child.Id, Present = true }],
        };
        db.Process = ProcessContext.System("test:e2e incident");
        db.DomesticIncidents.Add(incident);
        await db.SaveChangesAsync();
        return new Household(mother.Id, $"{mother.GivenName} {mother.FamilyName}", child.Id, child.NhsNumber!, gpId, incident);
    }

    private static LocalDate DrammDayFor(Instant received)
    {
        for (var day = Households.LondonDate(received); ; day = day.PlusDays(1))
        {
            if (!DrammList.IsDrammDay(day)) continue;
            var w = DrammList.WindowFor(day, new LocalTime(9, 0));
            if (w.From <= received && received < w.To) return day;
        }
    }

    [Theory, BothDatabases]
    public async Task A_dash_reaching_14_goes_from_the_dramm_list_to_the_marac_agenda_and_the_gp_reads_the_childs_flag(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var household = await IncidentAsync(host);
        var violations = new List<string>();

        // The officer completes the checklist, one question per page.
        var officerPage = await fixture.NewPageAsync();
        await officerPage.SignInAsync(host, host.User(Role.PoliceDomesticAbuse));
        await officerPage.GotoAsync(host.Url("/domestic-abuse/dash"));
        violations.AddRange(await officerPage.AxeViolationsAsync("Checklists"));
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Start a checklist for {household.Incident.PoliceReference}" }).ClickAsync();
        await officerPage.SubmitAsync("Start");
        violations.AddRange(await officerPage.AxeViolationsAsync("Which checklist (submitted empty)"));
        await officerPage.GetByLabel("Adult checklist (24 questions)").CheckAsync();
        await officerPage.SubmitAsync("Start");
        for (var q = 1; q <= 24; q++)
        {
            if (q == 1) violations.AddRange(await officerPage.AxeViolationsAsync("Question 1"));
            await officerPage.GetByLabel(q <= 14 ? "Yes" : "No", new() { Exact = true }).CheckAsync();
            await officerPage.SubmitAsync("Continue");
        }
        while (officerPage.Url.Contains("/child/", StringComparison.Ordinal))
        {
            violations.AddRange(await officerPage.AxeViolationsAsync("The child's voice"));
            await officerPage.GetByLabel("No", new() { Exact = true }).CheckAsync();
            await officerPage.GetByLabel("What makes them happy?").FillAsync("Playing football with friends");
            await officerPage.SubmitAsync("Continue");
        }
        await Assertions.Expect(officerPage.Locator("#yes-count")).ToHaveTextAsync("14");
        violations.AddRange(await officerPage.AxeViolationsAsync("Check your answers"));
        await officerPage.SubmitAsync("Complete the checklist");
        await Assertions.Expect(officerPage.Locator(".govuk-panel__title")).ToHaveTextAsync("Checklist completed");
        await Assertions.Expect(officerPage.Locator("main")).ToContainTextAsync("MARAC referral");
        violations.AddRange(await officerPage.AxeViolationsAsync("Checklist completed"));
        await officerPage.Context.CloseAsync();

        // The Front Door finds it on the DRAMM list and refers it to MARAC.
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));
        await page.GotoAsync(host.Url($"/domestic-abuse/dramm?day={DrammDayFor(household.Incident.ReceivedAt):yyyy-MM-dd}"));
        var row = await FindOnTheListAsync(page, household.Incident.PoliceReference);
        await Assertions.Expect(row).ToContainTextAsync("14 yes: MARAC criteria met");
        violations.AddRange(await page.AxeViolationsAsync("DRAMM list"));
        await row.GetByRole(AriaRole.Link, new() { Name = $"Decide for {household.VictimName}" }).ClickAsync();
        await page.SubmitAsync("Record the decision");
        violations.AddRange(await page.AxeViolationsAsync("Triage (submitted empty)"));
        await page.GetByLabel("Refer to MARAC").CheckAsync();
        await page.GetByLabel("The children are at risk of domestic abuse (flag their GP records)").CheckAsync();
        await page.SubmitAsync("Record the decision");
        await Assertions.Expect(await FindOnTheListAsync(page, household.Incident.PoliceReference)).ToContainTextAsync("MARAC referral");

        // The case goes on the next MARAC's agenda.
        await page.GotoAsync(host.Url("/domestic-abuse/marac"));
        violations.AddRange(await page.AxeViolationsAsync("MARAC"));
        await page.SubmitAsync("Put waiting referrals on the next meeting of Aire Valley MARAC");
        await Assertions.Expect(page.Locator("#agenda")).ToContainTextAsync(household.VictimName);
        await Assertions.Expect(page.Locator("#agenda")).ToContainTextAsync("visible high risk (14 yes)");
        violations.AddRange(await page.AxeViolationsAsync("MARAC meeting"));
        await page.Context.CloseAsync();

        // The child's GP practice system reads the flag.
        var secret = ApiClientSecrets.NewSecret();
        var clientId = ApiClientSecrets.NewClientId("e2e-gp");
        await using (var db = host.NewContext())
        {
            var gp = await db.Organisations.SingleAsync(o => o.Id == household.GpId);
            db.Process = ProcessContext.System("test:e2e api client");
            db.ApiClients.Add(new ApiClient
            {
                PartnershipId = gp.PartnershipId, OrganisationId = gp.Id, Name = "GP system", ClientId = clientId, SecretHash = ApiClientSecrets.Hash(secret),
                Scopes = "health-flags:read", CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync();
        }
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var response = await http.GetAsync(host.Url($"/fhir/Flag?patient.identifier={Uri.EscapeDataString($"https://fhir.nhs.uk/Id/nhs-number|{household.ChildNhs}")}"));
        var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        var codes = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString()).ToList();
        Assert.Contains("child-at-risk-of-domestic-abuse", codes);
        Assert.Contains("child-in-marac-household", codes);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    // The day's list comes in pages, oldest received first, as a practitioner works it: go on to the next page until
    // the case is there.
    private static async Task<ILocator> FindOnTheListAsync(IPage page, string policeReference)
    {
        var row = page.Locator("#dramm-list tbody tr").Filter(new() { HasText = policeReference });
        while (await row.CountAsync() == 0)
        {
            var next = page.Locator("nav[aria-label='Pages of this list'] a[rel=next]");
            Assert.True(await next.CountAsync() > 0, $"{policeReference} is on no page of the list");
            await next.ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        return row;
    }
}
