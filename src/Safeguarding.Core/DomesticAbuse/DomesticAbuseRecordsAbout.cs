using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// The pathway's records naming the person: incidents, Operation Encompass notifications, health flags (whose reads are
/// audited under the child's id), DASH assessments, triage decisions, safety plans and MARAC referrals.
/// </summary>
public sealed class DomesticAbuseRecordsAbout(SafeguardingDbContext db) : IRecordsAboutAPerson
{
    public async Task<IReadOnlyCollection<AuditRecordKey>> KeysAsync(Guid partnershipId, Guid personId, CancellationToken ct)
    {
        var keys = new List<AuditRecordKey> { new(HealthFlagRecords.ResourceType, personId.ToString()) };
        void Add(string type, IEnumerable<Guid> ids) => keys.AddRange(ids.Select(id => new AuditRecordKey(type, id.ToString())));

        var incidents = db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == partnershipId);
        Add(nameof(DomesticIncident), await incidents
            .Where(i => i.Adults.Any(a => a.PersonId == personId) || i.Children.Any(c => c.PersonId == personId)).Select(i => i.Id).ToListAsync(ct));
        Add(ChildrenToPlace.ResourceType, await incidents.SelectMany(i => i.Children).Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(ct));
        Add(KeyAdultInbox.ResourceType, await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.ChildPersonId == personId).Select(n => n.Id).ToListAsync(ct));
        Add(nameof(HealthFlag), await db.HealthFlags.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId && f.ChildPersonId == personId).Select(f => f.Id).ToListAsync(ct));
        Add(RiskAssessmentRecords.ResourceType, await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId
                        && (a.VictimPersonId == personId || a.PersonCausingHarmPersonId == personId || a.Children.Any(c => c.PersonId == personId)))
            .Select(a => a.Id).ToListAsync(ct));
        Add(nameof(TriageDecision), await db.TriageDecisions.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.VictimPersonId == personId).Select(d => d.Id).ToListAsync(ct));
        Add(nameof(SafetyPlan), await db.SafetyPlans.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.VictimPersonId == personId).Select(p => p.Id).ToListAsync(ct));
        Add(nameof(MaracReferral), await db.MaracReferrals.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && (r.VictimPersonId == personId || r.PersonCausingHarmPersonId == personId)).Select(r => r.Id).ToListAsync(ct));
        return keys;
    }
}
