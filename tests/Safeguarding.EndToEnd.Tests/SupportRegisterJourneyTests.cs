using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The Dynamic Support Register in a real browser: a school's Key Adult suggests a pupil from the child's record; the
/// complex-needs unit records the parent's consent and rates the child amber, then red; makes the C(E)TR referral,
/// books a community C(E)TR from its queue and holds it with the panel and a recommendation; then records an urgent
/// admission with no community C(E)TR before it (an exception), books and holds the post-admission C(E)TR, and opens the
/// register's figures. Axe checks each page state.
/// </summary>
public sealed class SupportRegisterJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_pupil_suggested_by_the_school_goes_red_has_a_community_cetr_then_an_exception_admission_and_its_post_admission_cetr(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var postAdmissionDay = WorkingDayOnOrBefore(today);
        var communityDay = WorkingDayOnOrBefore(postAdmissionDay.PlusDays(-1));
        var keyAdultUser = host.User(Role.SchoolKeyAdult);
        var (_, schoolId) = await host.UserAsync(keyAdultUser);
        var (unitUserId, _) = await host.UserAsync(host.User(Role.ComplexNeedsCoordinator));
        var childId = await PupilOffTheRegisterAsync(host, schoolId, today);

        var school = await fixture.NewPageAsync();
        await school.SignInAsync(host, keyAdultUser);
        await school.GotoAsync(host.Url($"/people/{childId}"));
        await school.GetByRole(AriaRole.Link, new() { Name = "Suggest for the Dynamic Support Register" }).ClickAsync();
        await school.ArriveAtAsync("/support-register/suggest");
        violations.AddRange(await school.AxeViolationsAsync("Suggest a child for the register"));
        await school.GetByLabel("Autism", new() { Exact = true }).CheckAsync();
        await school.GetByLabel("Lead practitioner").SelectOptionAsync(unitUserId.ToString());
        await school.GetByLabel("Agencies involved").FillAsync("School, CAMHS");
        await school.GetByLabel("Placement").FillAsync("At home with mother");
        await school.GetByLabel("Key risks").FillAsync("Distress at school, two crisis calls");
        await school.GetByLabel("Protective factors").FillAsync("Close to grandmother");
        await school.SubmitAsync("Suggest the child");
        await Assertions.Expect(school.Locator(".govuk-panel__title")).ToHaveTextAsync("Suggestion sent");
        violations.AddRange(await school.AxeViolationsAsync("Suggestion sent"));
        await school.Context.CloseAsync();
        Guid entryId;
        await using (var db = host.NewContext())
            entryId = await db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PersonId == childId && e.Status == SupportRegisterStatus.Suggested).Select(e => e.Id).SingleAsync();
        var entry = $"/support-register/{entryId}";

        var unit = await fixture.NewPageAsync();
        await unit.SignInAsync(host, host.User(Role.ComplexNeedsCoordinator));
        await unit.GotoAsync(host.Url(entry));
        violations.AddRange(await unit.AxeViolationsAsync("Suggested entry"));
        await unit.GetByRole(AriaRole.Link, new() { Name = "Record consent" }).ClickAsync();
        await unit.ArriveAtAsync($"{entry}/consent");
        violations.AddRange(await unit.AxeViolationsAsync("Record consent"));
        await unit.GetByLabel("A person with parental responsibility").CheckAsync();
        await unit.GetByLabel("Their name").FillAsync("Jo Example");
        await Fill(unit, "GivenOn", today);
        await unit.GetByLabel("Sharing with the child's school or college").CheckAsync();
        await unit.SubmitAsync("Record consent");
        await unit.ArriveAtAsync(entry);

        foreach (var (rating, why) in new[] { ("Amber:", "Not sleeping, refusing school"), ("Red:", "Crisis at home, police called twice") })
        {
            await unit.GotoAsync(host.Url($"{entry}/rating"));
            await unit.GetByLabel(rating).CheckAsync();
            await unit.GetByLabel("Why this rating?").FillAsync(why);
            await unit.GetByLabel("Evidence").FillAsync("Reported by the school's Key Adult this week");
            await unit.SubmitAsync("Save the rating");
            await unit.ArriveAtAsync(entry);
        }
        violations.AddRange(await unit.AxeViolationsAsync("Entry rated red"));

        await unit.GetByRole(AriaRole.Link, new() { Name = "C(E)TRs and admissions" }).ClickAsync();
        await unit.GetByRole(AriaRole.Link, new() { Name = "Make a C(E)TR referral" }).ClickAsync();
        await unit.ArriveAtAsync($"{entry}/cetr-referral");
        violations.AddRange(await unit.AxeViolationsAsync("C(E)TR referral"));
        await unit.GetByLabel("Why is a C(E)TR needed now?").FillAsync("Two crisis calls in a week");
        await unit.GetByLabel("What has been tried?").FillAsync("Positive behaviour support");
        await unit.GetByLabel("What is the family's view?").FillAsync("Mother wants a review");
        await unit.SubmitAsync("Make the referral");
        await unit.ArriveAtAsync($"{entry}/cetrs");

        await unit.GotoAsync(host.Url("/support-register/cetrs"));
        violations.AddRange(await unit.AxeViolationsAsync("C(E)TR queue"));
        await unit.Locator($"#waiting a[href*='{entryId}/cetrs/book']").ClickAsync();
        await unit.ArriveAtAsync($"{entry}/cetrs/book");
        await unit.SubmitAsync("Book the C(E)TR");
        await Assertions.Expect(unit.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the C(E)TR");
        violations.AddRange(await unit.AxeViolationsAsync("Book a C(E)TR with an error"));
        await unit.GetByLabel("Community C(E)TR", new() { Exact = true }).CheckAsync();
        await Fill(unit, "Date", communityDay);
        await unit.SubmitAsync("Book the C(E)TR");
        await unit.ArriveAtAsync(new Regex("/cetr\\?cetr="));
        violations.AddRange(await unit.AxeViolationsAsync("Booked community C(E)TR"));
        foreach (var (seat, name) in new[] { ("Independent clinical expert", "Dr Ada Example"), ("Expert by experience", "Sam Example") })
        {
            await unit.GetByLabel(seat, new() { Exact = true }).CheckAsync();
            await unit.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await unit.SubmitAsync("Add to the panel");
            await Assertions.Expect(unit.Locator("#panel")).ToContainTextAsync(name);
        }
        foreach (var box in await unit.Locator("input[name=Attended]").AllAsync()) await box.CheckAsync();
        await unit.SubmitAsync("Record as held");
        await Assertions.Expect(unit.Locator("#panel")).Not.ToContainTextAsync("Not recorded");
        await unit.GetByLabel("What is recommended?").FillAsync("A quiet room at school with a named adult");
        await unit.GetByLabel("Which agency owns it?").SelectOptionAsync(schoolId.ToString());
        await Fill(unit, "RecommendationDue", today.PlusDays(28));
        await unit.SubmitAsync("Add the recommendation");
        await Assertions.Expect(unit.Locator("#recommendations")).ToContainTextAsync("A quiet room at school");
        violations.AddRange(await unit.AxeViolationsAsync("Held community C(E)TR with a recommendation"));

        await unit.GotoAsync(host.Url($"{entry}/admission"));
        await Fill(unit, "AdmittedOn", today);
        await unit.GetByLabel("Hospital").FillAsync("Example Assessment Unit");
        await unit.Locator("#CommunityCetrHeldBefore-2").CheckAsync();
        await unit.Locator("#EmergencyProtocolMeetingHeldBefore-2").CheckAsync();
        violations.AddRange(await unit.AxeViolationsAsync("Record an admission"));
        await unit.SubmitAsync("Record the admission");
        await unit.ArriveAtAsync($"{entry}/cetrs");
        await Assertions.Expect(unit.Locator("main")).ToContainTextAsync("No: an exception");
        violations.AddRange(await unit.AxeViolationsAsync("C(E)TRs and admissions with an exception"));
        await unit.Locator($"main a[href*='book?kind=PostAdmission']").ClickAsync();
        await unit.ArriveAtAsync($"{entry}/cetrs/book");
        await Fill(unit, "Date", postAdmissionDay);
        await unit.SubmitAsync("Book the C(E)TR");
        await unit.ArriveAtAsync(new Regex("/cetr\\?cetr="));
        await Assertions.Expect(unit.Locator("h1")).ToHaveTextAsync("Post-admission C(E)TR");
        foreach (var box in await unit.Locator("input[name=Attended]").AllAsync()) await box.CheckAsync();
        await unit.SubmitAsync("Record as held");
        await Assertions.Expect(unit.Locator("#panel")).Not.ToContainTextAsync("Not recorded");
        violations.AddRange(await unit.AxeViolationsAsync("Held post-admission C(E)TR"));

        await unit.GotoAsync(host.Url("/support-register/figures"));
        await Assertions.Expect(unit.Locator("h1")).ToBeVisibleAsync();
        violations.AddRange(await unit.AxeViolationsAsync("Register figures"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task Fill(IPage page, string field, LocalDate date)
    {
        await page.Locator($"#{field}-day").FillAsync(date.Day.ToString());
        await page.Locator($"#{field}-month").FillAsync(date.Month.ToString());
        await page.Locator($"#{field}-year").FillAsync(date.Year.ToString());
    }

    private static LocalDate WorkingDayOnOrBefore(LocalDate day)
    {
        while (!BankHolidays.IsWorkingDay(day)) day = day.PlusDays(-1);
        return day;
    }

    /// <summary>A pupil on the school's roll, aged 8 to 16, who has never been on the register (the demo holds many).</summary>
    private static async Task<Guid> PupilOffTheRegisterAsync(DemoHost host, Guid schoolId, LocalDate today)
    {
        await using var db = host.NewContext();
        var (oldest, youngest) = (today.PlusYears(-16), today.PlusYears(-8));
        return await db.People.AsNoTracking()
            .Where(p => !p.IsSealed && p.MergedIntoPersonId == null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest
                        && p.Links.Any(l => l.OrganisationId == schoolId && l.Kind == PersonLinkKind.RegisteredPupil)
                        && !db.Set<SupportRegisterEntry>().Any(e => e.PersonId == p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}
