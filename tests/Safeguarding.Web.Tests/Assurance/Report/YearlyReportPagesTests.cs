using System.Net;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using UglyToad.PdfPig;

namespace Safeguarding.Web.Tests.Assurance.Report;

/// <summary>
/// The yearly report's pages: the business manager starts a report, writes a section, chooses its figures and makes an
/// edition; the three partners sign it off on the page; the published edition reads as HTML with its contents and
/// figures (counts of 1 to 4 as "x") and downloads as a tagged PDF; another partnership's reader is refused.
/// </summary>
public sealed class YearlyReportPagesTests
{
    [Theory, BothDatabases]
    public async Task A_report_is_drafted_made_an_edition_signed_by_three_partners_and_published_as_HTML_and_PDF(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var data = host.Data;
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var other = await data.CreateOrganisationAsync((await data.CreatePartnershipAsync()).Id, OrganisationType.CouncilService);
        await data.CreateIncidentAsync(police, new LocalDateTime(2025, 6, 1, 12, 0).InZoneStrictly(SchoolDays.London).ToInstant());
        var manager = await host.SignInAsync(await data.CreateUserAsync(council, Role.PartnershipBusinessManager));

        var empty = await (await manager.PostFormAsync("/assurance/report/new", new Dictionary<string, string>())).HtmlAsync();
        Assert.Contains("Enter the report's title", empty.QuerySelector(".govuk-error-summary")!.TextContent);
        var started = await manager.PostFormAsync("/assurance/report/new", new Dictionary<string, string>
        {
            ["Title"] = "Partnership yearly report 2025-26", ["From.Day"] = "1", ["From.Month"] = "4", ["From.Year"] = "2025",
            ["To.Day"] = "31", ["To.Month"] = "3", ["To.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draftUrl = started.Headers.Location!.OriginalString;
        var section = await manager.PostFormAsync($"{draftUrl}/sections/domestic-abuse",
            [new("WhatWasDone", "The DRAMM met every weekday."), new("Figures", "domestic-incidents"), new("Figures", "marac-cases")], $"{draftUrl}/sections/domestic-abuse");
        Assert.Equal(HttpStatusCode.Redirect, section.StatusCode);
        var draft = await (await manager.GetAsync(draftUrl)).HtmlAsync();
        Assert.Contains("The DRAMM met every weekday.", draft.QuerySelector("main")!.TextContent);
        // The working draft shows today's count of 1: it is the business manager's alone.
        Assert.Equal("1", draft.QuerySelectorAll("caption").First(c => c.TextContent.Contains("Priority one")).ParentElement!
            .QuerySelector("tbody tr td.num")!.TextContent.Trim());

        var made = await manager.PostFormAsync($"{draftUrl}?handler=Edition", new Dictionary<string, string>(), draftUrl);
        var editionUrl = made.Headers.Location!.OriginalString;
        Assert.StartsWith("/assurance/report/editions/", editionUrl);

        foreach (var org in new[] { council, icb, police })
        {
            var partner = await host.SignInAsync(await data.CreateUserAsync(org, Role.SafeguardingPartner));
            var signed = await partner.PostFormAsync($"{editionUrl}/sign-off", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }
        var edition = await (await manager.GetAsync(editionUrl)).HtmlAsync();
        var text = edition.QuerySelector("main")!.TextContent;
        Assert.Contains("Published", text);
        Assert.NotNull(edition.QuerySelector("nav a[href='#domestic-abuse']"));
        // In the edition the count of 1 is written x.
        Assert.Equal("x", edition.QuerySelectorAll("caption").First(c => c.TextContent.Contains("Priority one")).ParentElement!
            .QuerySelector("tbody tr td.num")!.TextContent.Trim());
        Assert.Equal(3, edition.QuerySelectorAll("#sign-off ~ table tbody tr, section[aria-labelledby=sign-off] tbody tr").Length);

        var pdfResponse = await manager.GetAsync($"{editionUrl}?handler=Pdf");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Contents", words);
        Assert.Contains("Partnership yearly report 2025-26", words);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.StructTreeRoot), "the PDF is tagged");

        // Another partnership's business manager is refused the draft and the edition, as for an id no record has (so ids cannot be probed).
        var stranger = await host.SignInAsync(await data.CreateUserAsync(other, Role.PartnershipBusinessManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(draftUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(editionUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/assurance/report/editions/{Guid.NewGuid()}")).StatusCode);
    }
}
