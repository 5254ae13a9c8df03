using System.CommandLine;
using Safeguarding.Core.Learners.Attendance;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard attendance measures</c>: the DfE absence measures from a pupil roll and a marks file, written as
/// measures.json. Needs no database and opens none. Rows that cannot be used are listed (file:line:column) and left out.
/// </summary>
public static class AttendanceMeasuresCommand
{
    public static Command Create(CliContext context)
    {
        var pupils = new Option<FileInfo>("--pupils") { Description = "The roll: upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm.", Required = true };
        var marks = new Option<FileInfo>("--marks") { Description = "Register marks: upn,urn,date,session,code.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write measures.json.", Required = true };
        var year = new Option<int?>("--year") { Description = "The academic year by its first calendar year (2024 for 2024/25); by default the year of the first mark." };
        var summer = new Option<string?>("--summer-second-half") { Description = "First day of the sixth half term (YYYY-MM-DD); by default the Monday a week after the late May bank holiday." };

        var command = new Command("measures", "Compute the DfE absence measures (overall and per school) from files, without a database.");
        foreach (var o in new Option[] { pupils, marks, output, year, summer }) command.Options.Add(o);
        command.SetAction(context.Guarded((parseResult, ct) =>
        {
            var pupilsPath = parseResult.GetValue(pupils)!.FullName;
            var marksPath = parseResult.GetValue(marks)!.FullName;
            var academicYear = Year(parseResult.GetValue(year), parseResult.GetValue(summer), marksPath);
            var problems = new List<RowProblem>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var enrolments = Read(() => RegisterFiles.ReadEnrolments(pupilsPath, academicYear, problems));
            var byKey = enrolments.ToDictionary(e => RegisterFiles.Key(e.Upn, e.Urn));
            var applied = Read(() => RegisterFiles.ApplyMarks(marksPath, academicYear, byKey, problems));
            var figures = Core.Learners.Attendance.AttendanceMeasures.Compute(academicYear, enrolments);
            using (var stream = File.Create(parseResult.GetValue(output)!.FullName))
                MeasuresJson.Write(figures, stream);

            foreach (var p in problems.Take(50)) context.Error.WriteLine(p.ToString());
            if (problems.Count > 50) context.Error.WriteLine($"... and {problems.Count - 50:N0} more rows not used.");
            context.Console.MarkupLine($"{academicYear.Name}: {enrolments.Count:N0} pupils on roll, {applied.Rows:N0} marks read; " +
                                       $"[bold]{figures.Overall.Enrolments:N0}[/] enrolments counted at {figures.Schools.Count:N0} schools, in {started.Elapsed.TotalSeconds:F1} s.");
            if (problems.Count > 0) context.Console.MarkupLine($"{problems.Count:N0} rows were not used (listed on stderr).");
            context.Console.MarkupLine($"Wrote {Markup.Escape(parseResult.GetValue(output)!.FullName)}");
            return Task.FromResult(Cli.Ok);
        }));
        return command;
    }

    internal static AcademicYear Year(int? startYear, string? summerSecondHalf, string marksPath)
    {
        NodaTime.LocalDate? summer = null;
        if (summerSecondHalf is not null)
            summer = RegisterFiles.TryDate(summerSecondHalf, out var d) ? d : throw new CliException($"--summer-second-half '{summerSecondHalf}' is not a date (YYYY-MM-DD).");
        var start = startYear ?? Read(() => RegisterFiles.YearOfFirstMark(marksPath))?.StartYear
            ?? throw new CliException($"{marksPath}: no mark with a readable date; give the year with --year.");
        try
        {
            return new AcademicYear(start, summer);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CliException($"The year {start} or the sixth half term's start {summerSecondHalf} is not possible.");
        }
    }

    internal static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RegisterFileException e)
        {
            throw new CliException(e.Message);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message);
        }
    }
}
