using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// The children this module knows to safeguarding, for the learners' figures and worklist: a child named in a domestic
/// incident notified to their school (Operation Encompass), and a child flagged for health records as living in a MARAC
/// household or at risk by a DRAMM triage decision (the flag active or ended).
/// </summary>
public sealed class KnownToDomesticAbuse(SafeguardingDbContext db) : IKnownToSafeguardingSource
{
    public async Task<IReadOnlyCollection<Guid>> KnownAsync(Guid partnershipId, CancellationToken ct)
    {
        var notified = await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.ChildPersonId != null)
            .Select(n => n.ChildPersonId!.Value).Distinct().ToListAsync(ct);
        var flagged = await db.HealthFlags.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId)
            .Select(f => f.ChildPersonId).Distinct().ToListAsync(ct);
        return [.. notified.Union(flagged)];
    }
}
