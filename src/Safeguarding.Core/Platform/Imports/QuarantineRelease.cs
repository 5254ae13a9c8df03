using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>What a module's intake made of a corrected record: accepted (the record is released) or the reasons it still is not.</summary>
public sealed record ReleaseOutcome(bool Accepted, string Resolution, IReadOnlyList<string> Reasons)
{
    public static ReleaseOutcome Refused(IEnumerable<string> reasons) => new(false, "", [.. reasons]);
}

/// <summary>
/// A module's intake, for records of its kind waiting in the quarantine: release runs the module's own rules on
/// the corrected record and, when they pass, takes it in and marks the record released, all in one save. Each
/// module that quarantines registers one (Operation Encompass incidents now; attendance marks next).
/// </summary>
public interface IQuarantineRelease
{
    /// <summary>The <see cref="QuarantinedRecord.Kind"/> this intake owns.</summary>
    string Kind { get; }

    /// <summary>The record as the administrator should correct it (for a CSV record, the same data in the API's JSON shape).</summary>
    string ForCorrection(QuarantinedRecord record);

    Task<ReleaseOutcome> ReleaseAsync(Actor actor, QuarantinedRecord record, string corrected, ProcessContext process, CancellationToken ct = default);
}
