using System.Net;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;
using Safeguarding.Web.Pages.SupportRegisterFigures;

namespace Safeguarding.Web.Tests.SupportRegister;

/// <summary>
/// The register's figures page: a count of 0 shows as 0, 1 to 4 as x and 5 as 5 (and a month's parts hidden with a small
/// one); the CSV says what the tables say, cell for cell; the partnership's figures readers and the complex-needs unit
/// read the page and a school is refused it and its CSV.
/// </summary>
public sealed class RegisterFiguresPageTests
{
    [Theory, BothDatabases]
    public async Task Counts_of_one_to_four_show_as_x_the_csv_equals_the_tables_and_a_school_is_refused(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var icb = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var coordinator = await host.Data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var businessManager = await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var child = await host.Data.CreatePersonAsync(partnership.Id);
        // In the 12 months shown, oldest first: 0, 1, 2, 3, 4 and 5 new entries, then none.
        var first = SystemClock.Instance.GetCurrentInstant().InZone(ReferralClock.London).Date.ToYearMonth().PlusMonths(-12);
        await using (var db = host.NewContext())
        {
            db.Process = Safeguarding.Core.Platform.ProcessContext.System("test:register figures");
            for (var month = 0; month <= 5; month++)
                for (var n = 0; n < month; n++)
                    db.Add(new SupportRegisterEntry
                    {
                        PartnershipId = partnership.Id, PersonId = child.Id, Need = SupportNeed.Autism, LeadPractitionerUserId = coordinator.User.Id, AgenciesInvolved = "CAMHS",
                        Placement = "Home", KeyRisks = "Risks", ProtectiveFactors = "Factors", SuggestedByOrganisationId = school.Id, Status = SupportRegisterStatus.OnRegister,
                        ConsentGivenBy = ConsentGiver.ParentalResponsibility, ConsentGiverName = "Jo Example", ConsentGivenOn = first.PlusMonths(month).OnDayOfMonth(1),
                    });
            await db.SaveChangesAsync(ct);
        }

        var client = await host.SignInAsync(businessManager);
        var page = await (await client.GetAsync("/support-register/figures")).HtmlAsync();
        string[] Cells(string table, string label) =>
            [.. page.QuerySelectorAll($"#{table} tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == label).QuerySelectorAll("td").Select(c => c.TextContent.Trim())];
        Assert.Equal(["0", "x", "x", "x", "x", "5", "0", "0", "0", "0", "0", "0"], Cells("new-and-exits", "New entries (consent given)"));
        // On the register at each month's end: 0, 1, 3, 6, 10, 15, then 15.
        Assert.Equal(["0", "x", "x", "6", "10", "15", "15", "15", "15", "15", "15", "15"], Cells("ratings", "All children on the register"));
        Assert.Equal(["0", "x", "x", "6", "10", "15", "15", "15", "15", "15", "15", "15"], Cells("ratings", "Not yet rated"));

        // The CSV, line for line, is what the tables show.
        var csv = await (await client.GetAsync("/support-register/figures?handler=Csv")).Content.ReadAsStringAsync(ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Fields).ToList();
        var tables = page.QuerySelectorAll("table[id]").ToList();
        // Six of the register, four of C(E)TRs (admissions, post-admission, inpatient, length of stay).
        Assert.Equal(10, tables.Count);
        var fromPage = tables.SelectMany(t => t.QuerySelectorAll("tbody tr").SelectMany(r => r.QuerySelectorAll("td")
            .Select(c => (Table: t.QuerySelector("caption")!.TextContent.Trim(), Label: r.QuerySelector("th")!.TextContent.Trim(), Value: c.TextContent.Trim().Replace(",", "", StringComparison.Ordinal))))).ToList();
        Assert.Equal(fromPage, lines.Select(l => (Table: l[0], Label: l[1], Value: l[3])).ToList());
        Assert.Equal(first.ToString("yyyy-MM", null), lines[0][2]);

        // The complex-needs unit reads them; a school is refused the page and its CSV.
        Assert.Equal(HttpStatusCode.OK, (await (await host.SignInAsync(coordinator)).GetAsync("/support-register/figures")).StatusCode);
        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync("/support-register/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync("/support-register/figures?handler=Csv")).StatusCode);

        // A percentage line (the community C(E)TR standard) is x over a base of 1 to 4 and "–" over nothing.
        var rate = new MonthlyRow("With a community C(E)TR before admission", [9, 1, 0], [10, 2, 0]);
        var cell = IndexModel.Cells(new MonthlyTable("rate", "Admissions", "Measure", [rate], Breakdown: false, Standard: 90));
        Assert.Equal(("90.0%", "x", "–"), (cell(rate, 0), cell(rate, 1), cell(rate, 2)));
        // A median (length of stay) is shown in its unit over 5 or more children, x over 1 to 4 (it would name a stay), "–" over none.
        var stay = new MonthlyRow("Median length of stay of those discharged", [46, 12, 0], [5, 4, 0], Unit: "days");
        var median = IndexModel.Cells(new MonthlyTable("stay", "Length of stay", "Stay", [stay], Breakdown: false));
        Assert.Equal(("46", "x", "–"), (median(stay, 0), median(stay, 1), median(stay, 2)));
        Assert.Equal(46, IndexModel.Bar(new MonthlyTable("stay", "Length of stay", "Stay", [stay], Breakdown: false), stay, 0));
    }

    /// <summary>A CSV line's fields: a quoted field may hold commas and doubled quotes.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
