using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners;

/// <summary>The learners dashboard: small-number suppression, the CME and EHE figures, and the population behind the CME rate.</summary>
public sealed class LearnersFiguresTests
{
    private static byte[] Marks(int present, int absent) =>
        [.. Enumerable.Repeat(SessionCodes.ToByte("/"), present), .. Enumerable.Repeat(SessionCodes.ToByte("N"), absent)];

    /// <summary>Year 3: six pupils, year 4: six, year 5: two; each 90 present and 10 unauthorised.</summary>
    private static async Task<(Partnership, Organisation Council, Organisation School)> SchoolWithASmallYearGroupAsync(TestHost host)
    {
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var n = 0;
        Enrolment Pupil(string yearGroup) => new()
        {
            PartnershipId = partnership.Id, AcademicYear = 2024, Upn = $"P{++n}", Urn = school.Urn!, DateOfBirth = new LocalDate(2015, 3, 1), Sex = "F",
            YearGroup = yearGroup, SenProvision = "N", Sessions = Marks(90, 10),
        };
        await host.Data.SaveAsync(db => db.Enrolments.AddRange(
            [.. Enumerable.Range(0, 6).Select(_ => Pupil("3")), .. Enumerable.Range(0, 6).Select(_ => Pupil("4")), .. Enumerable.Range(0, 2).Select(_ => Pupil("5"))]));
        return (partnership, council, school);
    }

    [Theory, BothDatabases]
    public async Task A_group_of_fewer_than_five_and_the_next_smallest_are_hidden_on_the_page_and_in_the_csv(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (_, council, school) = await SchoolWithASmallYearGroupAsync(host);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));
        var ct = TestContext.Current.CancellationToken;

        var html = await (await client.GetAsync($"/learners?school={school.Urn}&by=year_group", ct)).HtmlAsync();
        var csv = await client.GetStringAsync($"/learners?handler=csv&school={school.Urn}", ct);
        var askedForFull = await client.GetStringAsync($"/learners?handler=csv&full=true&school={school.Urn}", ct);

        var rows = html.QuerySelectorAll("table.govuk-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        // Year 5 (2 pupils) is small; year 3 (6) goes with it so that year 5 is not the total less the others.
        Assert.Equal(["x", "x", "x", "x", "x"], rows["Year 5"]);
        Assert.Equal(["x", "x", "x", "x", "x"], rows["Year 3"]);
        Assert.Equal(["6", "10.0%", "10.0%", "100.0%", "0.0%"], rows["Year 4"]);
        Assert.Single(html.QuerySelector("svg.app-chart")!.QuerySelectorAll("rect")); // the chart leaves hidden groups out
        Assert.Contains("year_group,5,x,x,x,x,x,x,x,x,x,x,x,x\n", csv);
        Assert.Contains("year_group,3,x,x,x,x,x,x,x,x,x,x,x,x\n", csv);
        Assert.Contains("year_group,4,6,600,540,0,60,6,0,10,0,10,100,0\n", csv);
        Assert.Contains("overall,all,14,1400,1260,0,140,14,0,10,0,10,100,0\n", csv);
        // The analyst holds no child's attendance: asking for the unsuppressed export gives the suppressed one.
        Assert.Equal(csv, askedForFull);
        Assert.Null(html.QuerySelector("a[href*='full=true']"));
    }

    [Theory, BothDatabases]
    public async Task The_education_lead_may_download_the_figures_unsuppressed_and_that_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (partnership, council, school) = await SchoolWithASmallYearGroupAsync(host);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var client = await host.SignInAsync(lead);
        var ct = TestContext.Current.CancellationToken;

        var full = await client.GetStringAsync($"/learners?handler=csv&full=true&school={school.Urn}", ct);

        Assert.Contains("year_group,5,2,200,180,0,20,2,0,10,0,10,100,0\n", full);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.PartnershipId == partnership.Id && e.ActorUserId == lead.User.Id
            && e.ResourceType == LearnerAccess.ResourceType && e.Details == "unsuppressed figures export 2024", ct));
    }

    [Theory, BothDatabases]
    public async Task A_school_of_fewer_than_five_pupils_sees_no_figures_of_its_own(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        await host.Data.SaveAsync(db => db.Enrolments.AddRange(Enumerable.Range(0, 3).Select(i => new Enrolment
        {
            PartnershipId = partnership.Id, AcademicYear = 2024, Upn = $"S{i}", Urn = school.Urn!, DateOfBirth = new LocalDate(2015, 3, 1), Sex = "M",
            YearGroup = "4", SenProvision = "N", Sessions = Marks(95, 5),
        })));
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));
        var ct = TestContext.Current.CancellationToken;

        var html = await (await client.GetAsync("/learners", ct)).HtmlAsync();
        var csv = await client.GetStringAsync("/learners?handler=csv", ct);

        Assert.Contains("Fewer than 5 pupils are in this selection", html.Body!.TextContent);
        Assert.Null(html.QuerySelector("dl.govuk-summary-list"));
        Assert.Contains("overall,all,x,x,x,x,x,x,x,x,x,x,x,x\n", csv);
        Assert.DoesNotContain(",3,", csv);
    }

    [Theory, BothDatabases]
    public async Task Cme_and_ehe_figures_come_from_the_registers_with_the_rate_over_the_population_the_lead_sets(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (partnership, council, school) = await SchoolWithASmallYearGroupAsync(host);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = host.NewContext())
        {
            var registers = new LearnerRegisters(db, new PersonIndex(db));
            var process = new ProcessContext("test:registers", lead.Actor);
            // Six children missing education in 2024/25 (on the autumn census day, 3 October 2024, and after); two home educated.
            for (var i = 0; i < 6; i++)
                await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ChildrenMissingEducation, new RegisterChild($"C{i}", $"Cme{(char)('a' + i)}", "Testchild", $"2014-0{i + 1}-11", Sex.Male, null, null, new LocalDate(2024, 9, 30), new LocalDate(2024, 11, 1))), process, ct);
            for (var i = 0; i < 2; i++)
                await registers.RecordAsync(new RecordOnRegisterOptions(LearnerRegister.ElectiveHomeEducation, new RegisterChild($"E{i}", $"Ehe{(char)('a' + i)}", "Testchild", $"2013-0{i + 1}-12", Sex.Female, null, null, new LocalDate(2024, 10, 10), null)), process, ct);
        }
        var leadClient = await host.SignInAsync(lead);
        var invalid = await leadClient.PostFormAsync("/learners/population", new() { ["Aged5To16"] = "many", ["Source"] = "" });
        var saved = await leadClient.PostFormAsync("/learners/population", new() { ["Aged5To16"] = "3,000", ["Source"] = "ONS mid-year estimate 2023" });
        var analyst = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));

        var html = await (await analyst.GetAsync("/learners", ct)).HtmlAsync();
        var csv = await analyst.GetStringAsync("/learners?handler=registerscsv&year=2024", ct);
        var keyAdultPage = await (await (await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult))).GetAsync("/learners", ct)).HtmlAsync();
        var analystSetting = await analyst.GetAsync("/learners/population", ct);

        Assert.NotNull((await invalid.HtmlAsync()).QuerySelector(".govuk-error-summary"));
        Assert.Contains("Population saved", (await saved.HtmlAsync()).Body!.TextContent);
        var text = html.Body!.TextContent;
        Assert.Contains("6 at any time in the year (2.0 per 1,000 aged 5 to 16)", text);
        Assert.Contains("3,000, ONS mid-year estimate 2023", text);
        // Two home-educated children: fewer than five, not shown.
        Assert.Contains("x at any time in the year", text);
        Assert.Contains("children_missing_education,all,at_any_time,,6,2\n", csv);
        Assert.Contains("children_missing_education,all,autumn_census,2024-10-03,6,2\n", csv);
        Assert.Contains("children_missing_education,all,month_end,2024-10-31,6,2\n", csv);
        Assert.Contains("children_missing_education,all,month_end,2024-11-30,0,0\n", csv);
        Assert.Contains("elective_home_education,all,at_any_time,,x,\n", csv);
        Assert.Contains("children_missing_education,known to safeguarding,at_any_time,,0,0\n", csv);
        Assert.Contains("children_missing_education,all others,at_any_time,,6,2\n", csv);
        Assert.DoesNotContain("missing education", keyAdultPage.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, analystSetting.StatusCode);
        await using var read = host.NewContext();
        Assert.Equal(3000, (await read.LearnerPopulations.SingleAsync(p => p.PartnershipId == partnership.Id, ct)).Aged5To16);
    }
}
