using System.Net;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance.Report;

/// <summary>
/// The chairs' pages: the business manager sets a sub-group's chair on the sub-group's page and gives a section to the
/// sub-group on the draft; the chair finds the section under "Your report sections", writes it, and is refused (403 on
/// GET and POST) another sub-group's section, the draft and making an edition. Every chart in an edition has its table.
/// </summary>
public sealed class SubGroupChairPagesTests
{
    [Theory, BothDatabases]
    public async Task A_chair_set_by_the_business_manager_writes_their_section_and_is_refused_another_the_draft_and_an_edition(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var data = host.Data;
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var managerUser = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var chairUser = await data.CreateUserAsync(council, Role.SubGroupChair);
        var as_ = new ProcessContext("test", managerUser.Actor);
        var plan = new PartnershipPlan(host.NewContext());
        var domestic = await plan.AddSubGroupAsync(new AddSubGroupOptions("Domestic abuse sub-group", "To be named", [council.Id]), as_);
        var learners = await plan.AddSubGroupAsync(new AddSubGroupOptions("Vulnerable learners sub-group", "To be named", [council.Id]), as_);
        await using (var db = host.NewContext())
        {
            var reportId = await new YearlyReports(db, new FigureCatalogue(db)).CreateAsync(new CreateReportOptions("Report 2025-26", new(2025, 4, 1), new(2026, 3, 31)), as_);
            await new YearlyReports(db, new FigureCatalogue(db)).AssignSectionAsync(new AssignSectionOptions(reportId, "training", learners), as_);
            var manager = await host.SignInAsync(managerUser);

            // The business manager makes the user the chair, and gives the domestic abuse section to the sub-group on the draft.
            var groupUrl = $"/assurance/plan/sub-groups/{domestic}";
            var chose = await manager.PostFormAsync(groupUrl, [new("Name", "Domestic abuse sub-group"), new("Remit", ""), new("ChairUserId", chairUser.User.Id.ToString())], groupUrl);
            Assert.Equal(HttpStatusCode.Redirect, chose.StatusCode);
            var draftUrl = $"/assurance/report/{reportId}";
            var gave = await manager.PostFormAsync($"{draftUrl}?handler=Assign", [new("sectionKey", "domestic-abuse"), new("subGroupId", domestic.ToString())], draftUrl);
            Assert.Equal(HttpStatusCode.Redirect, gave.StatusCode);

            var chair = await host.SignInAsync(chairUser);
            var mine = await (await chair.GetAsync("/assurance/report/sections")).HtmlAsync();
            var link = Assert.Single(mine.QuerySelectorAll("main table a"));
            var sectionUrl = $"{draftUrl}/sections/domestic-abuse";
            Assert.Equal(sectionUrl, link.GetAttribute("href"));
            var saved = await chair.PostFormAsync(sectionUrl, [new("WhatWasDone", "The DRAMM met every weekday."), new("Figures", "domestic-incidents")], sectionUrl);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            // Another sub-group's section, a section no sub-group writes, the draft and making an edition: refused on GET and POST.
            foreach (var other in new[] { $"{draftUrl}/sections/training", $"{draftUrl}/sections/vulnerable-learners" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(other)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostFormAsync(other, [new("WhatWasDone", "Not mine.")], sectionUrl)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(draftUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostFormAsync($"{draftUrl}?handler=Edition", new Dictionary<string, string>(), sectionUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(groupUrl)).StatusCode);

            // The business manager sees who wrote it last.
            var draft = await (await manager.GetAsync(draftUrl)).HtmlAsync();
            Assert.Contains($"Last written by {chairUser.User.DisplayName}", draft.QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public void Every_chart_in_an_edition_is_followed_by_its_table()
    {
        var figure = new ReportFigure("autism-primary-need", "Autism as primary need", "Pupils whose primary need is autism.", FigureUnit.Count, ["Learners"],
            new(2025, 9, 1), new(2026, 8, 31), new(2024, 9, 1), new(2025, 8, 31), 14, 10,
            Series: [new FigurePoint("2024/25", 10), new FigurePoint("2025/26", 14)]);
        var section = YearlyReports.DefaultSections()[1] with { FigureKeys = ["autism-primary-need"] };
        var snapshot = new EditionSnapshot("Report", new(2025, 4, 1), new(2026, 3, 31), [section],
            new FigureSet(new(2025, 4, 1), new(2026, 3, 31), new(2024, 4, 1), new(2025, 3, 31), [figure]));
        var edition = new EditionView(Guid.NewGuid(), Guid.NewGuid(), 1, NodaTime.SystemClock.Instance.GetCurrentInstant(), null, snapshot, [], null, [], true, null);

        foreach (var html in new[] { Web.Pages.Assurance.Report.EditionDocument.Body(edition), Web.Pages.Assurance.Report.EditionDocument.Html(edition) })
        {
            var charts = html.Split("<svg")[1..];
            Assert.NotEmpty(charts);
            foreach (var after in charts)
            {
                // What follows the chart, up to the next heading or chart, holds a table of the same figures.
                var rest = after[(after.IndexOf("</svg>", StringComparison.Ordinal) + 6)..];
                var next = new[] { rest.IndexOf("<h", StringComparison.Ordinal), rest.IndexOf("<svg", StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(rest.Length).Min();
                Assert.Contains("<table", rest[..next], StringComparison.Ordinal);
                Assert.Contains("2025/26", rest[..next], StringComparison.Ordinal);
            }
        }
    }
}
