using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Safeguarding.Web.Tests.People;

/// <summary>
/// The chronology page of a person's record: opened like the record (policy and audit), the lines the reader may see
/// with the rest counted, filtered from the query string, and exported as a tagged PDF (audited), or an answer that says
/// why not when the server has no Chromium.
/// </summary>
public sealed class ChronologyPageTests
{
    private sealed record World(Organisation Council, Organisation Police, Person Child, TestUser SocialWorker, RiskAssessment Own);

    private static async Task<World> WorldAsync(TestHost host)
    {
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (council, PersonLinkKind.OpenCase));
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        RiskAssessment Dash(Guid organisation, int day) => new()
        {
            PartnershipId = partnership.Id, ChecklistCode = "dash-adult", ChecklistVersion = 1, VictimPersonId = child.Id, AssessedByOrganisationId = organisation,
            IncidentDate = new LocalDate(2026, 9, day), Status = AssessmentStatus.Completed, StartedAt = Instant.FromUtc(2026, 9, day, 10, 0),
            CompletedAt = Instant.FromUtc(2026, 9, day, 11, 0), YesCount = 9,
        };
        var own = Dash(council.Id, 3);
        await host.Data.SaveAsync(db => db.RiskAssessments.AddRange(own, Dash(police.Id, 2)));
        return new World(council, police, child, socialWorker, own);
    }

    [Theory, BothDatabases]
    public async Task The_page_shows_what_the_reader_may_see_counts_the_rest_and_the_read_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var w = await WorldAsync(host);
        var client = await host.SignInAsync(w.SocialWorker);

        var response = await client.GetAsync($"/people/{w.Child.Id}/chronology");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        var row = Assert.Single(html.QuerySelectorAll("#chronology tbody tr"));
        Assert.Equal(w.Council.Name, row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal($"/domestic-abuse/dash/{w.Own.Id}/done", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("1 entry you cannot see", html.QuerySelector("#hidden-entries")!.TextContent.Trim());
        await using var db = host.NewContext();
        var id = w.Child.Id.ToString();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == PersonRecords.ResourceType && e.ResourceId == id && e.Action == AuditActions.Read
            && e.ActorUserId == w.SocialWorker.User.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == PersonChronology.ResourceType && e.ResourceId == id && e.Action == AuditActions.Read));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == w.Own.Id.ToString() && e.Action == AuditActions.List && e.Details == "chronology"));
    }

    [Theory, BothDatabases]
    public async Task The_module_filter_and_dates_come_from_the_query_and_are_checked(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var w = await WorldAsync(host);
        var client = await host.SignInAsync(w.SocialWorker);
        var page = $"/people/{w.Child.Id}/chronology";

        var incidents = await (await client.GetAsync($"{page}?modules=incidents")).HtmlAsync();
        var risk = await (await client.GetAsync($"{page}?modules=risk&from.day=3&from.month=9&from.year=2026&to.day=30&to.month=9&to.year=2026")).HtmlAsync();
        var later = await (await client.GetAsync($"{page}?from.day=4&from.month=9&from.year=2026")).HtmlAsync();
        var impossible = await client.GetAsync($"{page}?from.day=31&from.month=2&from.year=2026");
        var backwards = await (await client.GetAsync($"{page}?from.day=2&from.month=9&from.year=2026&to.day=1&to.month=9&to.year=2026")).HtmlAsync();
        var unknown = await (await client.GetAsync($"{page}?modules=everything")).HtmlAsync();

        Assert.Empty(incidents.QuerySelectorAll("#chronology tbody tr"));
        Assert.Null(incidents.QuerySelector("#hidden-entries"));
        Assert.Single(risk.QuerySelectorAll("#chronology tbody tr"));
        Assert.NotNull(risk.QuerySelector("input[name=Modules][value=risk][checked]"));
        Assert.Empty(later.QuerySelectorAll("#chronology tbody tr"));
        Assert.Equal(HttpStatusCode.OK, impossible.StatusCode);
        var error = await impossible.HtmlAsync();
        Assert.Equal("Date from must be a real date", error.QuerySelector(".govuk-error-summary__list a")!.TextContent.Trim());
        Assert.Null(error.QuerySelector("#chronology"));
        Assert.Equal("Date to must be the same as or after date from", backwards.QuerySelector(".govuk-error-summary__list a")!.TextContent.Trim());
        Assert.Equal("Choose from the kinds of record listed", unknown.QuerySelector(".govuk-error-summary__list a")!.TextContent.Trim());
    }

    [Theory, BothDatabases]
    public async Task The_export_is_a_tagged_PDF_of_the_lines_the_reader_may_see_and_is_audited_with_its_filters(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var w = await WorldAsync(host);
        var client = await host.SignInAsync(w.SocialWorker);

        var response = await client.GetAsync($"/people/{w.Child.Id}/chronology/pdf?modules=risk&from.day=1&from.month=9&from.year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(w.Child.FamilyName, response.Content.Headers.ContentDisposition!.ToString());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        // Words, not the page's raw text: a PDF draws words apart and stores no spaces between them.
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(word => word.Text));
        Assert.Contains($"Chronology: {w.Child.FullName}", text);
        // A table cell's words come in reading order, but a cell's second line comes after the next cell's first.
        Assert.Contains("DASH risk checklist completed for them as the victim: 9 yes", text);
        Assert.Contains("1 entry you cannot see", text);
        // Tagged: the catalogue marks the content and holds a structure tree (headings, table) for assistive technology.
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot));
        Assert.True(catalog.TryGet(NameToken.MarkInfo, pdf.Structure.TokenScanner, out DictionaryToken? markInfo));
        Assert.True(markInfo!.TryGet(NameToken.Create("Marked"), out BooleanToken marked) && marked.Data);
        await using var db = host.NewContext();
        var export = await db.AuditEntries.SingleAsync(e => e.Action == PersonChronology.ExportAction && e.ResourceId == w.Child.Id.ToString());
        Assert.Equal((w.SocialWorker.User.Id, "modules: RiskAndMarac; from: 2026-09-01; to: any"), (export.ActorUserId!.Value, export.Details));
    }

    [Theory, BothDatabases]
    public async Task Without_Chromium_the_export_says_what_to_do_and_exports_nothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.CreateAsync(provider, settings: new Dictionary<string, string> { ["Safeguarding:Pdf:ChromiumPath"] = "/nowhere/chromium" });
        var w = await WorldAsync(host);
        var client = await host.SignInAsync(w.SocialWorker);

        var response = await client.GetAsync($"/people/{w.Child.Id}/chronology/pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal("The PDF could not be made", html.QuerySelector(".govuk-error-summary__title")!.TextContent.Trim());
        Assert.Contains("Chromium is not installed", html.QuerySelector(".govuk-error-summary__body")!.TextContent);
        await using var db = host.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == PersonChronology.ExportAction));
    }

    [Theory, BothDatabases]
    public async Task A_host_with_no_browser_of_its_own_prints_through_a_chromium_beside_it_over_the_devtools_protocol(DatabaseProvider provider)
    {
        // As in the container: the host's own ChromiumPath leads nowhere, and a Chromium runs as a process of its own.
        await using var chromium = await DevToolsChromium.StartAsync();
        await using var host = await TestHost.CreateAsync(provider, settings: new Dictionary<string, string>
        {
            ["Safeguarding:Pdf:ChromiumPath"] = "/nowhere/chromium",
            ["Safeguarding:Pdf:CdpEndpoint"] = chromium.Endpoint.ToString(),
        });
        var w = await WorldAsync(host);
        var client = await host.SignInAsync(w.SocialWorker);

        var response = await client.GetAsync($"/people/{w.Child.Id}/chronology/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"Chronology: {w.Child.FullName}", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(word => word.Text)));
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot));
    }

    /// <summary>Headless Chromium (the Debian package) listening for the DevTools protocol on a port of its choosing.</summary>
    private sealed class DevToolsChromium : IAsyncDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly string _profile;

        private DevToolsChromium(System.Diagnostics.Process process, string profile, Uri endpoint) => (_process, _profile, Endpoint) = (process, profile, endpoint);

        public Uri Endpoint { get; }

        public static async Task<DevToolsChromium> StartAsync()
        {
            var path = Environment.GetEnvironmentVariable("SAFEGUARDING_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
            var profile = Directory.CreateTempSubdirectory("sg-cdp-").FullName;
            var start = new System.Diagnostics.ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-address=127.0.0.1",
                         "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
                start.ArgumentList.Add(arg);
            var process = System.Diagnostics.Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            // Chromium says where it listens on its error stream: "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID".
            using var waiting = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardError.ReadLineAsync(waiting.Token) is { } line)
            {
                if (System.Text.RegularExpressions.Regex.Match(line, @"DevTools listening on ws://127\.0\.0\.1:(\d+)/") is { Success: true } m)
                {
                    _ = process.StandardError.ReadToEndAsync();
                    return new DevToolsChromium(process, profile, new Uri($"http://127.0.0.1:{m.Groups[1].Value}"));
                }
            }
            throw new InvalidOperationException($"{path} did not start listening for the DevTools protocol");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } // a child process may still hold a file
        }
    }
}
