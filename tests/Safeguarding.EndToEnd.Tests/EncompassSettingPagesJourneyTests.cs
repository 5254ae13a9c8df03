using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Operation Encompass set-up in a real browser: a school's data manager sends the roll and keeps the calendar; an
/// administrator sets up the school's webhook. A school of its own, so the demo's rolls stay as they are.
/// </summary>
public sealed class EncompassSettingPagesJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_data_manager_sends_the_roll_and_publishes_the_calendar_and_an_administrator_sets_up_the_webhook(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var admin = host.User(Role.PartnershipAdministrator);
        var (_, councilId) = await host.UserAsync(admin);
        Guid partnershipId;
        await using (var db = host.NewContext())
            partnershipId = await db.Organisations.Where(o => o.Id == councilId).Select(o => o.PartnershipId).SingleAsync();
        var data = new TestData(host.NewContext);
        var school = await data.CreateOrganisationAsync(partnershipId, name: $"Journey Primary {Guid.NewGuid():N}"[..24]);
        var manager = await data.CreateUserAsync(school, Role.SettingDataManager);
        var credential = new DemoUserCredential(nameof(Role.SettingDataManager), manager.User.DisplayName, manager.User.Email!, TestData.Password, manager.TotpSecret, school.Name);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "encompass-e2e", Guid.NewGuid().ToString("N"))).FullName;
        var roll = Path.Combine(folder, "roll.csv");
        await File.WriteAllTextAsync(roll, string.Join('\n', string.Join(',', RollFiles.CsvColumns),
            "J1,A200000000001,Ava,Journey,2016-04-05,F,AV1 2BB,1 Example Street,2024-09-04,,C",
            "J2,A200000000002,,Journey,2016-06-07,M,AV1 2BB,1 Example Street,2024-09-04,,C"));
        var page = await fixture.NewPageAsync();

        await page.SignInAsync(host, credential);
        await page.GotoAsync(host.Url("/learners/rolls"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Send your pupil roll");
        var violations = (await page.AxeViolationsAsync("roll form")).ToList();
        await page.GetByLabel("Roll file").SetInputFilesAsync(roll);
        await page.SubmitAsync("Send the roll");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pupil roll received");
        var rows = page.Locator("#results tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Added");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("The pupil's given name is missing");
        await Assertions.Expect(page.Locator("#uploads tbody tr")).ToHaveCountAsync(1);
        violations.AddRange(await page.AxeViolationsAsync("roll result"));

        await page.GotoAsync(host.Url("/calendars"));
        violations.AddRange(await page.AxeViolationsAsync("calendars"));
        await page.GetByRole(AriaRole.Link, new() { Name = school.Name }).ClickAsync();
        await page.ArriveAtAsync("/calendars/calendar");
        violations.AddRange(await page.AxeViolationsAsync("calendar"));
        await page.GetByLabel("When the school day starts").FillAsync("8:50");
        await page.GetByLabel("Terms").FillAsync("2026-09-03 to 2026-10-23\n2026-10-20 to 2026-12-18");
        await page.SubmitAsync("Publish the calendar");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("overlaps the term from 2026-09-03 to 2026-10-23");
        violations.AddRange(await page.AxeViolationsAsync("calendar with errors"));
        await page.GetByLabel("Terms").FillAsync("2026-09-03 to 2026-10-23\n2026-11-02 to 2026-12-18");
        await page.GetByLabel("Closure days").FillAsync("2026-11-02");
        await page.SubmitAsync("Publish the calendar");
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The calendar is published");
        await page.GetByLabel("When the incident was reported").FillAsync("2026-10-23 17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the deadline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deadline code")).ToHaveTextAsync("2026-11-03T08:50:00+00:00");
        violations.AddRange(await page.AxeViolationsAsync("calendar preview"));

        var adminPage = await fixture.NewPageAsync();
        await adminPage.SignInAsync(host, admin);
        await adminPage.GotoAsync(host.Url("/admin/webhooks"));
        violations.AddRange(await adminPage.AxeViolationsAsync("webhooks"));
        await adminPage.GotoAsync(host.Url($"/admin/webhooks/setting?setting={school.Id}"));
        await adminPage.GetByLabel("Address of the setting's system").FillAsync("https://mis.journey.example/encompass");
        await adminPage.SubmitAsync("Set up the webhook");
        await Assertions.Expect(adminPage.Locator("#secret code")).Not.ToBeEmptyAsync();
        violations.AddRange(await adminPage.AxeViolationsAsync("webhook set up"));
        Assert.Empty(violations);
    }
}
