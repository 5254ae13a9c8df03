using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>Attendance files in a real browser: the council's education lead uploads files, sees what was not accepted, and sends them again.</summary>
public sealed class AttendanceImportJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task The_education_lead_uploads_files_sees_the_rows_not_accepted_and_a_second_upload_changes_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var lead = host.User(Role.EducationLead);
        var page = await fixture.NewPageAsync();
        // Rows that are held, not taken, so the demo partnership's figures stay as they are for the other journeys.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "attendance-import-e2e", Guid.NewGuid().ToString("N"))).FullName;
        var census = Path.Combine(folder, "census.csv");
        var urn = (900000 + Random.Shared.Next(99999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(census, $"urn,census_date,headcount\n{urn},2020-02-20,300\n");

        await page.SignInAsync(host, lead);
        await page.GotoAsync(host.Url("/learners/import"));
        await page.LoadedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import attendance files");
        var violations = (await page.AxeViolationsAsync("import form")).ToList();

        await page.SubmitAsync("Import files");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one file to import");
        violations.AddRange(await page.AxeViolationsAsync("import form with an error"));

        await page.GetByLabel("January census headcounts").SetInputFilesAsync(census);
        await page.SubmitAsync("Import files");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Attendance files imported");
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("1 rows read: 0 added, 0 updated");
        await Assertions.Expect(page.Locator("#problems tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#problems tbody tr").First).ToContainTextAsync("census.csv:2:2");
        await Assertions.Expect(page.Locator("#nothing-changed")).ToHaveCountAsync(0);
        Assert.True(await page.HasDemoBannerAsync());
        violations.AddRange(await page.AxeViolationsAsync("import result"));

        await page.GotoAsync(host.Url("/learners/import"));
        await page.LoadedAsync();
        await page.GetByLabel("January census headcounts").SetInputFilesAsync(census);
        await page.SubmitAsync("Import files");
        await Assertions.Expect(page.Locator("#nothing-changed")).ToContainTextAsync("Nothing changed");
        Assert.Empty(violations);
    }
}
