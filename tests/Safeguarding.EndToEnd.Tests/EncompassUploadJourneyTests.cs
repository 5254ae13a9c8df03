using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>Operation Encompass in a real browser: a police analyst uploads an incident file.</summary>
public sealed class EncompassUploadJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_police_analyst_uploads_an_incident_file_and_sees_the_result_for_each_incident(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var analyst = host.User(Role.PoliceDomesticAbuse);
        var page = await fixture.NewPageAsync();
        var (good, bad) = ($"AV-E2E-{Guid.NewGuid():N}"[..20], $"AV-E2E-{Guid.NewGuid():N}"[..20]);
        string Row(string reference, string category) =>
            $"{reference},2026-11-20T19:00:00+00:00,2026-11-20T19:30:00+00:00,AV1 1AA,1 Example Street,{category},Shouting heard by neighbours,Alex,Example,1990-02-03,Sam,Example,1988-07-08," +
            ",Robin,Example,2016-05-06,Female,,AV1 1AA,child of victim,yes,yes,yes,no,,";
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "encompass-e2e", Guid.NewGuid().ToString("N"))).FullName, "incidents.csv");
        await File.WriteAllTextAsync(file, string.Join('\n', string.Join(',', IncidentFiles.CsvColumns), Row(good, "Physical"), Row(bad, "Shouting")));

        await page.SignInAsync(host, analyst);
        await page.GotoAsync(host.Url("/domestic-abuse/encompass/upload"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Upload incidents");
        var violations = (await page.AxeViolationsAsync("upload form")).ToList();

        await page.GetByLabel("Incident file").SetInputFilesAsync(file);
        await page.SubmitAsync("Upload incidents");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Incidents uploaded");
        var rows = page.Locator("#results tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync(good);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Accepted as version 1");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Quarantined");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("category: Category must be one of");
        Assert.True(await page.HasDemoBannerAsync());
        violations.AddRange(await page.AxeViolationsAsync("upload result"));
        Assert.Empty(violations);
    }
}
