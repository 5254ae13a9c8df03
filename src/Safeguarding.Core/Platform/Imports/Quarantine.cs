using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// Holds what could not be accepted. Modules put records in with <see cref="Hold"/> and, on release, check the
/// corrected record with their own rules and accept it (<see cref="MarkReleased"/>); the administrator's pages
/// list, correct and discard.
/// </summary>
public sealed class Quarantine(SafeguardingDbContext db)
{
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

    public async Task<IReadOnlyList<QuarantinedRecord>> WaitingAsync(Actor actor, string? kind = null, CancellationToken ct = default)
    {
        Demand(actor, Operation.Read);
        var query = db.QuarantinedRecords.AsNoTracking()
            .Where(r => r.PartnershipId == actor.PartnershipId && r.Status == QuarantineStatus.Waiting);
        if (kind is not null) query = query.Where(r => r.Kind == kind);
        return await query.OrderBy(r => r.ReceivedAt).ToListAsync(ct);
    }

    public async Task<QuarantinedRecord?> FindAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor, Operation.Read);
        return await db.QuarantinedRecords.SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == actor.PartnershipId, ct);
    }

    /// <summary>Records that the corrected record was accepted by its module (the caller saves).</summary>
    public void MarkReleased(Actor actor, QuarantinedRecord record, string corrected, string resolution)
    {
        Demand(actor, Operation.Update);
        record.Corrected = corrected;
        record.Status = QuarantineStatus.Released;
        record.ResolvedAt = db.Clock.GetCurrentInstant();
        record.ResolvedByUserId = actor.UserId;
        record.Resolution = resolution;
    }

    public async Task DiscardAsync(Actor actor, QuarantinedRecord record, string reason, CancellationToken ct = default)
    {
        Demand(actor, Operation.Update);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Say why the record is discarded.", nameof(reason));
        record.Status = QuarantineStatus.Discarded;
        record.ResolvedAt = db.Clock.GetCurrentInstant();
        record.ResolvedByUserId = actor.UserId;
        record.Resolution = reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    private static void Demand(Actor actor, Operation operation)
    {
        if (!actor.HasAny(Resource.Quarantine, operation))
            throw new UnauthorizedAccessException($"{operation} on the quarantine is not granted.");
    }
}
