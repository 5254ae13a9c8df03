using System.Text;
using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>
/// The fast marks reader (blocks of bytes on every core, issue 19) gives exactly what the Sep reader gives: the same
/// marks, counts, replacements and problems (file, line, column, header, row and wording), whatever the file's shape.
/// </summary>
public sealed class MarksFileReaderTests : IDisposable
{
    private static readonly AcademicYear Year = new(2024);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-marks-reader", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ValidUpn(string last12) => Upn.CheckLetter(last12) + last12;

    private static readonly string[] Upns = [.. Enumerable.Range(1, 12).Select(i => ValidUpn($"8012000050{i:00}"))];

    /// <summary>A roll of twelve pupils, some at two schools, some with marks already held (as from an earlier file).</summary>
    private static Dictionary<string, Enrolment> Roll()
    {
        var roll = new Dictionary<string, Enrolment>(StringComparer.Ordinal);
        for (var i = 0; i < Upns.Length; i++)
        {
            foreach (var urn in i % 3 == 0 ? new[] { "100001", "100002" } : ["100001"])
            {
                var e = new Enrolment
                {
                    Upn = Upns[i], Urn = urn, AcademicYear = 2024, DateOfBirth = new LocalDate(2014, 1, 1), Sex = "F", YearGroup = "5", SenProvision = "N",
                    Sessions = i % 4 == 1 ? [1, 1, 21, 9, 1] : [],
                };
                roll[RegisterFiles.Key(e.Upn, e.Urn)] = e;
            }
        }
        return roll;
    }

    /// <summary>Good rows for consecutive school days from 2 September 2024, with every kind of awkward row among them.</summary>
    private static List<string> AwkwardRows()
    {
        var rows = new List<string>();
        var codes = new[] { "/", "\\", "N", "I", "C1", "Y1", "L", "G", "X", "J1" };
        var day = new LocalDate(2024, 9, 2);
        for (var n = 0; n < 600; n++)
        {
            var upn = Upns[n % Upns.Length];
            var urn = n % 7 == 0 && n % Upns.Length % 3 == 0 ? "100002" : "100001";
            var schoolDay = n / 24;
            var date = day.PlusDays(schoolDay / 5 * 7 + schoolDay % 5).ToString("yyyy-MM-dd", null);
            rows.Add($"{upn},{urn},{date},{(n % 2 == 0 ? "AM" : "PM")},{codes[n % codes.Length]}");
            switch (n % 50)
            {
                case 3: rows.Add($"{upn},{urn},{date},AM,Q9"); break;                                 // not a code
                case 5: rows.Add($"{ValidUpn("801299999999")},{urn},{date},AM,/"); break;             // a UPN on no roll
                case 7: rows.Add($"A801200005001,{urn},{date},PM,/"); break;                          // wrong check letter
                case 9: rows.Add($"{upn},{urn},2024-09-07,AM,/"); break;                              // a Saturday
                case 11: rows.Add($"{upn},{urn},2025-09-01,AM,/"); break;                             // outside the year
                case 13: rows.Add($"{upn},{urn},2024-02-30,AM,/"); break;                             // not a date
                case 15: rows.Add($"{upn},{urn},{date},XM,/"); break;                                 // not a session
                case 17: rows.Add(""); rows.Add("   "); break;                                        // blank lines
                case 19: rows.Add($"{upn},{urn},{date}"); break;                                      // too few columns
                case 21: rows.Add($" {upn} , {urn} ,{date}, pm ,\t/ "); break;                       // spaces to trim, lower case
                case 23: rows.Add($"{upn},{urn},{date},AM,N,an extra column,Zoë"); break;             // extra columns, not ASCII
                case 25: rows.Add($"{upn},{urn},{date},AM,\u00a0I"); break;                           // a no-break space
                case 27: rows.Add($"{upn},{urn},{date},AM,{codes[n % codes.Length]}"); break;        // the same mark again
                case 29: rows.Add($"{upn},{urn},{date},{(n % 2 == 0 ? "AM" : "PM")},U"); break;      // replaced later in the file
                case 31: rows.Add($"{upn.ToLowerInvariant()},{urn},{date},AM,/"); break;             // lower-case UPN: not on the roll as written
                case 33: rows.Add($"{upn},{urn},{date},AM,c1"); break;                                // codes are case-sensitive
                case 35: rows.Add($"{upn},{urn},{date},AM,/,,,"); break;                              // empty extra columns
                case 37: rows.Add($"{upn},{urn},{date}Ω,AM,/"); break;                                // not ASCII in a date
            }
        }
        return rows;
    }

    private string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_folder, name);
        byte[] mark = bom ? [0xEF, 0xBB, 0xBF] : [];
        File.WriteAllBytes(path, [.. mark, .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private static string Lines(IEnumerable<string> rows, string newline, bool finalNewline) =>
        string.Join(newline, rows) + (finalNewline ? newline : "");

    public static TheoryData<string, bool, bool, int, bool> Shapes => new()
    {
        { "\n", true, false, MarksFileReader.BlockSize, false },
        { "\r\n", true, false, 64, false },
        { "\n", false, false, 37, false },          // no final newline; blocks end mid-line nearly every time
        { "\r\n", false, true, 100, false },        // CRLF, a byte-order mark, no final newline
        { "\n", true, true, 7, false },             // blocks shorter than a line
        { "\r\n", true, false, 1000, false },
        { "\n", true, false, 53, true },            // every column quoted, as many exports write them
        { "\r\n", false, true, MarksFileReader.BlockSize, true },
    };

    /// <summary>Every column in quotes, and rows whose quotes are not simply around whole columns.</summary>
    private static List<string> Quoted(List<string> rows)
    {
        var quoted = rows.Select(r => r.Length == 0 ? r : string.Join(',', r.Split(',').Select(c => $"\"{c}\""))).ToList();
        var (upn, urn) = (Upns[1], "100001");
        quoted.Insert(40, $"\"{upn}\",\"{urn}\",\"2024-09-03\",\"AM\",\"N\"\"x\"");          // an escaped quote
        quoted.Insert(80, $"\"{upn}\",\"{urn}\",\"2024-09-03\",\"PM\",\"/\",\",a,b,\"");      // commas inside quotes
        quoted.Insert(120, $"{upn},\"{urn}\",2024-09-04,AM,\"I\"");                       // some columns quoted
        quoted.Insert(160, $"{upn},{urn},2024-09-04,PM,a\"b\"c");                          // quotes inside a column
        quoted.Insert(200, $"\"{upn}\"x,{urn},2024-09-05,AM,/");                            // text after a closing quote
        quoted.Insert(240, $"\"{upn},{urn}\",2024-09-05,PM,/");                              // one quoted column holding two
        return quoted;
    }

    [Theory, MemberData(nameof(Shapes))]
    public void The_fast_reader_gives_what_the_Sep_reader_gives(string newline, bool finalNewline, bool bom, int blockSize, bool quoted)
    {
        var header = quoted ? "\"upn\",\"urn\",\"date\",\"session\",\"code\"" : "upn,urn,date,session,code";
        var rows = quoted ? Quoted(AwkwardRows()) : AwkwardRows();
        var text = Lines([header, .. rows], newline, finalNewline);
        var later = Lines(["session,code,date,urn,upn,note", .. rows.Skip(100).Take(300).Select(Reorder)], newline, finalNewline);
        var path = Write("marks.csv", text, bom);
        var laterPath = Write("later.csv", later);

        var (sepRoll, sepProblems) = (Roll(), new List<RowProblem>());
        var sep = new[]
        {
            RegisterFiles.ApplyMarksText(File.ReadAllText(path), Year, sepRoll, sepProblems, "marks.csv"),
            RegisterFiles.ApplyMarksText(File.ReadAllText(laterPath), Year, sepRoll, sepProblems, "later.csv"),
        };
        var (fastRoll, fastProblems) = (Roll(), new List<RowProblem>());
        var fast = new[]
        {
            RegisterFiles.TryApplyMarksFast(path, Year, fastRoll, fastProblems, "marks.csv", blockSize),
            RegisterFiles.TryApplyMarksFast(laterPath, Year, fastRoll, fastProblems, "later.csv", blockSize),
        };

        Assert.All(fast, r => Assert.NotNull(r));
        AssertSame(sep, sepRoll, sepProblems, fast!, fastRoll, fastProblems);
        Assert.Contains(sepProblems, p => p.Problem.Contains("is not a register code") && p.Line > 2 && p.Column == 5);
        Assert.Contains(sepProblems, p => p.Problem.Contains("no enrolment for pupil") && p.Column == 1);
        Assert.Contains(sep[0].Replaced, r => r.Source.StartsWith("marks.csv:", StringComparison.Ordinal));
        Assert.True(sep[1].Unchanged > 0);
    }

    // The later file has its columns in another order, with one more: the same row, moved.
    private static string Reorder(string row)
    {
        var c = row.Split(',');
        return c.Length < 5 ? row : string.Join(',', [c[3], c[4], c[2], c[1], c[0], "x", .. c.Skip(5)]);
    }

    [Theory]
    [InlineData("upn,urn,date,session,code\n{0},100001,2024-09-02,AM,/\n\"{0}\",100001,2024-09-02,PM,\"N\"\n{0},100001,\"2024-09-03\",AM,\"a\nb\"\n")] // a newline inside quotes
    [InlineData("upn,urn,date,session,code\r{0},100001,2024-09-02,AM,/\r{0},100001,2024-09-02,PM,N\r")]                                      // CR alone ends a line
    [InlineData("upn,urn,date,session,code\n{0},100001,2024-09-02,AM,/\r{0},100001,2024-09-02,PM,N\n")]                                     // a lone CR mid-file
    [InlineData("upn;urn;date;session;code\n{0};100001;2024-09-02;AM;/\n")]                                                                   // another separator
    public void A_file_the_byte_path_cannot_split_is_left_to_Sep_with_the_same_results(string template)
    {
        var path = Write("marks.csv", string.Format(null, template, Upns[0]));
        Assert.Null(RegisterFiles.TryApplyMarksFast(path, Year, Roll(), [], "marks.csv", 16));

        var (sepRoll, sepProblems) = (Roll(), new List<RowProblem>());
        var sep = RegisterFiles.ApplyMarksText(File.ReadAllText(path), Year, sepRoll, sepProblems, "marks.csv");
        var (fileRoll, fileProblems) = (Roll(), new List<RowProblem>());
        var file = RegisterFiles.ApplyMarks(path, Year, fileRoll, fileProblems, "marks.csv");
        AssertSame([sep], sepRoll, sepProblems, [file], fileRoll, fileProblems);
    }

    [Fact]
    public void A_missing_column_is_still_refused_naming_the_file()
    {
        var path = Write("marks.csv", "upn,urn,date,code\n");
        var e = Assert.Throws<RegisterFileException>(() => RegisterFiles.ApplyMarks(path, Year, Roll(), [], "marks.csv"));
        Assert.StartsWith("marks.csv:1:1: the header has no 'session' column", e.Message);
    }

    private static void AssertSame(MarksResult[] expected, Dictionary<string, Enrolment> expectedRoll, List<RowProblem> expectedProblems,
        MarksResult[] actual, Dictionary<string, Enrolment> actualRoll, List<RowProblem> actualProblems)
    {
        Assert.Equal(expectedProblems.Select(Describe), actualProblems.Select(Describe));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal((expected[i].Rows, expected[i].NewMarks, expected[i].Unchanged), (actual[i].Rows, actual[i].NewMarks, actual[i].Unchanged));
            Assert.Equal(expected[i].Replaced.Select(r => $"{r.Enrolment.Upn},{r.Enrolment.Urn},{r.Session},{r.OldCode},{r.NewCode},{r.Source}"),
                actual[i].Replaced.Select(r => $"{r.Enrolment.Upn},{r.Enrolment.Urn},{r.Session},{r.OldCode},{r.NewCode},{r.Source}"));
            Assert.Equal(expected[i].Changed.Select(e => RegisterFiles.Key(e.Upn, e.Urn)).Order(), actual[i].Changed.Select(e => RegisterFiles.Key(e.Upn, e.Urn)).Order());
        }
        Assert.Equal(expectedRoll.Keys, actualRoll.Keys);
        foreach (var (key, e) in expectedRoll) Assert.Equal(e.Sessions, actualRoll[key].Sessions);

        static string Describe(RowProblem p) => $"{p.File}|{p.Line}|{p.Column}|{p.Header}|{p.Raw}|{p.Problem}";
    }
}
