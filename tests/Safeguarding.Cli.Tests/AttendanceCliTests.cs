using System.Text.Json;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard attendance measures</c>: files in, measures.json out, no database.</summary>
public sealed class AttendanceCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-attendance-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.WithoutDatabase(Cli.RunAsync, _folder).RunAsync(args);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static string ValidUpn(string last12) => Upn.CheckLetter(last12) + last12;

    private static readonly string A = ValidUpn("801200005001"), B = ValidUpn("801200005002"), C = ValidUpn("801200005003"),
        D = ValidUpn("801200005004"), E = ValidUpn("801200005005"), F = ValidUpn("801200005006");

    /// <summary>Marks for consecutive sessions from Monday 2 September 2024, AM then PM.</summary>
    private static IEnumerable<string> Marks(string upn, string urn, params string[] codes) =>
        codes.Select((code, i) => $"{upn},{urn},2024-09-{2 + i / 2:00},{(i % 2 == 0 ? "AM" : "PM")},{code}");

    [Fact]
    public async Task Measures_match_a_hand_computed_example()
    {
        var pupils = File("pupils.csv",
            "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm,ethnicity",
            $"{A},100001,2015-03-01,F,4,N,,false,WBRI",        // 9: counts
            $"{B},100001,2013-10-10,M,6,K,SLCN,true,WBRI",     // 10: counts
            $"{C},100002,2010-01-01,F,9,N,,false,ABAN",        // 14: counts
            $"{D},100002,2019-09-01,M,R,N,,false,WBRI",        // 4 on 31 August 2024: not of compulsory school age
            $"{E},100003,2008-05-05,M,11,N,,false,WBRI",       // 16 on 31 August 2024: not of compulsory school age
            $"{F},100002,2011-01-01,F,8,N,,false,WBRI");       // registered elsewhere every session: no possible session
        var marks = File("marks.csv",
        [
            "upn,urn,date,session,code",
            .. Marks(A, "100001", "/", "/", "/", "/", "I", "/", "/", "N", "/", "/"),   // 10 possible, 1 authorised, 1 unauthorised: 20%
            .. Marks(B, "100001", "/", "/", "/", "/", "/", "/", "V", "/", "/", "/"),   // 10 possible, no absence
            .. Marks(C, "100002", "/", "X", "G", "C", "/", "X"),                       // 4 possible, 2 absent: 50%
            .. Marks(D, "100002", "N", "N"),
            .. Marks(E, "100003", "N", "N"),
            .. Marks(F, "100002", "D", "D", "D", "D"),
            $"{A},100001,2024-09-09,AM,A",                                             // not a code
            $"A801200005001,100001,2024-09-09,AM,/",                                   // wrong check letter
        ]);
        var output = Path.Combine(_folder, "measures.json");

        var run = await RunAsync("attendance", "measures", "--pupils", pupils, "--marks", marks, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("marks.csv:36:5: 'A' is not a register code.", run.Error);
        Assert.Contains("marks.csv:37:1: the UPN 'A801200005001' has the wrong check letter.", run.Error);
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(output));
        Assert.Equal(["overall", "schools"], json.RootElement.EnumerateObject().Select(p => p.Name));
        AssertFigures(json.RootElement.GetProperty("overall"), enrolments: 3, possible: 24, present: 20, authorised: 2, unauthorised: 2, persistent: 2, severe: 1,
            overall: 100.0 * 4 / 24, authorisedRate: 100.0 * 2 / 24, unauthorisedRate: 100.0 * 2 / 24, persistentRate: 100.0 * 2 / 3, severeRate: 100.0 / 3);
        var schools = json.RootElement.GetProperty("schools");
        Assert.Equal(["100001", "100002"], schools.EnumerateObject().Select(p => p.Name));
        AssertFigures(schools.GetProperty("100001"), 2, 20, 18, 1, 1, 1, 0, 10, 5, 5, 50, 0);
        AssertFigures(schools.GetProperty("100002"), 1, 4, 2, 1, 1, 1, 1, 50, 25, 25, 100, 100);
    }

    private static void AssertFigures(JsonElement e, long enrolments, long possible, long present, long authorised, long unauthorised, long persistent,
        long severe, double overall, double authorisedRate, double unauthorisedRate, double persistentRate, double severeRate)
    {
        Assert.Equal(
        [
            "enrolments", "possible_sessions", "present_sessions", "authorised_absence_sessions", "unauthorised_absence_sessions",
            "persistent_absentees", "severe_absentees", "overall_absence_rate", "authorised_absence_rate", "unauthorised_absence_rate",
            "persistent_absence_rate", "severe_absence_rate",
        ], e.EnumerateObject().Select(p => p.Name));
        Assert.Equal(enrolments, e.GetProperty("enrolments").GetInt64());
        Assert.Equal(possible, e.GetProperty("possible_sessions").GetInt64());
        Assert.Equal(present, e.GetProperty("present_sessions").GetInt64());
        Assert.Equal(authorised, e.GetProperty("authorised_absence_sessions").GetInt64());
        Assert.Equal(unauthorised, e.GetProperty("unauthorised_absence_sessions").GetInt64());
        Assert.Equal(persistent, e.GetProperty("persistent_absentees").GetInt64());
        Assert.Equal(severe, e.GetProperty("severe_absentees").GetInt64());
        Assert.Equal(overall, e.GetProperty("overall_absence_rate").GetDouble());
        Assert.Equal(authorisedRate, e.GetProperty("authorised_absence_rate").GetDouble());
        Assert.Equal(unauthorisedRate, e.GetProperty("unauthorised_absence_rate").GetDouble());
        Assert.Equal(persistentRate, e.GetProperty("persistent_absence_rate").GetDouble());
        Assert.Equal(severeRate, e.GetProperty("severe_absence_rate").GetDouble());
    }

    [Fact]
    public async Task A_marks_file_without_its_columns_is_refused_naming_the_file()
    {
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm");
        var marks = File("marks.csv", "upn,urn,date,code", $"{A},100001,2024-09-02,/");
        var run = await RunAsync("attendance", "measures", "--pupils", pupils, "--marks", marks, "--out", Path.Combine(_folder, "m.json"), "--year", "2024");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("marks.csv:1:1: the header has no 'session' column", run.Error);
    }

    [Fact]
    public async Task Marks_outside_the_year_or_at_weekends_or_for_pupils_not_on_roll_are_listed_with_their_line()
    {
        var pupils = File("pupils.csv", "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm", $"{A},100001,2015-03-01,F,4,N,,false");
        var marks = File("marks.csv", "upn,urn,date,session,code",
            $"{A},100001,2024-09-02,AM,/",
            $"{A},100001,2025-09-01,AM,/",
            $"{A},100001,2024-09-07,AM,/",
            $"{B},100001,2024-09-02,AM,/",
            $"{A},100001,2024-09-02,EVE,/");
        var run = await RunAsync("attendance", "measures", "--pupils", pupils, "--marks", marks, "--out", Path.Combine(_folder, "m.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("marks.csv:3:3: 2025-09-01 is outside the academic year 2024/25", run.Error);
        Assert.Contains("marks.csv:4:3: 2024-09-07 is a weekend", run.Error);
        Assert.Contains($"marks.csv:5:1: no enrolment for pupil {B} at school 100001", run.Error);
        Assert.Contains("marks.csv:6:4: the session 'EVE' should be AM or PM.", run.Error);
        Assert.Contains("4 rows were not used", run.Output);
    }
}
