using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Census;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Learners.Attendance;

/// <param name="Pupils">The roll (upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm).</param>
/// <param name="Marks">Register marks (upn,urn,date,session,code).</param>
/// <param name="Suspensions">Suspensions and permanent exclusions (upn,urn,start_date,sessions,type,reason).</param>
/// <param name="Census">January census headcounts (urn,census_date,headcount).</param>
/// <param name="Names">The names the files are reported under (file:line:column), by path; by default the file's own name.</param>
public sealed record AttendanceImportOptions(Guid PartnershipId, AcademicYear Year, string? Pupils = null, string? Marks = null, string? Suspensions = null,
    string? Census = null, IReadOnlyDictionary<string, string>? Names = null)
{
    public string NameOf(string path) => Names?.GetValueOrDefault(path) ?? Path.GetFileName(path);
}

/// <param name="QuarantinedId">The row waiting in the quarantine.</param>
/// <param name="CorrectedRow">The row as corrected, read with the held file's header.</param>
public sealed record ReleaseAttendanceRowOptions(Guid QuarantinedId, string CorrectedRow);

public sealed class AttendanceImportReport
{
    public int EnrolmentsAdded { get; internal set; }
    public int EnrolmentsUpdated { get; internal set; }
    public int EnrolmentsLinkedToPeople { get; internal set; }
    public long MarkRows { get; internal set; }
    public long NewMarks { get; internal set; }
    public long MarksReplaced { get; internal set; }
    public long MarksAlreadyHeld { get; internal set; }
    public int SuspensionsAdded { get; internal set; }
    public int EnrolmentRows { get; internal set; }
    public int SuspensionRows { get; internal set; }
    public int CensusRows { get; internal set; }
    public int CensusAdded { get; internal set; }
    public int CensusUpdated { get; internal set; }
    /// <summary>Rows not accepted, each with its reasons; held in the quarantine unless already waiting there.</summary>
    public List<RowProblem> Problems { get; } = [];
    public int Quarantined { get; internal set; }

    /// <summary>True when the import added, changed and held nothing: the same files sent again.</summary>
    public bool ChangedNothing => EnrolmentsAdded == 0 && EnrolmentsUpdated == 0 && NewMarks == 0 && MarksReplaced == 0 && SuspensionsAdded == 0
                                  && CensusAdded == 0 && CensusUpdated == 0 && Quarantined == 0;
}

/// <summary>
/// Imports rolls, register marks and suspensions for a partnership's year into the database, all in one save: the
/// rows that pass go in, every row that does not goes to the quarantine with its reasons, and nothing is lost.
/// Importing the same files again changes nothing (marks equal to those held are no change; suspensions are keyed;
/// a row already waiting in the quarantine is not held twice).
/// </summary>
public sealed class AttendanceImport(SafeguardingDbContext db)
{
    public const string EnrolmentsKind = "attendance-enrolments";
    public const string MarksKind = "attendance-marks";
    public const string SuspensionsKind = "attendance-suspensions";
    public const string CensusKind = "attendance-census";

    private const string ResourceType = "Attendance";
    private const string NotGranted = "Importing attendance is not granted.";

    public async Task<AttendanceImportReport> ImportAsync(AttendanceImportOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var onlySchool = await DemandImportAsync(process, options.PartnershipId, ct);
        if (onlySchool is not null) RefuseOtherSchools(options, onlySchool);
        var report = new AttendanceImportReport();
        var year = options.Year;
        var enrolments = await LoadAsync(options.PartnershipId, year, ct);
        // A school importing its own files links a row only to the person its own roll put that UPN on: a UPN alone must
        // not open another setting's pupil to it (docs/security.md, "Relationships are earned").
        var peopleByUpn = await PeopleByUpnAsync(options.PartnershipId, ct, onlySchool is null ? null : process.RequireActor().OrganisationId);

        var kinds = new List<string>();
        if (options.Pupils is { } pupils)
        {
            var rows = RegisterFiles.ReadEnrolments(pupils, year, report.Problems, options.NameOf(pupils));
            foreach (var row in rows) Merge(options.PartnershipId, row, enrolments, peopleByUpn, report);
            report.EnrolmentRows = rows.Count + report.Problems.Select(p => p.Line).Distinct().Count();
        }
        kinds.AddRange(Enumerable.Repeat(EnrolmentsKind, report.Problems.Count - kinds.Count));

        if (options.Marks is { } marks)
        {
            var applied = RegisterFiles.ApplyMarks(marks, year, enrolments, report.Problems, options.NameOf(marks));
            Record(options.PartnershipId, year, applied, report);
        }
        kinds.AddRange(Enumerable.Repeat(MarksKind, report.Problems.Count - kinds.Count));

        if (options.Suspensions is { } suspensions)
        {
            var before = report.Problems.Count;
            var rows = RegisterFiles.ReadSuspensions(suspensions, year, enrolments, report.Problems, options.NameOf(suspensions));
            report.SuspensionRows = rows.Count + report.Problems.Skip(before).Select(p => p.Line).Distinct().Count();
            await AddSuspensionsAsync(options.PartnershipId, rows, report, ct);
        }
        kinds.AddRange(Enumerable.Repeat(SuspensionsKind, report.Problems.Count - kinds.Count));

        if (options.Census is { } census)
        {
            var read = CensusHeadcounts.Read(census, year, report.Problems, options.NameOf(census));
            report.CensusRows = read.RowsRead;
            await MergeCensusAsync(options.PartnershipId, year, read.Rows, report, ct);
        }
        kinds.AddRange(Enumerable.Repeat(CensusKind, report.Problems.Count - kinds.Count));

        await HoldAsync(options.PartnershipId, year, report, kinds, ct);
        var previous = db.Process;
        db.Process = process;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Process = previous;
        }
        return report;
    }

    /// <summary>
    /// Checks a corrected row from the quarantine with the same rules as the import, and accepts it: the row goes in
    /// and the quarantined record is marked released. A row that still fails is refused with its reasons, and
    /// nothing is saved.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(ReleaseAttendanceRowOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (quarantinedId, correctedRow) = options;
        var actor = process.RequireActor();
        var quarantine = new Quarantine(db);
        var held = await quarantine.FindAsync(quarantinedId, process, ct) ?? throw new InvalidOperationException("No such quarantined record.");
        if (held.Status != QuarantineStatus.Waiting) throw new InvalidOperationException("The record is no longer waiting in the quarantine.");
        Demand(process, held.PartnershipId);
        var (year, name) = ParseSource(held.Source);
        var header = held.Raw.Split('\n', 2)[0];
        var text = header + "\n" + correctedRow.Trim();
        var report = new AttendanceImportReport();
        var enrolments = await LoadAsync(held.PartnershipId, year, ct);
        switch (held.Kind)
        {
            case EnrolmentsKind:
                foreach (var row in RegisterFiles.ReadEnrolmentsText(text, year, report.Problems, name))
                    Merge(held.PartnershipId, row, enrolments, await PeopleByUpnAsync(held.PartnershipId, ct), report);
                break;
            case MarksKind:
                Record(held.PartnershipId, year, RegisterFiles.ApplyMarksText(text, year, enrolments, report.Problems, name), report);
                break;
            case SuspensionsKind:
                await AddSuspensionsAsync(held.PartnershipId, RegisterFiles.ReadSuspensionsText(text, year, enrolments, report.Problems, name), report, ct);
                break;
            case CensusKind:
                await MergeCensusAsync(held.PartnershipId, year, CensusHeadcounts.ReadText(text, year, report.Problems, name).Rows, report, ct);
                break;
            default:
                throw new InvalidOperationException($"A {held.Kind} record is not attendance's to release.");
        }
        if (report.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return report.Problems.Select(p => p.Problem).ToList();
        }
        quarantine.MarkReleased(new(held, correctedRow.Trim(), "Corrected row checked and imported."), process);
        var previous = db.Process;
        db.Process = process;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Process = previous;
        }
        return [];
    }

    private static void Demand(ProcessContext process, Guid partnershipId)
    {
        // The command line imports as the system; a person needs the grant, in their own partnership.
        if (process.Actor is not { } actor) return;
        if (actor.PartnershipId != partnershipId || !actor.Grants.Any(g => g is { Resource: Resource.Attendance, Operation: Operation.Create, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(ResourceType, null, NotGranted);
    }

    /// <summary>
    /// Who may import: the command line (no person acting), a partnership-wide grant to create attendance or pupil
    /// rolls (the council's education lead, analysts), or a school's own grant to send its roll, for that school only.
    /// Returns the one school's URN the actor is limited to, or null for the whole partnership.
    /// </summary>
    private async Task<string?> DemandImportAsync(ProcessContext process, Guid partnershipId, CancellationToken ct)
    {
        if (process.Actor is not { } actor) return null;
        if (actor.PartnershipId != partnershipId) throw new ForbiddenException(ResourceType, null, NotGranted);
        var grants = actor.Grants.Where(g => g.Operation == Operation.Create && g.Resource is Resource.Attendance or Resource.PupilRoll).ToList();
        if (grants.Any(g => g.Scope == Scope.WholePartnership)) return null;
        if (grants.Any(g => g is { Resource: Resource.PupilRoll, Scope: Scope.OwnOrganisation }))
        {
            var urn = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId && o.PartnershipId == partnershipId)
                .Select(o => o.Urn).SingleOrDefaultAsync(ct);
            if (urn is not null) return urn;
        }
        throw new ForbiddenException(ResourceType, null, NotGranted);
    }

    /// <summary>A school imports for itself only: a file with any other school's row is refused whole, before anything is read into the database.</summary>
    private static void RefuseOtherSchools(AttendanceImportOptions options, string ownUrn)
    {
        var found = new List<string>();
        foreach (var path in new[] { options.Pupils, options.Marks, options.Suspensions, options.Census })
            if (path is not null && found.Count < 10) found.AddRange(LearnerCsv.RowsForOtherSchools(path, options.NameOf(path), ownUrn, 10 - found.Count));
        if (found.Count > 0) throw new RegisterFileException(string.Join('\n', found));
    }

    private async Task MergeCensusAsync(Guid partnershipId, AcademicYear year, List<SchoolCensus> rows, AttendanceImportReport report, CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        var held = await db.SchoolCensuses.Where(c => c.PartnershipId == partnershipId && c.AcademicYear == year.StartYear)
            .ToDictionaryAsync(c => c.Urn, StringComparer.Ordinal, ct);
        foreach (var row in rows)
        {
            if (!held.TryGetValue(row.Urn, out var census))
            {
                row.PartnershipId = partnershipId;
                row.RecordedAt = now;
                db.SchoolCensuses.Add(row);
                held[row.Urn] = row;
                report.CensusAdded++;
                continue;
            }
            if (census.Headcount == row.Headcount && census.CensusDate == row.CensusDate) continue;
            (census.Headcount, census.CensusDate, census.RecordedAt) = (row.Headcount, row.CensusDate, now);
            report.CensusUpdated++;
        }
    }

    private async Task<Dictionary<string, Enrolment>> LoadAsync(Guid partnershipId, AcademicYear year, CancellationToken ct) =>
        await db.Enrolments.Where(e => e.PartnershipId == partnershipId && e.AcademicYear == year.StartYear)
            .ToDictionaryAsync(e => RegisterFiles.Key(e.Upn, e.Urn), ct);

    private async Task<Dictionary<string, Guid>> PeopleByUpnAsync(Guid partnershipId, CancellationToken ct, Guid? ownRecordsOf = null)
    {
        var pairs = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.Upn != null && r.PersonId != null && (ownRecordsOf == null || r.OrganisationId == ownRecordsOf))
            .Select(r => new { r.Upn, r.PersonId }).ToListAsync(ct);
        var byUpn = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var p in pairs) byUpn.TryAdd(p.Upn!, p.PersonId!.Value);
        return byUpn;
    }

    private void Merge(Guid partnershipId, Enrolment row, Dictionary<string, Enrolment> enrolments, Dictionary<string, Guid> peopleByUpn,
        AttendanceImportReport report)
    {
        var now = db.Clock.GetCurrentInstant();
        Guid? person = peopleByUpn.TryGetValue(row.Upn, out var p) ? p : null;
        var key = RegisterFiles.Key(row.Upn, row.Urn);
        if (!enrolments.TryGetValue(key, out var held))
        {
            row.PartnershipId = partnershipId;
            row.PersonId = person;
            row.UpdatedAt = now;
            db.Enrolments.Add(row);
            enrolments[key] = row;
            report.EnrolmentsAdded++;
            if (person is not null) report.EnrolmentsLinkedToPeople++;
            return;
        }
        var changed = held.DateOfBirth != row.DateOfBirth || held.Sex != row.Sex || held.YearGroup != row.YearGroup || held.SenProvision != row.SenProvision
                      || held.SenPrimaryNeed != row.SenPrimaryNeed || held.Fsm != row.Fsm || (person is not null && held.PersonId != person);
        if (!changed) return;
        (held.DateOfBirth, held.Sex, held.YearGroup, held.SenProvision, held.SenPrimaryNeed, held.Fsm) =
            (row.DateOfBirth, row.Sex, row.YearGroup, row.SenProvision, row.SenPrimaryNeed, row.Fsm);
        if (person is not null && held.PersonId != person)
        {
            held.PersonId = person;
            report.EnrolmentsLinkedToPeople++;
        }
        held.UpdatedAt = now;
        report.EnrolmentsUpdated++;
    }

    private void Record(Guid partnershipId, AcademicYear year, MarksResult applied, AttendanceImportReport report)
    {
        var now = db.Clock.GetCurrentInstant();
        report.MarkRows += applied.Rows;
        report.NewMarks += applied.NewMarks;
        report.MarksAlreadyHeld += applied.Unchanged;
        report.MarksReplaced += applied.Replaced.Count;
        foreach (var e in applied.Changed) e.UpdatedAt = now;
        foreach (var r in applied.Replaced)
        {
            db.MarkChanges.Add(new MarkChange
            {
                PartnershipId = partnershipId, EnrolmentId = r.Enrolment.Id, Date = year.DateOf(r.Session), Session = r.Session % 2 == 0 ? "AM" : "PM",
                OldCode = SessionCodes.ToCode(r.OldCode), NewCode = SessionCodes.ToCode(r.NewCode), Source = r.Source, ChangedAt = now,
            });
        }
    }

    private async Task AddSuspensionsAsync(Guid partnershipId, List<Suspension> rows, AttendanceImportReport report, CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        var years = rows.Select(r => r.AcademicYear).Distinct().ToList();
        var held = (await db.Suspensions.AsNoTracking()
                .Where(s => s.PartnershipId == partnershipId && years.Contains(s.AcademicYear))
                .Select(s => new { s.Upn, s.Urn, s.StartDate, s.Permanent }).ToListAsync(ct))
            .Select(s => (s.Upn, s.Urn, s.StartDate, s.Permanent)).ToHashSet();
        foreach (var s in rows)
        {
            if (!held.Add((s.Upn, s.Urn, s.StartDate, s.Permanent))) continue;
            s.PartnershipId = partnershipId;
            s.RecordedAt = now;
            db.Suspensions.Add(s);
            report.SuspensionsAdded++;
        }
    }

    /// <summary>One quarantined record per bad row, with every reason found in it; a row already waiting is not held again.</summary>
    private async Task HoldAsync(Guid partnershipId, AcademicYear year, AttendanceImportReport report, List<string> kindOfProblem, CancellationToken ct)
    {
        if (report.Problems.Count == 0) return;
        string[] kinds = [EnrolmentsKind, MarksKind, SuspensionsKind, CensusKind];
        var waiting = (await db.QuarantinedRecords.AsNoTracking()
                .Where(q => q.PartnershipId == partnershipId && kinds.Contains(q.Kind) && q.Status == QuarantineStatus.Waiting)
                .Select(q => new { q.Source, q.Raw }).ToListAsync(ct))
            .Select(q => (q.Source, q.Raw)).ToHashSet();
        var quarantine = new Quarantine(db);
        foreach (var row in report.Problems.Select((p, i) => (Problem: p, Kind: kindOfProblem[i])).GroupBy(p => (p.Kind, p.Problem.File, p.Problem.Line), p => p.Problem))
        {
            var first = row.First();
            var source = $"{year.Name} {first.File}:{first.Line}";
            var raw = first.Header + "\n" + first.Raw;
            if (!waiting.Add((source, raw))) continue;
            quarantine.Hold(partnershipId, row.Key.Kind, source, raw, row.Select(p => $"column {p.Column}: {p.Problem}"));
            report.Quarantined++;
        }
    }

    private static (AcademicYear Year, string Name) ParseSource(string source)
    {
        var space = source.IndexOf(' ');
        var colon = source.LastIndexOf(':');
        var startYear = int.Parse(source.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        return (new AcademicYear(startYear), source[(space + 1)..colon]);
    }
}
