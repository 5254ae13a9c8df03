using Safeguarding.Core.Data;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Pages;
using static Safeguarding.Web.Tests.Learners.LearnerPageData;

namespace Safeguarding.Web.Tests.Charts;

/// <summary>
/// What every chart shows, read from the SVG as the browser gets it: a title, both axis labels, a legend (and figures on
/// the bars), the GOV.UK font, counts as whole numbers, the red dashed line explained, labels never cut, SEN needs in words.
/// </summary>
public sealed class ChartTests
{
    private static IElement Svg(Microsoft.AspNetCore.Html.IHtmlContent chart)
    {
        using var writer = new StringWriter();
        chart.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument($"<body>{writer}</body>").QuerySelector("svg")!;
    }

    /// <summary>The rules every chart keeps, whatever it shows.</summary>
    private static void AssertReadable(IElement svg, string title, string values, string categories)
    {
        Assert.Equal(title, svg.QuerySelector(".app-chart__title")!.TextContent);
        Assert.Equal(title, svg.QuerySelector("title")!.TextContent);
        Assert.Equal([values, categories], svg.QuerySelectorAll(".app-chart__axis-label").Select(t => t.TextContent).OrderBy(t => t == categories));
        Assert.Contains(values, svg.QuerySelector(".app-chart__legend")!.TextContent);
        Assert.StartsWith("\"GDS Transport\"", svg.GetAttribute("font-family"));
        Assert.DoesNotContain("…", svg.TextContent);
    }

    [Fact]
    public void A_chart_of_counts_shows_whole_numbers_on_its_bars_and_axis_and_never_cuts_a_long_name()
    {
        const string longName = "The Hollins Park Church of England Voluntary Aided Primary School and Nursery";
        var svg = Svg(BarChart.Horizontal("c", "Pupils by school", [(longName, 3), ("Short", 1204)], new ChartAxes("Pupils", "School"), unit: ""));

        AssertReadable(svg, "Pupils by school", "Pupils", "School");
        var labels = svg.QuerySelectorAll(".app-chart__label").Select(l => string.Join(' ', l.QuerySelectorAll("tspan").Select(t => t.TextContent))).ToList();
        Assert.Equal([longName, "Short"], labels);
        Assert.Equal(["3", "1,204"], svg.QuerySelectorAll(".app-chart__value").Select(v => v.TextContent));
        Assert.Equal(2, svg.QuerySelectorAll("rect").Length);
        Assert.Empty(svg.QuerySelectorAll("line[stroke-dasharray]")); // no reference: no dashed line and none in the legend
    }

    [Fact]
    public void The_red_dashed_line_is_explained_in_the_legend_with_its_figure()
    {
        var svg = Svg(BarChart.Horizontal("pa", "Persistent absence rate by year group", [("Year 4", 12.25), ("Year 5", 20)],
            new ChartAxes("Persistent absence rate (% of enrolments)", "Year group", "rate for all pupils"), reference: 15.5));

        AssertReadable(svg, "Persistent absence rate by year group", "Persistent absence rate (% of enrolments)", "Year group");
        Assert.Equal(2, svg.QuerySelectorAll("line[stroke='#d4351c'][stroke-dasharray]").Length); // the line, and its sample in the legend
        Assert.Contains("Red dashed line: rate for all pupils (15.5%)", svg.QuerySelector(".app-chart__legend")!.TextContent);
        Assert.Equal(["12.3%", "20.0%"], svg.QuerySelectorAll(".app-chart__value").Select(v => v.TextContent));
    }

    [Fact]
    public void Columns_of_small_counts_have_whole_number_gridlines_and_dated_labels_under_an_axis_label()
    {
        var weeks = Enumerable.Range(0, 3).Select(i => ($"Week beginning {i + 2} Mar 2026", (double?)(i == 1 ? null : 3))).ToList();
        var svg = Svg(BarChart.Vertical("n", "Notifications by week", weeks, new ChartAxes("Notifications", "Week beginning")));

        AssertReadable(svg, "Notifications by week", "Notifications", "Week beginning");
        Assert.Equal(["0", "1", "2", "3"], svg.QuerySelectorAll(".app-chart__tick").Select(t => t.TextContent));
        Assert.Equal(["2 Mar 2026", "3 Mar 2026", "4 Mar 2026"], svg.QuerySelectorAll(".app-chart__label").Select(l => string.Join(' ', l.QuerySelectorAll("tspan").Select(t => t.TextContent))));
        Assert.Equal("Week beginning 3 Mar 2026: no figure", svg.QuerySelectorAll("rect title")[1].TextContent);
    }

    [Theory, BothDatabases]
    public async Task The_learner_figures_charts_spell_out_sen_needs_and_keep_long_school_names_whole(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        const string longName = "St Bartholomew's Church of England Voluntary Controlled Primary School";
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School, longName);
        // On roll at the January census (200 days marked): six with autism, six with SEMH.
        var pupils = Enumerable.Range(0, 12).Select(i => Enrolment(partnership.Id, school, $"S{i}", Marks(380, 20))).ToList();
        for (var i = 0; i < pupils.Count; i++) (pupils[i].SenProvision, pupils[i].SenPrimaryNeed) = ("K", i < 6 ? "ASD" : "SEMH");
        await host.Data.SaveAsync(db => db.Enrolments.AddRange(pupils));
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));

        var html = await (await client.GetAsync($"/learners?by=school")).HtmlAsync();
        var needs = html.QuerySelector("svg[id^='needs-'], svg[aria-labelledby^='needs-']")!;
        AssertReadable(needs, needs.QuerySelector("title")!.TextContent, "Pupils", "Primary need");
        Assert.Equal(["Autistic spectrum disorder", "Social, emotional and mental health"],
            needs.QuerySelectorAll(".app-chart__label").Select(l => string.Join(' ', l.QuerySelectorAll("tspan").Select(t => t.TextContent))).Order());
        Assert.Equal(["6", "6"], needs.QuerySelectorAll(".app-chart__value").Select(v => v.TextContent));
        Assert.Contains("Social, emotional and mental health", html.QuerySelectorAll("table th[scope=row]").Select(t => t.TextContent));

        var absence = html.QuerySelector("svg[aria-labelledby^='pa-chart']")!;
        AssertReadable(absence, absence.QuerySelector("title")!.TextContent, "Persistent absence rate (% of enrolments)", "School");
        Assert.Equal([longName], absence.QuerySelectorAll(".app-chart__label").Select(l => string.Join(' ', l.QuerySelectorAll("tspan").Select(t => t.TextContent))));
        Assert.Contains("Red dashed line: rate for all pupils", absence.QuerySelector(".app-chart__legend")!.TextContent);
    }
}
