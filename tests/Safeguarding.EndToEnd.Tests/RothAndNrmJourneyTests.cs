using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Roth;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Risk Outside The Home and the National Referral Mechanism in a real browser: the conference chair records a
/// strategy discussion, books and holds the initial conference, and the case then shows the first review three months
/// on; the police exploitation lead refers the same child to the NRM, which shows reasonable grounds expected within 5
/// working days and, once the Home Office's positive decision is recorded, conclusive grounds not before 30 days after
/// it. Axe checks each page.
/// </summary>
public sealed class RothAndNrmJourneyTests(EndToEndFixture fixture)
{
    private static readonly LocalDatePattern Shown = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    [Theory, BothDatabases]
    public async Task A_roth_conference_shows_its_review_dates_and_an_nrm_referral_its_decision_dates(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var childId = await ChildWithNoPathwayAsync(host, today);
        var strategyDay = WorkingDayOnOrBefore(today.PlusDays(-35));
        var conferenceDay = WorkingDayOnOrBefore(today);

        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(host, host.User(Role.ConferenceChair));
        await chair.GotoAsync(host.Url($"/exploitation/roth/new?personId={childId}"));
        violations.AddRange(await chair.AxeViolationsAsync("ROTH strategy discussion"));
        await Fill(chair, "HeldOn", strategyDay);
        await chair.GetByLabel("At what time?").FillAsync("10:00");
        await chair.GetByLabel("Why is the risk outside the home?").FillAsync("Seen with older youths at the retail park most evenings; the family is protective.");
        await chair.SubmitAsync("Record the strategy discussion");
        await chair.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/exploitation/roth/[0-9a-f-]{36}"));
        await Assertions.Expect(chair.Locator("#roth-case")).ToContainTextAsync(Shown.Format(WorkingDaysAfter(strategyDay, 15)));
        violations.AddRange(await chair.AxeViolationsAsync("ROTH case"));

        await Fill(chair, "ConferenceOn", conferenceDay);
        await chair.SubmitAsync("Book the conference");
        await chair.Locator("input[name=Came]").First.CheckAsync();
        await chair.SubmitAsync("Record as held");
        await Assertions.Expect(chair.Locator("#next-due")).ToContainTextAsync(Shown.Format(conferenceDay.PlusMonths(3)));
        await Assertions.Expect(chair.Locator("#conferences")).ToContainTextAsync("Held");
        violations.AddRange(await chair.AxeViolationsAsync("ROTH case after the initial conference"));

        var police = await fixture.NewPageAsync();
        await police.SignInAsync(host, host.User(Role.PoliceExploitationLead));
        await police.GotoAsync(host.Url($"/exploitation/nrm/refer?personId={childId}"));
        await Assertions.Expect(police.Locator("#no-consent")).ToBeVisibleAsync();
        violations.AddRange(await police.AxeViolationsAsync("NRM referral form"));
        await police.GetByLabel("Criminal exploitation").CheckAsync();
        await police.SubmitAsync("Record the referral");
        await police.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/exploitation/nrm/[0-9a-f-]{36}"));
        await Assertions.Expect(police.Locator("#rg-expected")).ToHaveTextAsync(Shown.Format(WorkingDaysAfter(today, 5)));
        violations.AddRange(await police.AxeViolationsAsync("NRM referral"));

        await police.GetByLabel("Reasonable grounds", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Positive", new() { Exact = true }).CheckAsync();
        await Fill(police, "DecidedOn", today);
        await police.SubmitAsync("Record the decision");
        await Assertions.Expect(police.Locator("#cg-earliest")).ToHaveTextAsync(Shown.Format(today.PlusDays(30)));
        violations.AddRange(await police.AxeViolationsAsync("NRM referral after reasonable grounds"));

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

    private static LocalDate WorkingDaysAfter(LocalDate day, int count)
    {
        for (var n = 0; n < count;)
        {
            day = day.PlusDays(1);
            if (BankHolidays.IsWorkingDay(day)) n++;
        }
        return day;
    }

    /// <summary>A child of 14 to 16 with no ROTH pathway yet (the demo holds a few).</summary>
    private static async Task<Guid> ChildWithNoPathwayAsync(DemoHost host, LocalDate today)
    {
        await using var db = host.NewContext();
        var (oldest, youngest) = (today.PlusYears(-17), today.PlusYears(-14));
        return await db.People.AsNoTracking()
            .Where(p => !p.IsSealed && p.MergedIntoPersonId == null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest
                        && !db.Set<RothCase>().Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}
