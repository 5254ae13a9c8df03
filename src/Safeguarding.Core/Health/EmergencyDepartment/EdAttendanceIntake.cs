using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Health.EmergencyDepartment;

public enum EdIntakeOutcome
{
    /// <summary>A new attendance.</summary>
    Created,
    /// <summary>The trust's attendance reference was known and the facts differ: the newer copy replaced it.</summary>
    Replaced,
    /// <summary>The same facts as the attendance holds: nothing stored.</summary>
    Unchanged,
    /// <summary>Not accepted: kept raw in the quarantine with the reasons.</summary>
    Quarantined,
}

/// <summary>What happened to one attendance received, and what its education check found.</summary>
public sealed record EdIntakeResult(EdIntakeOutcome Outcome, string? AttendanceReference, Guid? AttendanceId = null, EducationCheckOutcome? Education = null,
    Guid? QuarantinedRecordId = null, IReadOnlyDictionary<string, List<string>>? Errors = null, IReadOnlyList<string>? Reasons = null);

/// <summary>One attendance to take in: the text it came from, the report read from it (or why not), where it came from, and for a file's row where each field is.</summary>
public sealed record EdAttendanceToReceive(string Raw, EdAttendanceReport? Report, string? Problem, string Source, Func<string, string>? Locate = null)
    : IReceivedRecord;

public sealed record ReceiveEdAttendanceOptions(string Raw, string Source);

public sealed record ImportEdAttendanceFileOptions(string Text, string FileName);

public sealed record EdAttendanceFileResult(string Where, EdIntakeResult Result);

/// <summary>
/// Takes a hospital trust's emergency department attendances in, from the API or a file, by one set of rules: check every
/// field (quarantine with the reasons if any fails: a person 26 or over on arrival, a bad NHS number, a missing or future
/// arrival time among them), find the person through the person index (the hospital's record holds only the person's
/// details, never the attendance), read the ECDS codes once (<see cref="EcdsCodes"/>), then check what the young person
/// said about their education against the rolls (<see cref="EducationCheck"/>). The same reference with the same facts
/// stores nothing; with other facts the newer copy replaces the attendance and what it raised that no one has acted on.
/// A file is taken whole in one transaction: every row is stored or quarantined; a file that cannot be read stores nothing.
/// A quarantined attendance, corrected, comes back through the same rules (<see cref="EdAttendanceRelease"/>).
/// </summary>
public sealed class EdAttendanceIntake(SafeguardingDbContext db, PersonIndex personIndex, Quarantine quarantine, EducationCheck education)
    : RecordIntake<EdAttendanceToReceive, EdIntakeResult>(db, quarantine)
{
    public const string QuarantineKind = "health-ed-attendance";
    public const string SourceSystem = "ed-attendances";

    protected override string HeldAs => QuarantineKind;

    protected override RecordSender Sender { get; } =
        new(Resource.EdAttendance, EdAttendances.ResourceType, OrganisationType.HospitalTrust, "emergency department attendances", "a hospital trust");

    public Task<EdIntakeResult> ReceiveAsync(ReceiveEdAttendanceOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var report = EdAttendanceRules.Parse(options.Raw, out var problem);
        return ReceiveAsync(new EdAttendanceToReceive(options.Raw, report, problem, options.Source), process, ct);
    }

    public async Task<IReadOnlyList<EdAttendanceFileResult>> ImportFileAsync(ImportEdAttendanceFileOptions options, ProcessContext process, CancellationToken ct = default) =>
        [.. (await ImportAsync(() => EdAttendanceFiles.Read(options.Text, options.FileName), process, ct)).Select(r => new EdAttendanceFileResult(r.Where, r.Result))];

    protected override EdIntakeResult Held(string? reference, Guid quarantinedRecordId, IReadOnlyDictionary<string, List<string>> errors, IReadOnlyList<string> reasons) =>
        new(EdIntakeOutcome.Quarantined, reference, QuarantinedRecordId: quarantinedRecordId, Errors: errors, Reasons: reasons);

    protected override async Task<EdIntakeResult> TakeAsync(Actor actor, EdAttendanceToReceive received, ProcessContext process, CancellationToken ct)
    {
        Db.Process = process;
        var report = received.Report;
        if (report is null) return await HoldAsync(actor, received, new Dictionary<string, List<string>> { ["body"] = [received.Problem ?? "Not an attendance"] }, null, ct);
        var now = Db.Clock.GetCurrentInstant();
        var check = EdAttendanceRules.Check(report, now);
        if (!check.IsValid) return await HoldAsync(actor, received, check.Errors, report.AttendanceReference, ct);

        var reference = check.Reference;
        var attendance = await Db.Set<EdAttendance>().SingleOrDefaultAsync(a => a.PartnershipId == actor.PartnershipId
            && a.HospitalOrganisationId == actor.OrganisationId && a.AttendanceReference == reference, ct);
        var fingerprint = report.Fingerprint();
        if (attendance is not null && attendance.Fingerprint == fingerprint) return new EdIntakeResult(EdIntakeOutcome.Unchanged, reference, attendance.Id);

        // The hospital's record of the person holds the person's details only: the attendance is health's record, not the index's.
        var person = new
        {
            nhsNumber = check.NhsNumber, givenName = report.GivenName?.Trim(), familyName = report.FamilyName?.Trim(), dateOfBirth = report.DateOfBirth?.Trim(),
            sex = check.Sex.ToString(), postcode = EdAttendanceRules.Clean(report.Postcode),
        };
        var arrival = await personIndex.ReceiveAsync(new IncomingRecord(actor.OrganisationId, SourceSystem, $"nhs/{check.NhsNumber}", JsonSerializer.Serialize(person),
            person.givenName, person.familyName, person.dateOfBirth, check.Sex, person.postcode, null, check.NhsNumber, null), process, ct);
        Db.Process = process;

        var outcome = attendance is null ? EdIntakeOutcome.Created : EdIntakeOutcome.Replaced;
        if (attendance is null)
        {
            attendance = new EdAttendance { AttendanceReference = reference, Received = received.Raw, Fingerprint = fingerprint };
            attendance.PartnershipId = actor.PartnershipId;
            attendance.HospitalOrganisationId = actor.OrganisationId;
            Db.Add(attendance);
        }
        attendance.PersonId = arrival.PersonId;
        attendance.ArrivedAt = check.ArrivedAt;
        attendance.AgeAtArrival = check.AgeAtArrival;
        attendance.ChiefComplaintCode = EdAttendanceRules.Clean(report.ChiefComplaintCode);
        attendance.InjuryIntentCode = EdAttendanceRules.Clean(report.InjuryIntentCode);
        attendance.InjuryMechanismCode = EdAttendanceRules.Clean(report.InjuryMechanismCode);
        attendance.DischargeDestinationCode = EdAttendanceRules.Clean(report.DischargeDestinationCode);
        attendance.Assault = EcdsCodes.IsAssault(attendance.InjuryIntentCode);
        attendance.Mechanism = EcdsCodes.MechanismOf(attendance.InjuryMechanismCode);
        attendance.Admitted = EcdsCodes.IsAdmission(attendance.DischargeDestinationCode);
        attendance.Received = received.Raw;
        attendance.Fingerprint = fingerprint;
        attendance.ReceivedAt = now;

        var educationOutcome = await education.RaiseAsync(new EducationStatement(arrival.PersonId, check.DateOfBirth, check.ArrivedOn,
            report.EducationSettingUrn, report.EducationSettingName, check.InEmploymentOrTraining, report.EdAdvice, attendance.Id), process, ct);
        await Db.SaveChangesAsync(ct);
        return new EdIntakeResult(outcome, reference, attendance.Id, educationOutcome);
    }
}

/// <summary>
/// Releases a corrected attendance from the quarantine through the same intake as the API and files: taken in, the person
/// found through the index, and what the young person said about their education checked against the rolls, as on receipt.
/// </summary>
public sealed class EdAttendanceRelease(SafeguardingDbContext db, EdAttendanceIntake intake, Quarantine quarantine) : IntakeRelease<EdAttendanceReport>(db, quarantine)
{
    public override string Kind => EdAttendanceIntake.QuarantineKind;
    protected override string Record => "emergency department attendance";
    protected override string SentBy => "trust";
    protected override Resource Resource => Resource.EdAttendance;
    protected override JsonSerializerOptions CorrectionJson { get; } = new(EdAttendanceReport.Json) { WriteIndented = true };

    protected override EdAttendanceReport? Parse(string text, out string? problem) => EdAttendanceRules.Parse(text, out problem);

    protected override EdAttendanceReport? ReadRow(string text)
    {
        try
        {
            var rows = EdAttendanceFiles.Read(text, "record.csv");
            return rows.Count == 1 ? rows[0].Row.Report : null;
        }
        catch (EdAttendanceFileException) { return null; }
    }

    protected override IReadOnlyList<string> Check(EdAttendanceReport report, Instant now) => [.. EdAttendanceRules.Check(report, now).Reasons];

    protected override async Task<ReleaseOutcome> TakeInAsync(EdAttendanceReport report, string corrected, string source, ProcessContext process, CancellationToken ct)
    {
        var result = await intake.ReceiveAsync(new EdAttendanceToReceive(corrected, report, null, source), process, ct);
        return result.Outcome == EdIntakeOutcome.Quarantined
            ? ReleaseOutcome.Refused(result.Reasons ?? [])
            : new ReleaseOutcome(true, $"Released: attendance {result.AttendanceReference} {result.Outcome.ToString().ToLowerInvariant()}", []);
    }
}
