using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Issue 16's journey in a real browser, in the order a year of assurance runs: a school's DSL sends a contact from a
/// child's record; the Front Door decides it within the working day and the assessment records a domestic-abuse factor
/// (3B), while the DSL reads back only "Accepted for assessment"; the business manager asks for an assurance return that
/// the agency lead answers and the sub-group grades; a case audit is sampled and a case graded; a rapid review meets its
/// clock; the yearly report is drafted, made an edition, signed by the three partners and so published; then another
/// contact is decided and the published edition reads the same. Axe checks each page.
/// </summary>
public sealed class AssuranceJourneyTests(EndToEndFixture fixture)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Theory, BothDatabases]
    public async Task A_contact_a_return_an_audit_and_a_rapid_review_feed_a_report_signed_by_three_partners_that_later_data_does_not_change(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(London).Date;

        // 1. A contact from the school, decided within the working day, then an assessment with a domestic-abuse factor.
        var dslUser = host.User(Role.SchoolKeyAdult);
        var (_, schoolId) = await host.UserAsync(dslUser);
        var childId = await PupilAsync(host, schoolId);
        var concern = $"Journey {provider}: the child said their mother was hurt at home last night.";
        var dsl = await fixture.NewPageAsync();
        await dsl.SignInAsync(host, dslUser);
        await dsl.GotoAsync(host.Url($"/people/{childId}"));
        await dsl.GetByRole(AriaRole.Link, new() { Name = "Send a contact to the Front Door" }).ClickAsync();
        await dsl.ArriveAtAsync("/front-door/contacts/new");
        await dsl.GetByLabel("What is the concern about the child?").FillAsync(concern);
        await dsl.SubmitAsync("Send the contact");
        await Assertions.Expect(dsl.Locator(".govuk-panel__title")).ToHaveTextAsync("Contact sent");
        violations.AddRange(await dsl.AxeViolationsAsync("Contact sent"));
        Guid contactId;
        await using (var db = host.NewContext())
            contactId = await db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.Concern == concern).Select(c => c.Id).SingleAsync();

        var frontDoor = await fixture.NewPageAsync();
        await frontDoor.SignInAsync(host, host.User(Role.FrontDoorPractitioner));
        await frontDoor.GotoAsync(host.Url($"/front-door/contacts/{contactId}"));
        await Assertions.Expect(frontDoor.Locator("#contact")).ToContainTextAsync(concern);
        violations.AddRange(await frontDoor.AxeViolationsAsync("A contact to decide"));
        await frontDoor.GetByLabel("Child and family assessment").CheckAsync();
        await frontDoor.GetByLabel("Reason").FillAsync("Domestic abuse witnessed by the child; father still at home.");
        await frontDoor.SubmitAsync("Save the decision");
        await Assertions.Expect(frontDoor.Locator("#decision")).ToContainTextAsync("Child and family assessment");
        await Assertions.Expect(frontDoor.Locator("#contact")).Not.ToContainTextAsync("Overdue");
        await using (var db = host.NewContext())
        {
            var decided = await db.Set<FrontDoorContact>().AsNoTracking().SingleAsync(c => c.Id == contactId);
            Assert.True(decided.DecidedAt <= decided.DecisionDueAt, "decided within one working day");
        }
        await DateAsync(frontDoor, "CompletedOn", today);
        await frontDoor.GetByLabel("Child in need plan").CheckAsync();
        await frontDoor.GetByLabel("3B: ", new() { Exact = false }).CheckAsync();
        await frontDoor.SubmitAsync("Save the assessment");
        await Assertions.Expect(frontDoor.Locator("#factors")).ToContainTextAsync("3B");
        violations.AddRange(await frontDoor.AxeViolationsAsync("The contact assessed"));

        await dsl.GotoAsync(host.Url($"/front-door/sent/{contactId}"));
        await Assertions.Expect(dsl.Locator("#outcome")).ToContainTextAsync("Accepted for assessment");
        var sentView = await dsl.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("3B", sentView, StringComparison.Ordinal);
        Assert.DoesNotContain("father still at home", sentView, StringComparison.Ordinal);
        violations.AddRange(await dsl.AxeViolationsAsync("The DSL's view of the outcome"));

        // 2. An assurance return: asked by the business manager, answered by the agency lead, graded and closed.
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(host, host.User(Role.PartnershipBusinessManager));
        var leadUser = host.User(Role.AgencySafeguardingLead);
        var returnTitle = $"Section 11 self-assessment, journey {provider}";
        await manager.GotoAsync(host.Url("/assurance/returns/ask"));
        await manager.Locator("input[name=QuestionSetId]").First.CheckAsync();
        await manager.GetByLabel("Title").FillAsync(returnTitle);
        await DateAsync(manager, "Due", today.PlusDays(28));
        await manager.GetByLabel(leadUser.OrganisationName, new() { Exact = true }).CheckAsync();
        violations.AddRange(await manager.AxeViolationsAsync("Ask for a return"));
        await manager.SubmitAsync("Ask for the return");
        await manager.ArriveAtAsync("/assurance/returns/requests/");

        var lead = await fixture.NewPageAsync();
        await lead.SignInAsync(host, leadUser);
        await lead.GotoAsync(host.Url("/assurance/returns"));
        await lead.Locator("#own").GetByRole(AriaRole.Link, new() { Name = returnTitle }).ClickAsync();
        await lead.ArriveAtAsync("/assurance/returns/");
        var returnUrl = new Uri(lead.Url).AbsolutePath;
        await GradeEveryStandardAsync(lead, "form .govuk-radios");
        foreach (var evidence in await lead.Locator("textarea[name^=Evidence]").AllAsync())
            await evidence.FillAsync("Policy reviewed by the board in March; audit of 20 files.");
        violations.AddRange(await lead.AxeViolationsAsync("Answer a return"));
        await lead.SubmitAsync("Submit the return");
        await Assertions.Expect(lead.Locator("#status")).ToHaveTextAsync("Submitted");

        await manager.GotoAsync(host.Url(returnUrl));
        await GradeEveryStandardAsync(manager, ".govuk-radios");
        violations.AddRange(await manager.AxeViolationsAsync("Grade a return"));
        await manager.SubmitAsync("Save the grades");
        await manager.SubmitAsync("Close the return");
        await Assertions.Expect(manager.Locator("#status")).Not.ToHaveTextAsync("Submitted");

        // 3. A case audit: MARAC cases of the last year with children, one drawn, graded with its learning.
        await manager.GotoAsync(host.Url("/assurance/case-audits/new"));
        await manager.GetByLabel("Title").FillAsync($"MARAC cases with children, journey {provider}");
        await manager.Locator("input[name=ToolVersionId]").First.CheckAsync();
        await manager.GetByLabel("MARAC cases heard in the period with children in the household").CheckAsync();
        await DateAsync(manager, "PeriodFrom", today.PlusYears(-1));
        await DateAsync(manager, "PeriodTo", today);
        await manager.GetByLabel("How many cases?").FillAsync("1");
        await manager.GetByLabel("Seed").FillAsync("1602");
        await DateAsync(manager, "OpensOn", today);
        await DateAsync(manager, "ClosesOn", today.PlusDays(14));
        violations.AddRange(await manager.AxeViolationsAsync("Set up a case audit"));
        await manager.SubmitAsync("Set up the audit");
        await manager.ArriveAtAsync("/assurance/case-audits/");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Case 1", Exact = true }).ClickAsync();
        await manager.ArriveAtAsync("/assurance/case-audits/cases/");
        await manager.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await manager.GetByLabel("Learning points").FillAsync("The school was not invited to the MARAC; invite schools when children are named.");
        await manager.SubmitAsync("Record the grade");
        await Assertions.Expect(manager.Locator("strong.govuk-tag").Filter(new() { HasText = "Good" })).ToBeVisibleAsync();
        violations.AddRange(await manager.AxeViolationsAsync("A case audited and graded"));

        // 4. A practice review on its clocks: notified within 5 working days, the rapid review within 15 of that.
        var aware = today.PlusDays(-28);
        await manager.GotoAsync(host.Url("/assurance/practice-reviews/new"));
        await manager.GetByLabel("Reference").FillAsync($"Child J{(provider == DatabaseProvider.Sqlite ? "S" : "P")}");
        await manager.GetByLabel("The child's NHS number").FillAsync(await NhsNumberAsync(host, childId));
        await DateAsync(manager, "AwareOn", aware);
        await manager.SubmitAsync("Record the incident");
        await manager.ArriveAtAsync("/assurance/practice-reviews/");
        await DateAsync(manager, "On", aware.PlusDays(2));
        await manager.SubmitAsync("Record the notification");
        await DateAsync(manager, "On", aware.PlusDays(14));
        await manager.SubmitAsync("Record the rapid review");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(", in time");
        await Assertions.Expect(manager.Locator("main .govuk-summary-list")).Not.ToContainTextAsync("Overdue");
        violations.AddRange(await manager.AxeViolationsAsync("A rapid review in time"));

        // 5. The report: drafted, an edition made, signed off by the council, the ICB and the police, so published.
        await manager.GotoAsync(host.Url("/assurance/report/new"));
        await manager.GetByLabel("Title").FillAsync($"Yearly report, journey {provider}");
        await DateAsync(manager, "From", today.PlusYears(-1));
        await DateAsync(manager, "To", today.PlusDays(-1));
        await manager.SubmitAsync("Start the report");
        await manager.ArriveAtAsync("/assurance/report/");
        violations.AddRange(await manager.AxeViolationsAsync("A report's draft"));
        await manager.SubmitAsync("Make an edition for sign-off");
        await manager.ArriveAtAsync("/assurance/report/editions/");
        var editionUrl = new Uri(manager.Url).AbsolutePath;
        foreach (var partner in host.Users.Where(u => u.Role == nameof(Role.SafeguardingPartner)))
        {
            var page = await fixture.NewPageAsync();
            await page.SignInAsync(host, partner);
            await page.GotoAsync(host.Url($"{editionUrl}/sign-off"));
            await page.SubmitAsync("Sign off for my organisation");
            await page.ArriveAtAsync(editionUrl);
            await page.Context.CloseAsync();
        }
        await manager.GotoAsync(host.Url(editionUrl));
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Download this edition as a PDF" })).ToBeVisibleAsync();
        violations.AddRange(await manager.AxeViolationsAsync("A published edition"));
        var published = await manager.Locator("main").InnerTextAsync();

        // 6. Later data: another contact decided. The published edition reads the same.
        Guid another;
        await using (var db = host.NewContext())
        {
            var partnershipId = await db.Organisations.AsNoTracking().Where(o => o.Id == schoolId).Select(o => o.PartnershipId).SingleAsync();
            another = await db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Decision == null)
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        await frontDoor.GotoAsync(host.Url($"/front-door/contacts/{another}"));
        await frontDoor.GetByLabel("Strategy discussion").CheckAsync();
        await frontDoor.GetByLabel("Reason").FillAsync("Injury to a baby reported by the health visitor.");
        await frontDoor.SubmitAsync("Save the decision");
        await Assertions.Expect(frontDoor.Locator("#decision")).ToContainTextAsync("Strategy discussion");
        await manager.ReloadAsync();
        Assert.Equal(published, await manager.Locator("main").InnerTextAsync());

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Each standard's question given its first grade: the journey checks the flow, not the scale.</summary>
    private static async Task GradeEveryStandardAsync(IPage page, string groups)
    {
        foreach (var group in await page.Locator(groups).AllAsync())
            await group.Locator("input[type=radio]").First.CheckAsync();
    }

    private static async Task DateAsync(IPage page, string field, LocalDate date)
    {
        await page.Locator($"#{field}-day").FillAsync(date.Day.ToString());
        await page.Locator($"#{field}-month").FillAsync(date.Month.ToString());
        await page.Locator($"#{field}-year").FillAsync(date.Year.ToString());
    }

    private static async Task<Guid> PupilAsync(DemoHost host, Guid schoolId)
    {
        await using var db = host.NewContext();
        return await db.People.AsNoTracking()
            .Where(p => !p.IsSealed && p.MergedIntoPersonId == null && p.NhsNumber != null
                        && p.Links.Any(l => l.OrganisationId == schoolId && l.Kind == PersonLinkKind.RegisteredPupil))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private static async Task<string> NhsNumberAsync(DemoHost host, Guid personId)
    {
        await using var db = host.NewContext();
        return await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.NhsNumber!).SingleAsync();
    }
}
