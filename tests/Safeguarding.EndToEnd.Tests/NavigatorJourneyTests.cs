using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Navigator;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The ward's self-assessment and the A&amp;E Navigator, as one story: the ED safeguarding nurse finds a 15-year-old
/// and starts a self-assessment; the young person answers on the tablet (a plain page that names no one) and sends it;
/// the nurse reads the answers needing attention and refers to the Navigator with the form prefilled; the navigator
/// accepts, naming themselves, records the contact and closes with the outcome. Axe checks each page.
/// </summary>
public sealed class NavigatorJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_self_assessment_on_the_tablet_leads_to_a_Navigator_referral_that_is_accepted_contacted_and_closed(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        // Someone the partnership does not know yet: the nurse records them through the person index, which links them to the trust.
        var born = LocalDate.FromDateTime(DateTime.UtcNow).PlusYears(-15).PlusDays(-10);
        var young = new YoungPerson("Tegan", "Ward" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 16))]), born);
        var navigatorCredential = host.User(Role.AeNavigator);
        var (navigatorId, _) = await host.UserAsync(navigatorCredential);

        // The nurse searches for the young person, finds no one, records them as new and starts.
        var nurse = await fixture.NewPageAsync();
        await nurse.SignInAsync(host, host.User(Role.EdSafeguardingNurse));
        await nurse.GotoAsync(host.Url("/health/self-assessments/start"));
        await nurse.GetByLabel("Given name").FillAsync(young.GivenName);
        await nurse.GetByLabel("Family name").FillAsync(young.FamilyName);
        await nurse.Locator("#Find_DateOfBirth-day, [id$='DateOfBirth-day']").First.FillAsync(young.Born.Day.ToString());
        await nurse.Locator("[id$='DateOfBirth-month']").First.FillAsync(young.Born.Month.ToString());
        await nurse.Locator("[id$='DateOfBirth-year']").First.FillAsync(young.Born.Year.ToString());
        await nurse.SubmitAsync("Find the young person");
        violations.AddRange(await nurse.AxeViolationsAsync("Start a self-assessment (found)"));
        await nurse.Locator("input[name='Find.Person'][value='new']").CheckAsync();
        await nurse.SubmitAsync("Start the self-assessment");
        await nurse.Locator("#open-tablet").ClickAsync();

        // The tablet: questions only, no name, no navigation.
        await nurse.ArriveAtAsync("/tablet");
        await Assertions.Expect(nurse.Locator("body")).Not.ToContainTextAsync(young.FamilyName);
        Assert.Equal(0, await nurse.Locator("nav").CountAsync());
        violations.AddRange(await nurse.AxeViolationsAsync("Self-assessment on the tablet"));
        var groups = nurse.Locator("main fieldset");
        for (var i = 0; i < await groups.CountAsync(); i++)
            await groups.Nth(i).GetByLabel(i == 0 || i == 8 ? "Yes" : "No", new() { Exact = true }).CheckAsync();
        await nurse.SubmitAsync("Send my answers to the nurse");
        await Assertions.Expect(nurse.Locator("#sent")).ToContainTextAsync("Please hand the tablet back");
        violations.AddRange(await nurse.AxeViolationsAsync("Self-assessment sent"));

        // The nurse reads the answers and refers to the Navigator, the form prefilled from them.
        Guid assessmentId;
        await using (var db = host.NewContext())
            assessmentId = (await db.Set<YoungPersonSelfAssessment>().AsNoTracking().Where(s => s.SubmittedAt != null).OrderByDescending(s => s.SubmittedAt).FirstAsync()).Id;
        await nurse.GotoAsync(host.Url($"/health/self-assessments/{assessmentId}"));
        await Assertions.Expect(nurse.Locator("#attention")).ToContainTextAsync("2 answers need your attention");
        violations.AddRange(await nurse.AxeViolationsAsync("Self-assessment (nurse)"));
        await nurse.Locator("#refer-navigator").ClickAsync();
        await nurse.ArriveAtAsync("/exploitation/navigator/refer");
        await Assertions.Expect(nurse.GetByLabel("Substance misuse")).ToBeCheckedAsync();
        await nurse.GetByLabel("Victim of serious youth violence").CheckAsync();
        violations.AddRange(await nurse.AxeViolationsAsync("Refer to the A&E Navigator"));
        await nurse.SubmitAsync("Send the referral");
        await Assertions.Expect(nurse.Locator("#status")).ToContainTextAsync("Waiting for a decision");
        var referralUrl = new Uri(nurse.Url).AbsolutePath;
        await nurse.Context.CloseAsync();

        // The navigator accepts, naming themselves; the contact clock shows; they record the contact and close with the outcome.
        var navigator = await fixture.NewPageAsync();
        await navigator.SignInAsync(host, navigatorCredential);
        await navigator.GotoAsync(host.Url("/exploitation/navigator"));
        violations.AddRange(await navigator.AxeViolationsAsync("A&E Navigator lists"));
        await navigator.GotoAsync(host.Url(referralUrl));
        await navigator.Locator($"input[name=NavigatorUserId][value='{navigatorId}']").CheckAsync();
        await navigator.SubmitAsync("Accept the referral");
        await Assertions.Expect(navigator.Locator("#contact")).ToContainTextAsync("Due by");
        violations.AddRange(await navigator.AxeViolationsAsync("Navigator referral (accepted)"));
        await navigator.SubmitAsync("Record contact made now");
        await navigator.GetByLabel(NavigatorFigures.Describe(NavigatorOutcome.GoalsMet)).CheckAsync();
        await navigator.GetByLabel("The support given").FillAsync("Mentoring and help back into college.");
        await navigator.SubmitAsync("Close the referral");
        await Assertions.Expect(navigator.Locator("#outcome")).ToContainTextAsync(NavigatorFigures.Describe(NavigatorOutcome.GoalsMet));
        violations.AddRange(await navigator.AxeViolationsAsync("Navigator referral (closed)"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private sealed record YoungPerson(string GivenName, string FamilyName, LocalDate Born);
}
