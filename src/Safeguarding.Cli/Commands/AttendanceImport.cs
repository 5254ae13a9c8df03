using System.CommandLine;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard attendance import</c>: rolls, register marks and suspensions into the database for one academic year.
/// Rows that cannot be accepted are listed (file:line:column) and held in the quarantine; the rest go in. Running it
/// again on the same files changes nothing.
/// </summary>
public static class AttendanceImportCommand
{
    public static Command Create(CliContext context)
    {
        var pupils = new Option<FileInfo?>("--pupils") { Description = "The roll: upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm." };
        var marks = new Option<FileInfo?>("--marks") { Description = "Register marks: upn,urn,date,session,code." };
        var suspensions = new Option<FileInfo?>("--suspensions") { Description = "Suspensions: upn,urn,start_date,sessions,type (suspension or permanent),reason." };
        var year = new Option<int?>("--year") { Description = "The academic year by its first calendar year (2024 for 2024/25); by default the year of the first mark." };
        var partnershipCode = new Option<string?>("--partnership") { Description = "The partnership's code; needed only when there are several." };

        var command = new Command("import", "Import a roll, register marks and suspensions into the database (bad rows go to the quarantine).");
        foreach (var o in new Option[] { pupils, marks, suspensions, year, partnershipCode }) command.Options.Add(o);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var pupilsPath = parseResult.GetValue(pupils)?.FullName;
            var marksPath = parseResult.GetValue(marks)?.FullName;
            var suspensionsPath = parseResult.GetValue(suspensions)?.FullName;
            if (pupilsPath is null && marksPath is null && suspensionsPath is null)
                throw new CliException("Give at least one of --pupils, --marks and --suspensions.");
            if (parseResult.GetValue(year) is null && marksPath is null)
                throw new CliException("Give the academic year with --year (2024 for 2024/25).");
            var academicYear = AttendanceMeasuresCommand.Year(parseResult.GetValue(year), null, marksPath ?? "");

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var partnership = await UsersCreateAdmin.FindPartnershipAsync(db.Partnerships, parseResult.GetValue(partnershipCode)?.Trim(), ct);
            var process = new ProcessContext("cli:attendance import", null, "import school attendance", "local", SummariseWrites: true);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var report = await AttendanceMeasuresCommand.Read(() => new Core.Learners.Attendance.AttendanceImport(db)
                .ImportAsync(process, new AttendanceImportOptions(partnership.Id, academicYear, pupilsPath, marksPath, suspensionsPath), ct));

            foreach (var p in report.Problems.Take(50)) await context.Error.WriteLineAsync(p.ToString());
            if (report.Problems.Count > 50) await context.Error.WriteLineAsync($"... and {report.Problems.Count - 50:N0} more.");
            context.Console.MarkupLine($"{academicYear.Name}: {report.EnrolmentsAdded:N0} enrolments added, {report.EnrolmentsUpdated:N0} updated " +
                                       $"({report.EnrolmentsLinkedToPeople:N0} linked to the person index by UPN); {report.MarkRows:N0} marks read: " +
                                       $"{report.NewMarks:N0} new, {report.MarksReplaced:N0} replaced by a later mark, {report.MarksAlreadyHeld:N0} already held; " +
                                       $"{report.SuspensionsAdded:N0} suspensions added; in {started.Elapsed.TotalSeconds:F1} s.");
            if (report.Problems.Count > 0)
                context.Console.MarkupLine($"{report.Problems.Count:N0} problems (listed on stderr); {report.Quarantined:N0} rows newly held in the quarantine.");
            return Cli.Ok;
        }));
        return command;
    }
}
