using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard attendance import</c>: rolls, register marks, suspensions and January census headcounts into the
/// database for one academic year, and the council's CME and EHE registers. Rows that cannot be accepted are listed
/// (file:line:column) and held in the quarantine; the rest go in, all in one transaction. Running it again on the same
/// files changes nothing.
/// </summary>
public static class AttendanceImportCommand
{
    public static Command Create(CliContext context)
    {
        var pupils = new Option<FileInfo?>("--pupils") { Description = "The roll: upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm." };
        var marks = new Option<FileInfo?>("--marks") { Description = "Register marks: upn,urn,date,session,code." };
        var suspensions = new Option<FileInfo?>("--suspensions") { Description = "Suspensions: upn,urn,start_date,sessions,type (suspension or permanent),reason." };
        var census = new Option<FileInfo?>("--census") { Description = "January census headcounts: urn,census_date,headcount." };
        var registers = new Option<FileInfo?>("--registers")
        {
            Description = "The CME and EHE registers: register (CME or EHE),upn,given_name,family_name,date_of_birth,sex,postcode,start_date,end_date,reason,last_school_urn.",
        };
        var council = new Option<string?>("--council") { Description = "The council service that keeps the registers (its name); needed only when there are several." };
        var year = new Option<int?>("--year") { Description = "The academic year by its first calendar year (2024 for 2024/25); by default the year of the first mark." };
        var partnershipCode = new Option<string?>("--partnership") { Description = "The partnership's code; needed only when there are several." };

        var command = new Command("import", "Import a roll, register marks, suspensions, census headcounts and the CME/EHE registers into the database (bad rows go to the quarantine).");
        foreach (var o in new Option[] { pupils, marks, suspensions, census, registers, council, year, partnershipCode }) command.Options.Add(o);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var pupilsPath = parseResult.GetValue(pupils)?.FullName;
            var marksPath = parseResult.GetValue(marks)?.FullName;
            var suspensionsPath = parseResult.GetValue(suspensions)?.FullName;
            var censusPath = parseResult.GetValue(census)?.FullName;
            var registersPath = parseResult.GetValue(registers)?.FullName;
            var attendance = pupilsPath is not null || marksPath is not null || suspensionsPath is not null || censusPath is not null;
            if (!attendance && registersPath is null)
                throw new CliException("Give at least one of --pupils, --marks, --suspensions, --census and --registers.");
            if (attendance && parseResult.GetValue(year) is null && marksPath is null)
                throw new CliException("Give the academic year with --year (2024 for 2024/25).");
            if (registersPath is not null && !File.Exists(registersPath)) throw new CliException($"{registersPath}: no such file.");
            var academicYear = attendance ? AttendanceMeasuresCommand.Year(parseResult.GetValue(year), null, marksPath ?? "") : null;

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var partnership = await UsersCreateAdmin.FindPartnershipAsync(db.Partnerships, parseResult.GetValue(partnershipCode)?.Trim(), ct);
            var process = new ProcessContext("cli:attendance import", null, "import school attendance", "local", SummariseWrites: true);
            var started = System.Diagnostics.Stopwatch.StartNew();
            // All the files or none: a file that cannot be read at all leaves the database as it was.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = academicYear is null ? null : await ReadAsync(() => new Core.Learners.Attendance.AttendanceImport(db)
                .ImportAsync(new AttendanceImportOptions(partnership.Id, academicYear, pupilsPath, marksPath, suspensionsPath, censusPath), process, ct));
            RegisterImportReport? registersReport = null;
            if (registersPath is not null)
            {
                var keeper = await CouncilAsync(db, partnership.Id, parseResult.GetValue(council)?.Trim(), ct);
                // The command line acts as the council service's own system, as its education lead would on the import page.
                var actor = new Actor(partnership.Id, keeper.Id, $"{keeper.Name} (command line import)", new HashSet<Role> { Role.EducationLead });
                registersReport = await ReadAsync(() => new RegisterImport(db, new PersonIndex(db))
                    .ImportAsync(new RegisterImportOptions(registersPath), process with { Actor = actor }, ct));
            }
            await transaction.CommitAsync(ct);
            if (registersReport is not null)
            {
                foreach (var p in registersReport.Problems.Take(50)) await context.Error.WriteLineAsync(p.ToString());
                context.Console.MarkupLine($"Registers: {registersReport.Rows:N0} rows: {registersReport.Added:N0} children added, {registersReport.Updated:N0} updated, " +
                                           $"{registersReport.Unchanged:N0} unchanged; {registersReport.Quarantined:N0} rows newly held in the quarantine.");
            }
            if (report is null) return Cli.Ok;

            foreach (var p in report.Problems.Take(50)) await context.Error.WriteLineAsync(p.ToString());
            if (report.Problems.Count > 50) await context.Error.WriteLineAsync($"... and {report.Problems.Count - 50:N0} more.");
            context.Console.MarkupLine($"{academicYear!.Name}: {report.EnrolmentsAdded:N0} enrolments added, {report.EnrolmentsUpdated:N0} updated " +
                                       $"({report.EnrolmentsLinkedToPeople:N0} linked to the person index by UPN); {report.MarkRows:N0} marks read: " +
                                       $"{report.NewMarks:N0} new, {report.MarksReplaced:N0} replaced by a later mark, {report.MarksAlreadyHeld:N0} already held; " +
                                       $"{report.SuspensionsAdded:N0} suspensions added; {report.CensusAdded:N0} census headcounts added, {report.CensusUpdated:N0} updated; " +
                                       $"in {started.Elapsed.TotalSeconds:F1} s.");
            if (report.Problems.Count > 0)
                context.Console.MarkupLine($"{report.Problems.Count:N0} problems (listed on stderr); {report.Quarantined:N0} rows newly held in the quarantine.");
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>A file that cannot be read at all is the command's error, naming file:line:column (awaited here, where an async import throws).</summary>
    private static async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is RegisterFileException or FileNotFoundException)
        {
            throw new CliException(e.Message);
        }
    }

    private static async Task<Organisation> CouncilAsync(SafeguardingDbContext db, Guid partnershipId, string? name, CancellationToken ct)
    {
        var councils = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.CouncilService && (name == null || o.Name == name)).ToListAsync(ct);
        return councils.Count == 1 ? councils[0]
            : throw new CliException(name is null
                ? $"Name the council service that keeps the registers with --council: {string.Join("; ", councils.Select(c => c.Name))}."
                : $"There is no council service named '{name}'.");
    }
}
