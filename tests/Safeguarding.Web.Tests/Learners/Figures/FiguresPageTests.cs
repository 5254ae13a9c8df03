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
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Audit;
using static Safeguarding.Web.Tests.Learners.LearnerPageData;

namespace Safeguarding.Web.Tests.Learners.Figures;

/// <summary>The learners dashboard: small-number suppression, the CME and EHE figures, and the population behind the CME rate.</summary>
public sealed class FiguresPageTests
{
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

    [Theory, BothDatabases]
    public async Task A_key_adult_sees_their_own_schools_figures_only_even_when_asking_for_another(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        // Five pupils: the smallest number whose figures are shown (small-number suppression, ADR-014).
        await host.Data.SaveAsync(db => db.Enrolments.AddRange([
            .. Enumerable.Range(1, 5).Select(i => Enrolment(partnership.Id, school, $"A{i}", Marks(90, 10))),
            Enrolment(partnership.Id, other, "B1", Marks(100, 0)), Enrolment(partnership.Id, other, "B2", Marks(100, 0))]));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var page = await client.GetAsync($"/learners?school={other.Urn}&by=school");
        var csv = await client.GetAsync($"/learners?handler=csv&school={other.Urn}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains("your own school's figures only", html.Body!.TextContent);
        var rows = html.QuerySelectorAll("table.govuk-table tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal([school.Name], rows);
        Assert.NotNull(html.QuerySelector("svg[role=img] title"));
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"school,{school.Urn} {school.Name},5,500,450,0,50,5,0,10,0,10,100,0", text);
        Assert.DoesNotContain(other.Urn!, text);
    }

    [Theory, BothDatabases]
    public async Task An_analyst_sees_every_school_but_no_childs_attendance(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        await host.Data.SaveAsync(db => db.Enrolments.AddRange([
            Enrolment(partnership.Id, school, "A1", Marks(90, 10), child.Id), .. Enumerable.Range(2, 4).Select(i => Enrolment(partnership.Id, school, $"A{i}", Marks(95, 5))),
            .. Enumerable.Range(1, 5).Select(i => Enrolment(partnership.Id, other, $"B{i}", Marks(100, 0)))]));
        var analyst = await host.Data.CreateUserAsync(council, Role.Analyst);
        var client = await host.SignInAsync(analyst);

        var page = await client.GetAsync("/learners?by=school");
        var childPage = await client.GetAsync($"/learners/children/{child.Id}");
        var worklist = await client.GetAsync("/learners/worklist");

        // The first table is attendance by school; the CME and EHE tables follow it.
        var rows = (await page.HtmlAsync()).QuerySelector("table.govuk-table")!.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(new[] { school.Name, other.Name }.Order(StringComparer.Ordinal), rows);
        Assert.Equal(HttpStatusCode.Forbidden, childPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, worklist.StatusCode);
    }
}
