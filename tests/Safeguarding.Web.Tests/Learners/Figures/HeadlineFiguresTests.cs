using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Census;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.Learners.LearnerPageData;

namespace Safeguarding.Web.Tests.Learners.Figures;

/// <summary>
/// The dashboard's headline figures: small-number suppression of every count (and the rate that would give it back),
/// the January census headcount as the suspension rates' denominator, and a year with no roll said in words.
/// </summary>
public sealed class HeadlineFiguresTests
{
    /// <summary>
    /// Year 3: six pupils, two persistently absent; year 4: six pupils, none. 100 sessions each, all before the January
    /// census: nobody is on roll on census day. Three suspensions and one permanent exclusion in year 3.
    /// </summary>
    private static async Task<(TestHost Host, Organisation School, HttpClient Analyst)> ArrangeAsync(DatabaseProvider provider, int suspensions = 3)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var n = 0;
        Enrolment Pupil(string yearGroup, byte[] marks) => new()
        {
            PartnershipId = partnership.Id, AcademicYear = 2024, Upn = $"H{++n}", Urn = school.Urn!, DateOfBirth = new LocalDate(2015, 3, 1), Sex = "F",
            YearGroup = yearGroup, SenProvision = "N", Sessions = marks,
        };
        var day = 0;
        Suspension Suspended(bool permanent) => new()
        {
            PartnershipId = partnership.Id, AcademicYear = 2024, Upn = "H1", Urn = school.Urn!, StartDate = new LocalDate(2024, 10, 1).PlusDays(day++), Sessions = 2,
            Permanent = permanent, Reason = "PA", RecordedAt = SystemClock.Instance.GetCurrentInstant(),
        };
        await host.Data.SaveAsync(db =>
        {
            db.Enrolments.AddRange([
                .. Enumerable.Range(0, 2).Select(_ => Pupil("3", Marks(90, 10))), .. Enumerable.Range(0, 4).Select(_ => Pupil("3", Marks(100, 0))),
                .. Enumerable.Range(0, 6).Select(_ => Pupil("4", Marks(100, 0)))]);
            db.Suspensions.AddRange([.. Enumerable.Range(0, suspensions).Select(_ => Suspended(false)), Suspended(true)]);
        });
        var analyst = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));
        return (host, school, analyst);
    }

    private static Dictionary<string, string> Headline(AngleSharp.Html.Dom.IHtmlDocument html) =>
        html.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim(),
            r => System.Text.RegularExpressions.Regex.Replace(r.QuerySelector(".govuk-summary-list__value")!.TextContent, @"\s+", " ").Trim());

    [Theory, BothDatabases]
    public async Task Headline_counts_of_one_to_four_are_hidden_with_the_rates_that_would_give_them_back(DatabaseProvider provider)
    {
        var (_, school, analyst) = await ArrangeAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        var headline = Headline(await (await analyst.GetAsync($"/learners?school={school.Urn}&by=year_group", ct)).HtmlAsync());

        Assert.Equal("x (x)", headline["Persistently absent"]);
        Assert.Equal("0 (0.0%)", headline["Severely absent"]); // zero names no one
        Assert.StartsWith("x (", headline["Suspensions"]);
        Assert.StartsWith("x (", headline["Permanent exclusions"]);
    }

    [Theory, BothDatabases]
    public async Task The_csv_hides_a_shown_groups_persistent_absentees_of_one_to_four_and_their_rate(DatabaseProvider provider)
    {
        var (_, school, analyst) = await ArrangeAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        var csv = await analyst.GetStringAsync($"/learners?handler=csv&school={school.Urn}", ct);
        var html = await (await analyst.GetAsync($"/learners?school={school.Urn}&by=year_group", ct)).HtmlAsync();

        // Year 3 has six enrolments, so it is shown, but its two persistent absentees are not.
        Assert.Contains("year_group,3,6,600,580,0,20,x,0,3.3333333333333335,0,3.3333333333333335,x,0\n", csv);
        Assert.Contains("year_group,4,6,600,600,0,0,0,0,0,0,0,0,0\n", csv);
        Assert.Contains("overall,all,12,1200,1180,0,20,x,0,", csv);
        var rows = html.QuerySelectorAll("table.govuk-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        Assert.Equal(["6", "3.3%", "3.3%", "x", "0.0%"], rows["Year 3"]);
    }

    [Theory, BothDatabases]
    public async Task Suspension_rates_are_over_the_january_census_headcount_the_school_sent(DatabaseProvider provider)
    {
        var (host, school, analyst) = await ArrangeAsync(provider, suspensions: 10);
        var ct = TestContext.Current.CancellationToken;
        await host.Data.SaveAsync(db => db.SchoolCensuses.Add(new SchoolCensus
        {
            PartnershipId = school.PartnershipId, AcademicYear = 2024, Urn = school.Urn!, CensusDate = new LocalDate(2025, 1, 16), Headcount = 200,
        }));

        var headline = Headline(await (await analyst.GetAsync($"/learners?school={school.Urn}", ct)).HtmlAsync());

        Assert.StartsWith("10 (5.00 per 100 pupils;", headline["Suspensions"]);
    }

    [Theory, BothDatabases]
    public async Task A_year_with_no_roll_says_so_instead_of_a_zero_rate_and_the_default_page_is_not_an_error(DatabaseProvider provider)
    {
        var (_, _, analyst) = await ArrangeAsync(provider, suspensions: 6);
        var ct = TestContext.Current.CancellationToken;

        var html = await (await analyst.GetAsync("/learners", ct)).HtmlAsync();

        var headline = Headline(html);
        Assert.Equal("6 (no roll for this year; 14 sessions lost)", headline["Suspensions"]);
        Assert.Equal("no roll for this year", headline["Special educational needs (January census)"]);
        Assert.DoesNotContain("0.00 per 100", html.Body!.TextContent);
        Assert.StartsWith("School attendance", html.Title);
    }
}
