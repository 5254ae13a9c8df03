using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// What triage sends on, in a real browser: the Front Door refers one case to children's social work, which accepts it,
/// and allocates another to the IDVA service, which accepts it and names the worker; the Front Door sees both outcomes
/// on the case. And an IDVA assesses someone who walks in, with no police incident. Axe checks each page.
/// </summary>
public sealed class TriageReferralJourneyTests(EndToEndFixture fixture)
{
    /// <summary>A police incident just received for a demo adult woman of a household no other case of this journey used.</summary>
    private static async Task<(DomesticIncident Incident, string Victim)> IncidentAsync(DemoHost host, int skip)
    {
        await using var db = host.NewContext();
        var adult = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-25);
        var victims = db.People.AsNoTracking()
            .Where(p => p.Sex == Core.People.Sex.Female && p.DateOfBirth <= adult && p.HouseholdId != null && !p.IsSealed && p.MergedIntoPersonId == null
                        && !db.DomesticIncidents.Any(i => i.Adults.Any(a => a.PersonId == p.Id)))
            .OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName);
        var victim = await victims.Skip(skip).FirstAsync();
        var police = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = new DomesticIncident
        {
            PartnershipId = police.PartnershipId, ForceOrganisationId = police.Id, PoliceReference = $"13/TRI/{Guid.NewGuid().ToString()[..8]}",
            OccurredAt = now - Duration.FromHours(3), ReportedAt = now - Duration.FromHours(3), ReceivedAt = now - Duration.FromMinutes(2),
            Category = DomesticAbuseCategory.Physical, Received = "{}",
            Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = victim.GivenName, FamilyName = victim.FamilyName, PersonId = victim.Id }],
        };
        db.Process = ProcessContext.System("test:e2e incident");
        db.DomesticIncidents.Add(incident);
        await db.SaveChangesAsync();
        return (incident, $"{victim.GivenName} {victim.FamilyName}");
    }

    [Theory, BothDatabases]
    public async Task Triage_refers_one_case_to_childrens_social_work_and_allocates_another_to_the_IDVA_service_which_each_accept(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var (toSocialWork, socialWorkVictim) = await IncidentAsync(host, 0);
        var (toIdva, idvaVictim) = await IncidentAsync(host, 1);
        var violations = new List<string>();

        // The Front Door decides both cases, seeing each on the page.
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));
        await page.GotoAsync(host.Url($"/domestic-abuse/dramm/triage?incident={toSocialWork.Id}"));
        await Assertions.Expect(page.Locator("#triage-case")).ToContainTextAsync(socialWorkVictim);
        await Assertions.Expect(page.Locator("#triage-case")).ToContainTextAsync(toSocialWork.PoliceReference);
        violations.AddRange(await page.AxeViolationsAsync("Triage"));
        await page.GetByLabel("Refer to children's social work").CheckAsync();
        await page.SubmitAsync("Record the decision");
        await page.GotoAsync(host.Url($"/domestic-abuse/dramm/triage?incident={toIdva.Id}"));
        await page.GetByLabel("Allocate an IDVA", new() { Exact = false }).CheckAsync();
        await page.SubmitAsync("Record the decision");

        // Children's social work accepts its referral from its queue.
        var social = await fixture.NewPageAsync();
        await social.SignInAsync(host, host.User(Role.SocialWorker));
        await social.GotoAsync(host.Url("/domestic-abuse/referrals/social-work"));
        violations.AddRange(await social.AxeViolationsAsync("Social work queue"));
        await social.Locator("#referral-queue").GetByRole(AriaRole.Link, new() { Name = socialWorkVictim }).First.ClickAsync();
        await social.LoadedAsync();
        await Assertions.Expect(social.Locator("#referral-case")).ToContainTextAsync(toSocialWork.PoliceReference);
        violations.AddRange(await social.AxeViolationsAsync("Social work referral"));
        await social.GetByLabel("Accept", new() { Exact = true }).CheckAsync();
        await social.SubmitAsync("Record the decision");
        await Assertions.Expect(social.Locator(".govuk-notification-banner")).ToContainTextAsync("Referral accepted");
        violations.AddRange(await social.AxeViolationsAsync("Social work queue after accepting"));
        await social.Context.CloseAsync();

        // The IDVA service accepts its case and names the worker.
        var idva = await fixture.NewPageAsync();
        await idva.SignInAsync(host, host.User(Role.Idva));
        await idva.GotoAsync(host.Url("/domestic-abuse/referrals/idva"));
        violations.AddRange(await idva.AxeViolationsAsync("IDVA queue"));
        await idva.Locator("#referral-queue").GetByRole(AriaRole.Link, new() { Name = idvaVictim }).First.ClickAsync();
        await idva.LoadedAsync();
        await idva.SubmitAsync("Record the decision");
        violations.AddRange(await idva.AxeViolationsAsync("IDVA referral (submitted empty)"));
        await idva.GetByLabel("Accept", new() { Exact = true }).CheckAsync();
        var worker = idva.GetByLabel("If you accept: the IDVA who will work with the victim");
        await worker.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var workerName = (await worker.Locator("option:checked").InnerTextAsync()).Trim();
        violations.AddRange(await idva.AxeViolationsAsync("IDVA referral"));
        await idva.SubmitAsync("Record the decision");
        await Assertions.Expect(idva.Locator(".govuk-notification-banner")).ToContainTextAsync("Referral accepted");
        await idva.Context.CloseAsync();

        // The Front Door sees what became of each.
        await page.GotoAsync(host.Url($"/domestic-abuse/dramm/triage?incident={toSocialWork.Id}"));
        await Assertions.Expect(page.Locator("#triage-referrals")).ToContainTextAsync("Children's social work");
        await Assertions.Expect(page.Locator("#triage-referrals")).ToContainTextAsync("Accepted");
        violations.AddRange(await page.AxeViolationsAsync("Triage with a referral's outcome"));
        await page.GotoAsync(host.Url($"/domestic-abuse/dramm/triage?incident={toIdva.Id}"));
        await Assertions.Expect(page.Locator("#triage-referrals")).ToContainTextAsync($"worker {workerName}");
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory, BothDatabases]
    public async Task An_IDVA_assesses_someone_who_walks_in_and_is_told_truthfully_what_happens_next(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var given = $"Wanda{Guid.NewGuid().ToString()[..6]}";

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.Idva));
        await page.GotoAsync(host.Url("/domestic-abuse/dash"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Assess someone without a police incident" }).ClickAsync();
        await page.LoadedAsync();
        violations.AddRange(await page.AxeViolationsAsync("Walk-in"));
        await page.SubmitAsync("Find the person");
        violations.AddRange(await page.AxeViolationsAsync("Walk-in (submitted empty)"));
        await page.GetByLabel("Given name").FillAsync(given);
        await page.GetByLabel("Family name").FillAsync("Walkin");
        await page.Locator("input[name='Find.DateOfBirth.Day']").FillAsync("4");
        await page.Locator("input[name='Find.DateOfBirth.Month']").FillAsync("3");
        await page.Locator("input[name='Find.DateOfBirth.Year']").FillAsync("1985");
        await page.SubmitAsync("Find the person");
        violations.AddRange(await page.AxeViolationsAsync("Walk-in (found)"));
        await page.GetByLabel($"None of these: record {given} Walkin as a new person").CheckAsync();
        await page.GetByLabel("Adult checklist (24 questions)").CheckAsync();
        await page.SubmitAsync("Start the checklist");
        for (var q = 1; q <= 24; q++)
        {
            await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
            await page.SubmitAsync("Continue");
        }
        while (page.Url.Contains("/child/", StringComparison.Ordinal))
        {
            await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
            await page.SubmitAsync("Continue");
        }
        violations.AddRange(await page.AxeViolationsAsync("Check your answers (walk-in)"));
        await page.SubmitAsync("Complete the checklist");
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Checklist completed");
        await Assertions.Expect(page.Locator("#what-happens-next")).ToContainTextAsync("no MARAC referral has been made");
        await Assertions.Expect(page.Locator("#what-happens-next")).ToContainTextAsync("DRAMM");
        violations.AddRange(await page.AxeViolationsAsync("Checklist completed (walk-in)"));
        await page.Context.CloseAsync();

        await using var db = host.NewContext();
        var assessment = await db.RiskAssessments.AsNoTracking().SingleAsync(a => db.People.Any(p => p.Id == a.VictimPersonId && p.GivenName == given));
        Assert.Null(assessment.IncidentId);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
