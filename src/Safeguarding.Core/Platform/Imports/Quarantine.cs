using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// Holds what could not be accepted. Modules put records in with <see cref="Hold"/> and, on release, check the
/// corrected record with their own rules and accept it (<see cref="MarkReleased"/>); the administrator's pages
/// list, correct and discard.
/// </summary>
public sealed class Quarantine(SafeguardingDbContext db)
{
    /// <summary>What the audit trail calls a held record.</summary>
    public const string ResourceType = "QuarantinedRecord";

    /// <summary>Adds the record to the context; the caller's save writes it with everything else it saves.</summary>
    public QuarantinedRecord Hold(Guid partnershipId, string kind, string source, string raw, IEnumerable<string> reasons,
        Guid? sentByOrganisationId = null)
    {
        var record = new QuarantinedRecord
        {
            PartnershipId = partnershipId,
            Kind = kind,
            Source = source,
            Raw = raw,
            Reason = string.Join('\n', reasons),
            SentByOrganisationId = sentByOrganisationId,
            ReceivedAt = db.Clock.GetCurrentInstant(),
        };
        db.QuarantinedRecords.Add(record);
        return record;
    }

    public async Task<IReadOnlyList<QuarantinedRecord>> WaitingAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        return await db.QuarantinedRecords.AsNoTracking()
            .Where(r => r.PartnershipId == actor.PartnershipId && r.Status == QuarantineStatus.Waiting)
            .OrderBy(r => r.ReceivedAt).ToListAsync(ct);
    }

    /// <summary>The record, tracked, for the module releasing it; null when the partnership has no such record.</summary>
    public async Task<QuarantinedRecord?> FindAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, id);
        return await db.QuarantinedRecords.SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == actor.PartnershipId, ct);
    }

    /// <summary>The record for an administrator to read: the raw record may name people, so every opening is audited.</summary>
    public async Task<QuarantinedRecord?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var record = await FindAsync(id, process, ct);
        if (record is null) return null;
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Records that the corrected record was accepted by its module (the caller saves).</summary>
    public void MarkReleased(MarkReleasedOptions options, ProcessContext process)
    {
        var actor = process.RequireActor();
        var (record, corrected, resolution) = options;
        Demand(actor, Operation.Update, record.Id);
        record.Corrected = corrected;
        record.Status = QuarantineStatus.Released;
        record.ResolvedAt = db.Clock.GetCurrentInstant();
        record.ResolvedByUserId = actor.UserId;
        record.Resolution = resolution;
    }

    /// <summary>Discards a waiting record, with the administrator's reason as the resolution and the purpose of the change.</summary>
    public async Task DiscardAsync(DiscardQuarantinedOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, options.RecordId);
        if (string.IsNullOrWhiteSpace(options.Reason)) throw new ArgumentException("Say why the record is discarded.", nameof(options));
        var record = await FindAsync(options.RecordId, process, ct) ?? throw new NotFoundException(ResourceType, options.RecordId.ToString());
        if (record.Status != QuarantineStatus.Waiting) throw new InvalidOperationException("This record has already been resolved.");
        db.Process = process with { Purpose = AuditPurposes.ReasonIn("discard", nameof(QuarantinedRecord), record.Id) };
        record.Status = QuarantineStatus.Discarded;
        record.ResolvedAt = db.Clock.GetCurrentInstant();
        record.ResolvedByUserId = actor.UserId;
        record.Resolution = options.Reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    private static void Demand(Actor actor, Operation operation, Guid? id)
    {
        var decision = AccessPolicy.Decide(actor, Resource.Quarantine, operation);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id?.ToString(), decision.Reason);
    }
}

public sealed record MarkReleasedOptions(QuarantinedRecord Record, string Corrected, string Resolution);

public sealed record DiscardQuarantinedOptions(Guid RecordId, string Reason);
