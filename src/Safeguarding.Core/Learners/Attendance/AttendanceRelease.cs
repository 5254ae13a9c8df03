using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// Attendance rows waiting in the quarantine, released from the administrators' quarantine pages through the
/// attendance import's own checks. One per kind of file, because each kind is read with its own header.
/// </summary>
public abstract class AttendanceRelease(AttendanceImport import) : IQuarantineRelease
{
    public abstract string Kind { get; }

    /// <summary>The held record is the file's header line and the row; the administrator corrects the row.</summary>
    public string ForCorrection(QuarantinedRecord record) =>
        record.Corrected ?? (record.Raw.Split('\n', 2) is [_, var row] ? row.Trim() : record.Raw);

    public async Task<ReleaseOutcome> ReleaseAsync(ReleaseQuarantinedOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (actor, (record, corrected)) = (process.RequireActor(), options);
        if (!actor.HasAny(Resource.Quarantine, Operation.Update))
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(), "Releasing quarantined records is not granted.");
        if (record.Kind != Kind || record.PartnershipId != actor.PartnershipId)
            throw new InvalidOperationException($"This record is not a waiting {Kind} row.");
        // The release acts as the releasing user, with their own roles: only someone who may import attendance releases
        // a held row (an administrator's role alone does not make them the education lead).
        var mayImport = AccessPolicy.Decide(actor, Resource.Attendance, Operation.Create);
        if (!mayImport.Allowed)
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(), $"releasing an attendance row needs leave to import attendance ({mayImport.Reason})");
        var reasons = await import.ReleaseAsync(new ReleaseAttendanceRowOptions(record.Id, corrected), process, ct);
        return reasons.Count == 0
            ? new ReleaseOutcome(true, "Corrected row checked and imported.", [])
            : ReleaseOutcome.Refused(reasons);
    }
}

public sealed class EnrolmentRowRelease(AttendanceImport import) : AttendanceRelease(import)
{
    public override string Kind => AttendanceImport.EnrolmentsKind;
}

public sealed class MarkRowRelease(AttendanceImport import) : AttendanceRelease(import)
{
    public override string Kind => AttendanceImport.MarksKind;
}

public sealed class SuspensionRowRelease(AttendanceImport import) : AttendanceRelease(import)
{
    public override string Kind => AttendanceImport.SuspensionsKind;
}
