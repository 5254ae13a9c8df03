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

    /// <summary>Refused (<see cref="ForbiddenException"/>) unless the acting administrator may update the quarantine.</summary>
    Task<ReleaseOutcome> ReleaseAsync(ReleaseQuarantinedOptions options, ProcessContext process, CancellationToken ct = default);
}

/// <summary>A held record and the administrator's correction of it.</summary>
public sealed record ReleaseQuarantinedOptions(QuarantinedRecord Record, string Corrected);

/// <summary>
/// Release from the administrators' pages: the administrator must be allowed to resolve quarantined records, and
/// the record's own module checks and takes in the correction.
/// </summary>
public sealed class QuarantineReleases(IEnumerable<IQuarantineRelease> intakes)
{
    /// <summary>The module that can release records of this kind; null when none can (they can only be discarded).</summary>
    public IQuarantineRelease? For(QuarantinedRecord record) => intakes.FirstOrDefault(i => i.Kind == record.Kind);

    public async Task<ReleaseOutcome> ReleaseAsync(ReleaseQuarantinedOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var decision = Access.AccessPolicy.Decide(process.RequireActor(), Access.Resource.Quarantine, Access.Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(Quarantine.ResourceType, options.Record.Id.ToString(), decision.Reason);
        var intake = For(options.Record) ?? throw new InvalidOperationException($"Records of kind {options.Record.Kind} cannot be released, only discarded.");
        return await intake.ReleaseAsync(options, process, ct);
    }
}
