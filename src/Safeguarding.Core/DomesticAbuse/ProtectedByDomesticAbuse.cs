using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// A child this module protects from automatic links (docs/security.md, "Relationships are earned"): a victim with an open
/// MARAC referral, or a child with an active flag (a MARAC household, or at risk by a DRAMM decision). A record that
/// matches such a child links its sender only when the council decides.
/// </summary>
public sealed class ProtectedByDomesticAbuse(SafeguardingDbContext db) : ILinkHoldSource
{
    public async Task<string?> WhyHoldAsync(Guid partnershipId, Guid personId, CancellationToken ct)
    {
        if (await db.MaracReferrals.AsNoTracking().AnyAsync(r => r.PartnershipId == partnershipId && r.VictimPersonId == personId
                && r.Status != MaracReferralStatus.Closed, ct))
            return "the child is at MARAC";
        if (await db.HealthFlags.AsNoTracking().AnyAsync(f => f.PartnershipId == partnershipId && f.ChildPersonId == personId
                && f.Status == HealthFlagStatus.Active, ct))
            return "the child is flagged at MARAC or at risk of domestic abuse";
        return null;
    }
}
