using Microsoft.EntityFrameworkCore;
using NodaTime;
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
    public async Task<string?> WhyHoldAsync(Guid partnershipId, Guid personId, LocalDate? onDay, CancellationToken ct)
    {
        var referrals = db.MaracReferrals.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.VictimPersonId == personId);
        var flags = db.HealthFlags.AsNoTracking().Where(f => f.PartnershipId == partnershipId && f.ChildPersonId == personId);
        if (onDay is { } day)
        {
            // At any time that day: referred by then and not closed before it began; a flag started by its end and not
            // ended before it began.
            var (dayStart, dayEnd) = (day.AtStartOfDayInZone(Households.London).ToInstant(), day.PlusDays(1).AtStartOfDayInZone(Households.London).ToInstant());
            referrals = referrals.Where(r => r.ReferralDate <= day && (r.ClosedAt == null || r.ClosedAt >= dayStart));
            flags = flags.Where(f => f.Start < dayEnd && (f.End == null || f.End >= dayStart));
        }
        else
        {
            referrals = referrals.Where(r => r.Status != MaracReferralStatus.Closed);
            flags = flags.Where(f => f.Status == HealthFlagStatus.Active);
        }
        if (await referrals.AnyAsync(ct)) return "the child is at MARAC";
        if (await flags.AnyAsync(ct)) return "the child is flagged at MARAC or at risk of domestic abuse";
        return null;
    }
}
