using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard attendance import</c>: into the database, bad rows to the quarantine, twice is once.</summary>
public sealed class AttendanceImportCliTests
{
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database, width: 250).RunAsync(args);

    [Theory, BothDatabases]
    public async Task Import_puts_good_rows_in_lists_bad_ones_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
        var upn = Upn.CheckLetter("801200005001") + "801200005001";
        var pupils = Path.Combine(folder, "pupils.csv");
        File.WriteAllText(pupils, $"upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm\n{upn},100001,2015-03-01,F,4,N,,false\n");
        var marks = Path.Combine(folder, "marks.csv");
        File.WriteAllText(marks, $"upn,urn,date,session,code\n{upn},100001,2024-09-02,AM,/\n{upn},100001,2024-09-02,PM,?\n");

        var first = await RunAsync(database, "attendance", "import", "--pupils", pupils, "--marks", marks);
        var second = await RunAsync(database, "attendance", "import", "--pupils", pupils, "--marks", marks);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 enrolments added", first.Output);
        Assert.Contains("1 new", first.Output);
        Assert.Contains("1 rows newly held in the quarantine", first.Output);
        Assert.Contains("marks.csv:3:5: '?' is not a register code.", first.Error);
        Assert.Contains("0 enrolments added, 0 updated", second.Output);
        Assert.Contains("0 new, 0 replaced by a later mark, 1 already held", second.Output);
        Assert.Contains("0 rows newly held", second.Output);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.QuarantinedRecords.CountAsync(TestContext.Current.CancellationToken));
        Directory.Delete(folder, recursive: true);
    }

    [Theory, BothDatabases]
    public async Task Census_and_registers_go_in_with_bad_rows_listed_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        await data.CreateOrganisationAsync(partnership.Id, Core.Platform.Organisations.OrganisationType.CouncilService, "Learning Inclusion");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
        var census = Path.Combine(folder, "census.csv");
        File.WriteAllText(census, "urn,census_date,headcount\n100001,2025-01-16,412\n100002,2025-02-20,300\n");
        var registers = Path.Combine(folder, "registers.csv");
        File.WriteAllText(registers, "register,upn,given_name,family_name,date_of_birth,sex,postcode,start_date,end_date,reason,last_school_urn\n" +
                                     "EHE,,Tomasz,Nowak,2013-11-20,M,,2024-09-09,,Parents' preference,\nCME,,Ruby,Hart,2015-01-01,F,,2024-13-01,,,\n");

        var first = await RunAsync(database, "attendance", "import", "--census", census, "--registers", registers, "--year", "2024");
        var second = await RunAsync(database, "attendance", "import", "--census", census, "--registers", registers, "--year", "2024");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 census headcounts added, 0 updated", first.Output);
        Assert.Contains("Registers: 2 rows: 1 children added, 0 updated, 0 unchanged; 1 rows newly held in the quarantine.", first.Output);
        Assert.Contains("census.csv:3:2: 2025-02-20 is not in January 2025", first.Error);
        Assert.Contains("registers.csv:3:8: the start date '2024-13-01' is not a date", first.Error);
        Assert.Contains("0 census headcounts added, 0 updated", second.Output);
        Assert.Contains("Registers: 2 rows: 0 children added, 0 updated, 1 unchanged; 0 rows newly held in the quarantine.", second.Output);
        await using var db = database.NewContext();
        Assert.Equal(412, (await db.SchoolCensuses.SingleAsync(TestContext.Current.CancellationToken)).Headcount);
        Assert.Equal(1, await db.LearnerRegisterEntries.CountAsync(TestContext.Current.CancellationToken));
        Directory.Delete(folder, recursive: true);
    }

    [Theory, BothDatabases]
    public async Task A_file_that_cannot_be_read_names_file_line_and_column_and_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
        var census = Path.Combine(folder, "census.csv");
        File.WriteAllText(census, "urn,census_date,headcount\n100001,2025-01-16,412\n");
        var marks = Path.Combine(folder, "marks.csv");
        File.WriteAllText(marks, "upn,urn,date,session\n");

        var run = await RunAsync(database, "attendance", "import", "--census", census, "--marks", marks, "--year", "2024");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("marks.csv:1:1: the header has no 'code' column", run.Error);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.SchoolCensuses.CountAsync(TestContext.Current.CancellationToken));
        Directory.Delete(folder, recursive: true);
    }
}
