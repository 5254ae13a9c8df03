using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Linkage;

namespace Safeguarding.Core.Learners.Registers;

/// <param name="Path">The register file (register,upn,given_name,...).</param>
/// <param name="Name">The name the file is reported under (file:line:column); by default the file's own name.</param>
public sealed record RegisterImportOptions(string Path, string? Name = null);

/// <summary>What a register file did.</summary>
public sealed class RegisterImportReport
{
    public int Rows { get; internal set; }
    public int Added { get; internal set; }
    public int Updated { get; internal set; }
    public int Unchanged { get; internal set; }
    public List<RowProblem> Problems { get; } = [];
    /// <summary>Rows newly held in the quarantine (a row already waiting there is not held twice).</summary>
    public int Quarantined { get; internal set; }
    public bool ChangedNothing => Added == 0 && Updated == 0 && Quarantined == 0;
}

/// <summary>
/// Imports the council's children-missing-education and elective-home-education registers from a file, one row per
/// child per register. Each child is a record of the council's in the person index, as when the form adds one, and
/// one entry per child per register is kept (the latest file's dates win). Rows that fail go to the quarantine with
/// their reasons; the rest go in, all in one transaction; the same file imported again changes nothing.
/// </summary>
public sealed class RegisterImport(SafeguardingDbContext db, PersonIndex personIndex)
{
    public const string Kind = "learners-registers";

    public static readonly string[] Columns =
        ["register", "upn", "given_name", "family_name", "date_of_birth", "sex", "postcode", "start_date", "end_date", "reason", "last_school_urn"];

    private static readonly string[] Required = ["register", "start_date"];

    public async Task<RegisterImportReport> ImportAsync(RegisterImportOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var path = options.Path;
        var name = options.Name ?? System.IO.Path.GetFileName(path);
        if (!actor.Grants.Any(g => g is { Resource: Resource.Attendance, Operation: Operation.Create, Scope: Scope.WholePartnership }))
            throw new ForbiddenException("Attendance", null, "Keeping the council's education registers is not granted.");
        var (header, rows) = LearnerCsv.Read(path, name, Columns, Required);
        var names = header.Split(',').Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToHashSet();
        if (!names.Contains("upn") && !(names.Contains("given_name") && names.Contains("family_name") && names.Contains("date_of_birth")))
            throw new RegisterFileException($"{name}:1:1: the header needs a 'upn' column, or 'given_name', 'family_name' and 'date_of_birth'; expected {string.Join(',', Columns)}.");

        var report = new RegisterImportReport { Rows = rows.Count };
        var children = new List<(CsvRow Row, LearnerRegister Register, RegisterChild Child)>();
        var seen = new HashSet<(LearnerRegister, string)>();
        foreach (var row in rows)
        {
            var reasons = Check(row, out var register, out var child);
            if (reasons.Count == 0 && !seen.Add((register, child!.LocalId)))
                reasons.Add(("register", $"this child is already on this file's {Describe(register)} register."));
            if (reasons.Count > 0)
            {
                foreach (var (column, problem) in reasons) report.Problems.Add(new RowProblem(name, row.Line, row.ColumnOf(column), header, row.Raw, problem));
                continue;
            }
            children.Add((row, register, child!));
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var now = db.Clock.GetCurrentInstant();
            foreach (var (_, register, child) in children)
            {
                // A child with a UPN is one record of the council's whichever register they are on; a child known by name and birth date
                // is the same record of the council's as the form makes, so a child added by hand and then in a file is one entry. The record
                // holds who the child is (not the register's dates), so a file sent again leaves it as it was.
                var localId = child.Upn is { } upn ? $"upn/{upn}" : $"{register}/{child.LocalId}";
                var identity = System.Text.Json.JsonSerializer.Serialize(new { child.Upn, child.GivenName, child.FamilyName, child.DateOfBirth, child.Sex, child.Postcode });
                var arrival = await personIndex.ReceiveAsync(new IncomingRecord(actor.OrganisationId, LearnerRegisters.SourceSystem, localId,
                    identity, child.GivenName, child.FamilyName, child.DateOfBirth, child.Sex, child.Postcode, child.Address, null, child.Upn), process, ct);
                var entry = await db.LearnerRegisterEntries.SingleOrDefaultAsync(e => e.SourceRecordId == arrival.SourceRecordId && e.Register == register, ct);
                if (entry is null)
                {
                    db.LearnerRegisterEntries.Add(new LearnerRegisterEntry
                    {
                        PartnershipId = actor.PartnershipId, Register = register, SourceRecordId = arrival.SourceRecordId, PersonId = arrival.PersonId,
                        From = child.From, To = child.To, Reason = child.Reason, LastSchoolUrn = child.LastSchoolUrn, RecordedAt = now,
                    });
                    report.Added++;
                }
                else if (entry.PersonId == arrival.PersonId && entry.From == child.From && entry.To == child.To && entry.Reason == child.Reason
                         && entry.LastSchoolUrn == child.LastSchoolUrn)
                    report.Unchanged++;
                else
                {
                    (entry.PersonId, entry.From, entry.To, entry.Reason, entry.LastSchoolUrn, entry.RecordedAt) =
                        (arrival.PersonId, child.From, child.To, child.Reason, child.LastSchoolUrn, now);
                    report.Updated++;
                }
            }
            await HoldAsync(actor.PartnershipId, report, ct);
            db.Process = process;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
        return report;
    }

    private static string Describe(LearnerRegister register) =>
        register == LearnerRegister.ElectiveHomeEducation ? "elective home education" : "children missing education";

    private static List<(string Column, string Problem)> Check(CsvRow row, out LearnerRegister register, out RegisterChild? child)
    {
        var reasons = new List<(string, string)>();
        child = null;
        register = default;
        switch (row["register"].ToUpperInvariant())
        {
            case "CME": register = LearnerRegister.ChildrenMissingEducation; break;
            case "EHE": register = LearnerRegister.ElectiveHomeEducation; break;
            default: reasons.Add(("register", $"the register '{row["register"]}' should be CME (children missing education) or EHE (elective home education).")); break;
        }
        var upn = row["upn"].ToUpperInvariant();
        if (upn.Length > 0 && !UpnCheck.IsValid(upn))
            reasons.Add(("upn", upn.Length == 13 ? $"the UPN '{upn}' has the wrong check letter." : $"'{upn}' is not a UPN (13 characters)."));
        var (given, family, dobText) = (row["given_name"], row["family_name"], row["date_of_birth"]);
        LocalDate? dob = null;
        if (dobText.Length > 0)
        {
            if (RegisterFiles.TryDate(dobText, out var d) && d.Year >= 1990) dob = d;
            else reasons.Add(("date_of_birth", $"'{dobText}' is not a date of birth (YYYY-MM-DD)."));
        }
        if (upn.Length == 0 && (given.Length == 0 || family.Length == 0 || dobText.Length == 0))
            reasons.Add((given.Length == 0 ? "given_name" : family.Length == 0 ? "family_name" : "date_of_birth",
                "the child needs a UPN, or a given name, family name and date of birth, to be found in the person index."));
        var sex = row["sex"].ToUpperInvariant() switch
        {
            "" or "U" => (Sex?)Sex.Unknown, "F" => Sex.Female, "M" => Sex.Male, _ => null,
        };
        if (sex is null) reasons.Add(("sex", $"the sex '{row["sex"]}' should be F, M or U."));
        LocalDate from = default;
        if (!RegisterFiles.TryDate(row["start_date"], out from)) reasons.Add(("start_date", $"the start date '{row["start_date"]}' is not a date (YYYY-MM-DD)."));
        else if (dob is { } born && from < born) reasons.Add(("start_date", $"the start date {row["start_date"]} is before the child's date of birth."));
        LocalDate? to = null;
        if (row["end_date"].Length > 0)
        {
            if (!RegisterFiles.TryDate(row["end_date"], out var end)) reasons.Add(("end_date", $"the end date '{row["end_date"]}' is not a date (YYYY-MM-DD)."));
            else if (end < from) reasons.Add(("end_date", $"the end date {row["end_date"]} is before the start date {row["start_date"]}."));
            else to = end;
        }
        var reason = row["reason"];
        if (reason.Length > 200) reasons.Add(("reason", "the reason is longer than 200 characters."));
        var lastSchool = row["last_school_urn"];
        if (lastSchool.Length > 0 && (lastSchool.Length is < 6 or > 7 || !lastSchool.All(char.IsAsciiDigit)))
            reasons.Add(("last_school_urn", $"'{lastSchool}' is not a school URN (6 or 7 digits)."));
        if (reasons.Count > 0) return reasons;

        var postcode = row["postcode"];
        // Keyed as the form keys a child (name and date of birth), or by UPN when the file gives one.
        var localId = upn.Length > 0 ? upn : $"{given}|{family}|{dob:uuuu-MM-dd}".ToUpperInvariant();
        child = new RegisterChild(localId, given, family, dob?.ToString("uuuu-MM-dd", null), sex!.Value, postcode.Length == 0 ? null : postcode, null, from, to,
            upn.Length == 0 ? null : upn, reason.Length == 0 ? null : reason, lastSchool.Length == 0 ? null : lastSchool);
        return reasons;
    }

    /// <summary>One quarantined record per bad row, with every reason found in it; a row already waiting is not held again.</summary>
    private async Task HoldAsync(Guid partnershipId, RegisterImportReport report, CancellationToken ct)
    {
        if (report.Problems.Count == 0) return;
        var waiting = (await db.QuarantinedRecords.AsNoTracking()
                .Where(q => q.PartnershipId == partnershipId && q.Kind == Kind && q.Status == QuarantineStatus.Waiting)
                .Select(q => new { q.Source, q.Raw }).ToListAsync(ct))
            .Select(q => (q.Source, q.Raw)).ToHashSet();
        var quarantine = new Quarantine(db);
        foreach (var row in report.Problems.GroupBy(p => (p.File, p.Line)))
        {
            var first = row.First();
            var source = $"{first.File}:{first.Line}";
            var raw = first.Header + "\n" + first.Raw;
            if (!waiting.Add((source, raw))) continue;
            quarantine.Hold(partnershipId, Kind, source, raw, row.Select(p => $"column {p.Column}: {p.Problem}"));
            report.Quarantined++;
        }
    }
}
