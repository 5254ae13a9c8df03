using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
public sealed record EdAttendanceToReceive(string Raw, EdAttendanceReport? Report, string? Problem, string Source, Func<string, string>? Locate = null);

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
/// </summary>
public sealed class EdAttendanceIntake(SafeguardingDbContext db, PersonIndex personIndex, Quarantine quarantine, EducationCheck education)
{
    public const string QuarantineKind = "health-ed-attendance";
    public const string SourceSystem = "ed-attendances";

    public Task<EdIntakeResult> ReceiveAsync(ReceiveEdAttendanceOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var report = EdAttendanceRules.Parse(options.Raw, out var problem);
        return ReceiveAsync(new EdAttendanceToReceive(options.Raw, report, problem, options.Source), process, ct);
    }

    public async Task<EdIntakeResult> ReceiveAsync(EdAttendanceToReceive attendance, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        await RequireHospitalAsync(actor, ct);
        return await TakeAsync(actor, attendance, process, ct);
    }

    public async Task<IReadOnlyList<EdAttendanceFileResult>> ImportFileAsync(ImportEdAttendanceFileOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        await RequireHospitalAsync(actor, ct);
        var rows = EdAttendanceFiles.Read(options.Text, options.FileName);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var results = new List<EdAttendanceFileResult>(rows.Count);
            foreach (var (where, row) in rows) results.Add(new EdAttendanceFileResult(where, await TakeAsync(actor, row, process, ct)));
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return results;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task RequireHospitalAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Create).Allowed)
            throw new ForbiddenException(EdAttendances.ResourceType, null, "No role or scope allows sending emergency department attendances.");
        var trust = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId, ct);
        if (trust?.Type != OrganisationType.HospitalTrust)
            throw new ForbiddenException(EdAttendances.ResourceType, null, "Only a hospital trust sends emergency department attendances.");
    }

    private async Task<EdIntakeResult> TakeAsync(Actor actor, EdAttendanceToReceive received, ProcessContext process, CancellationToken ct)
    {
        db.Process = process;
        var report = received.Report;
        if (report is null) return await HoldAsync(actor, received, new() { ["body"] = [received.Problem ?? "Not an attendance"] }, null, ct);
        var now = db.Clock.GetCurrentInstant();
        var check = EdAttendanceRules.Check(report, now);
        if (!check.IsValid) return await HoldAsync(actor, received, check.Errors, report.AttendanceReference, ct);

        var reference = check.Reference;
        var attendance = await db.Set<EdAttendance>().SingleOrDefaultAsync(a => a.PartnershipId == actor.PartnershipId
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
        db.Process = process;

        var outcome = attendance is null ? EdIntakeOutcome.Created : EdIntakeOutcome.Replaced;
        if (attendance is null)
        {
            attendance = new EdAttendance { AttendanceReference = reference, Received = received.Raw, Fingerprint = fingerprint };
            attendance.PartnershipId = actor.PartnershipId;
            attendance.HospitalOrganisationId = actor.OrganisationId;
            db.Add(attendance);
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
        await db.SaveChangesAsync(ct);
        return new EdIntakeResult(outcome, reference, attendance.Id, educationOutcome);
    }

    private async Task<EdIntakeResult> HoldAsync(Actor actor, EdAttendanceToReceive received, Dictionary<string, List<string>> errors, string? reference, CancellationToken ct)
    {
        var reasons = errors.SelectMany(e => e.Value.Select(m => received.Locate is { } locate ? $"{locate(e.Key)}: {e.Key}: {m}" : $"{e.Key}: {m}")).ToList();
        var held = quarantine.Hold(actor.PartnershipId, QuarantineKind, received.Source, received.Raw, reasons, actor.OrganisationId);
        await db.SaveChangesAsync(ct);
        return new EdIntakeResult(EdIntakeOutcome.Quarantined, reference?.Trim(), QuarantinedRecordId: held.Id, Errors: errors, Reasons: reasons);
    }
}
