using System.Text.Json;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// Releases a corrected record from the quarantine through the same intake as the API and files (<see
/// cref="RecordIntake{TReceived, TResult}"/>): the correction is read and checked by the module's own rules first (a
/// still-bad one is refused with its reasons and nothing is stored), then taken in and the held record marked released,
/// in one transaction. The release acts as the releasing user, never as the sender: only someone who may both resolve
/// quarantined records and send that organisation's records releases one, and the stored record and the audit name them.
/// </summary>
public abstract class IntakeRelease<TReport>(SafeguardingDbContext db, Quarantine quarantine) : IQuarantineRelease where TReport : class
{
    public abstract string Kind { get; }

    /// <summary>The record in words, as the refusals name it ("missing-person report").</summary>
    protected abstract string Record { get; }

    /// <summary>Who sends it, in words ("force", "trust").</summary>
    protected abstract string SentBy { get; }

    /// <summary>The grant (Create, for the sending organisation) that sending these records needs.</summary>
    protected abstract Resource Resource { get; }

    /// <summary>The record in the API's JSON shape, or null with the problem.</summary>
    protected abstract TReport? Parse(string text, out string? problem);

    /// <summary>The one record of a file's row kept with its header; null when the text is no such row.</summary>
    protected abstract TReport? ReadRow(string text);

    /// <summary>The module's checks on its own (no store read): every reason the record cannot be taken in, or none.</summary>
    protected abstract IReadOnlyList<string> Check(TReport report, Instant now);

    /// <summary>
    /// Takes the checked correction in through the module's intake, inside the release's transaction: accepted with the
    /// resolution to record, or refused with the reasons (a refusal rolls back whatever the intake kept).
    /// </summary>
    protected abstract Task<ReleaseOutcome> TakeInAsync(TReport report, string corrected, string source, ProcessContext process, CancellationToken ct);

    /// <summary>How the correction is offered: the API's JSON fields, indented.</summary>
    protected virtual JsonSerializerOptions CorrectionJson { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ForCorrection(QuarantinedRecord record)
    {
        var source = record.Corrected ?? record.Raw;
        if (Parse(source, out _) is not null) return source;
        // A file's row (kept with its header): offered in the API's JSON shape, which is what release reads.
        return ReadRow(source) is { } report ? JsonSerializer.Serialize(report, CorrectionJson) : source;
    }

    public async Task<ReleaseOutcome> ReleaseAsync(ReleaseQuarantinedOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (actor, (record, corrected)) = (process.RequireActor(), options);
        if (!actor.HasAny(Resource.Quarantine, Operation.Update))
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(), "Releasing quarantined records is not granted.");
        if (record.Kind != Kind || record.Status != QuarantineStatus.Waiting || record.PartnershipId != actor.PartnershipId)
            throw new InvalidOperationException($"This record is not a waiting {Record}.");
        if (record.SentByOrganisationId is not { } sender)
            throw new InvalidOperationException($"The {SentBy} that sent this {Record} is not known, so it cannot be released as theirs.");
        var report = Parse(corrected, out var problem);
        if (report is null) return ReleaseOutcome.Refused([problem ?? $"Not a {Record}"]);
        var reasons = Check(report, db.Clock.GetCurrentInstant());
        if (reasons.Count > 0) return ReleaseOutcome.Refused(reasons);
        var mayCreate = AccessPolicy.Decide(actor, Resource, Operation.Create, new RecordFacts(actor.PartnershipId, sender));
        if (!mayCreate.Allowed)
            throw new ForbiddenException(nameof(QuarantinedRecord), record.Id.ToString(), $"releasing a {Record} needs leave to send that {SentBy}'s records ({mayCreate.Reason})");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await TakeInAsync(report, corrected, $"quarantine {record.Id}", process, ct);
        if (!outcome.Accepted) return outcome;
        db.Attach(record);
        quarantine.MarkReleased(new(record, corrected, outcome.Resolution), process);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }
}
