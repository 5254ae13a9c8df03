using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// The pathway's events about a person for their chronology: police incidents (one line per police reference, its
/// newest version), Operation Encompass notifications, completed DASH checklists, DRAMM decisions, MARAC referrals and
/// health flags. Six queries whatever the person has. Each entry carries the decision the pathway's own pages make.
/// </summary>
public sealed class DomesticAbuseChronology(SafeguardingDbContext db) : IChronologySource
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public IReadOnlyCollection<ChronologyModule> Modules { get; } =
        [ChronologyModule.IncidentsAndNotifications, ChronologyModule.RiskAndMarac, ChronologyModule.HealthFlags];

    public async Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(ChronologyQuery query, CancellationToken ct)
    {
        var (actor, person) = (query.Actor, query.Person);
        var (partnership, id) = (actor.PartnershipId, person.Id);
        var entries = new List<ChronologyEntry>();
        static LocalDate Day(Instant at) => at.InZone(London).Date;

        // Incidents: every version naming the person, kept to the newest per police reference (a correction is not a new event).
        var naming = db.DomesticIncidents.AsNoTracking()
            .Where(i => i.PartnershipId == partnership && (i.Adults.Any(a => a.PersonId == id) || i.Children.Any(c => c.PersonId == id)));
        var (incidentsWanted, riskWanted) = (query.Wants(ChronologyModule.IncidentsAndNotifications), query.Wants(ChronologyModule.RiskAndMarac));
        var incidents = !incidentsWanted ? [] : (await naming
                .Select(i => new
                {
                    i.Id, i.PoliceReference, i.Version, i.OccurredAt, i.Category, i.ForceOrganisationId,
                    Victim = i.Adults.Any(a => a.PersonId == id && a.Role == IncidentAdultRole.Victim),
                    VictimPersonId = i.Adults.Where(a => a.Role == IncidentAdultRole.Victim).Select(a => a.PersonId).FirstOrDefault(),
                    CausingHarm = i.Adults.Any(a => a.PersonId == id && a.Role == IncidentAdultRole.PersonCausingHarm),
                })
                .ToListAsync(ct))
            .GroupBy(i => i.PoliceReference).Select(g => g.MaxBy(i => i.Version)!).ToList();
        // The incident's page refuses a reader from whom its victim is sealed: no link to it for them (one query).
        var sealedVictims = await SealedPeople.HiddenFromAsync(db, actor, [.. incidents.Where(i => i.VictimPersonId != null).Select(i => i.VictimPersonId!.Value).Distinct()], ct);
        foreach (var i in incidents)
        {
            var role = i.Victim ? "as the victim" : i.CausingHarm ? "as the person causing harm" : "as a child in the household";
            var visible = AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Read, new(partnership, i.ForceOrganisationId)).Allowed;
            var opens = visible && IncidentCases.MayOpenPage(actor, i.ForceOrganisationId, i.VictimPersonId is { } v && sealedVictims.Contains(v));
            entries.Add(new(Day(i.OccurredAt), i.OccurredAt, ChronologyModule.IncidentsAndNotifications, i.ForceOrganisationId,
                $"Domestic incident {i.PoliceReference} ({Words.Category(i.Category)}), named {role}{(i.Version > 1 ? $"; corrected by police (version {i.Version})" : "")}",
                new AuditRecordKey(nameof(DomesticIncident), i.Id.ToString()), Resource.DomesticIncident, visible,
                Link: opens ? new(ChronologyLinkKind.Incident, i.Id) : null));
        }

        var notifications = !incidentsWanted ? [] : await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership && n.ChildPersonId == id && n.Status != NotificationStatus.Ready)
            .Join(db.DomesticIncidents, n => n.IncidentId, i => i.Id, (n, i) => new
            {
                n.Id, n.RecipientOrganisationId, n.DeliveredAt, n.CreatedAt, n.Status, n.AcknowledgedAt, n.FollowsUpNotificationId, i.PoliceReference,
            })
            .ToListAsync(ct);
        var chases = actor.Grants.Any(g => g is { Resource: Resource.EncompassNotification, Operation: Operation.Review, Scope: Scope.WholePartnership });
        foreach (var n in notifications)
        {
            var sent = n.DeliveredAt ?? n.CreatedAt;
            var reads = AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read, new(partnership, n.RecipientOrganisationId)).Allowed;
            var state = n.Status switch
            {
                NotificationStatus.Acknowledged => $"acknowledged {Words.Time(n.AcknowledgedAt)}",
                NotificationStatus.Superseded => "replaced by a later notification before it was opened",
                NotificationStatus.Opened => "opened, not yet acknowledged",
                _ => "not yet opened",
            };
            entries.Add(new(Day(sent), sent, ChronologyModule.IncidentsAndNotifications, n.RecipientOrganisationId,
                $"Operation Encompass {(n.FollowsUpNotificationId is null ? "notification" : "follow-up")} about incident {n.PoliceReference}: {state}",
                new AuditRecordKey(KeyAdultInbox.ResourceType, n.Id.ToString()), Resource.EncompassNotification,
                // The Front Door chases every setting's notifications, so it sees them; only the setting opens one.
                reads || chases, Link: reads ? new(ChronologyLinkKind.Notification, n.Id) : null));
        }

        var assessments = !riskWanted ? [] : await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed
                        && (a.VictimPersonId == id || a.PersonCausingHarmPersonId == id || a.Children.Any(c => c.PersonId == id)))
            .Select(a => new
            {
                a.Id, a.ChecklistCode, a.AssessedByOrganisationId, a.CompletedAt, a.YesCount, a.VisibleHighRisk, a.PotentialEscalation,
                a.ProfessionalJudgement, a.Refer, a.VictimPersonId, a.PersonCausingHarmPersonId,
            })
            .ToListAsync(ct);
        foreach (var a in assessments)
        {
            var at = a.CompletedAt!.Value;
            var visible = AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Read, new(partnership, a.AssessedByOrganisationId)).Allowed;
            var role = a.VictimPersonId == id ? "for them as the victim" : a.PersonCausingHarmPersonId == id ? "naming them as the person causing harm" : "with them as a child in the household";
            var criteria = new List<string>();
            if (a.VisibleHighRisk) criteria.Add("visible high risk");
            if (a.PotentialEscalation) criteria.Add("potential escalation");
            if (a.ProfessionalJudgement) criteria.Add("professional judgement");
            entries.Add(new(Day(at), at, ChronologyModule.RiskAndMarac, a.AssessedByOrganisationId,
                $"{(a.ChecklistCode == Checklists.ChecklistDefinition.YoungPeople ? "Young people's DASH" : "DASH")} risk checklist completed {role}: " +
                $"{a.YesCount ?? 0} yes answers{(criteria.Count > 0 ? $" ({string.Join(", ", criteria)})" : "")}{(a.Refer ? "; referred to MARAC" : "")}",
                new AuditRecordKey(RiskAssessmentRecords.ResourceType, a.Id.ToString()), Resource.RiskAssessment, visible,
                Link: visible ? new(ChronologyLinkKind.RiskAssessment, a.Id) : null));
        }

        // DRAMM decisions on the person as the victim, or on an incident or checklist that names them.
        var namingIds = naming.Select(i => i.Id);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var decisions = !riskWanted ? [] : await db.TriageDecisions.AsNoTracking()
            .Where(d => d.PartnershipId == partnership
                        && (d.VictimPersonId == id || (d.IncidentId != null && namingIds.Contains(d.IncidentId.Value))
                            || (d.RiskAssessmentId != null && assessmentIds.Contains(d.RiskAssessmentId.Value))))
            .ToListAsync(ct);
        var listsDramm = actor.Grants.Any(g => g is { Resource: Resource.RiskAssessment, Operation: Operation.Read, Scope: Scope.WholePartnership });
        foreach (var d in decisions)
        {
            var visible = AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Read, new(partnership, d.DecidedByOrganisationId)).Allowed;
            entries.Add(new(d.DecidedOn, d.DecidedAt, ChronologyModule.RiskAndMarac, d.DecidedByOrganisationId,
                $"DRAMM decision: {Words.Decision(d)}", new AuditRecordKey(nameof(TriageDecision), d.Id.ToString()), Resource.RiskAssessment, visible,
                Link: visible && listsDramm ? new(ChronologyLinkKind.DrammDay, d.Id, d.DecidedOn.ToString("yyyy-MM-dd", null)) : null));
        }

        var referrals = !riskWanted ? [] : await db.MaracReferrals.AsNoTracking()
            .Where(r => r.PartnershipId == partnership && (r.VictimPersonId == id || r.PersonCausingHarmPersonId == id))
            .ToListAsync(ct);
        foreach (var r in referrals)
        {
            var visible = AccessPolicy.Decide(actor, Resource.MaracReferral, Operation.Read, new(partnership, r.ReferredByOrganisationId)).Allowed;
            var status = r.Status switch
            {
                MaracReferralStatus.Waiting => "waiting for a meeting",
                MaracReferralStatus.Listed => "listed for a meeting",
                MaracReferralStatus.Heard => r.HeardAt is { } heard ? $"heard at the MARAC of {Words.Time(heard)}" : "heard at MARAC",
                _ => $"closed {Words.Time(r.ClosedAt)}",
            };
            entries.Add(new(r.ReferralDate, r.ReferredAt, ChronologyModule.RiskAndMarac, r.ReferredByOrganisationId,
                $"{(r.RepeatMarac ? "Repeat referral" : "Referral")} to MARAC {(r.VictimPersonId == id ? "as the victim" : "naming them as the person causing harm")}: {status}",
                new AuditRecordKey(nameof(MaracReferral), r.Id.ToString()), Resource.MaracReferral, visible, Sensitive: true));
        }

        var flags = !query.Wants(ChronologyModule.HealthFlags) ? [] : await db.HealthFlags.AsNoTracking().Where(f => f.PartnershipId == partnership && f.ChildPersonId == id).ToListAsync(ct);
        // A flag is read by the Front Door, and by the child's own GP practice or hospital (the person's links); the
        // person's record shows the flags to the same readers, so a line links there.
        var readsFlags = HealthFlagRecords.MayReadOnRecord(actor, person);
        var flagLink = readsFlags ? new ChronologyLink(ChronologyLinkKind.HealthFlags, person.Id) : null;
        foreach (var f in flags)
        {
            var what = f.Kind == HealthFlagKind.ChildInMaracHousehold ? "lives in a household with a victim heard at MARAC" : "at risk of domestic abuse (DRAMM decision)";
            entries.Add(new(Day(f.Start), f.Start, ChronologyModule.HealthFlags, f.ContactOrganisationId, $"Health record flag raised: {what}",
                new AuditRecordKey(nameof(HealthFlag), f.Id.ToString()), Resource.HealthFlag, readsFlags, Sensitive: true, Link: flagLink));
            if (f.End is { } end)
                entries.Add(new(Day(end), end, ChronologyModule.HealthFlags, f.ContactOrganisationId,
                    $"Health record flag ended: {what}{(string.IsNullOrWhiteSpace(f.EndReason) ? "" : $" ({f.EndReason})")}",
                    new AuditRecordKey(nameof(HealthFlag), f.Id.ToString()), Resource.HealthFlag, readsFlags, Sensitive: true, Link: flagLink));
        }
        return entries;
    }

    private static class Words
    {
        public static string Time(Instant? at) => at is { } a ? a.InZone(London).ToString("d MMMM yyyy 'at' HH:mm", null) : "";

        public static string Category(DomesticAbuseCategory c) => c switch
        {
            DomesticAbuseCategory.ControllingOrCoercive => "controlling or coercive behaviour",
            DomesticAbuseCategory.Physical => "physical",
            DomesticAbuseCategory.Sexual => "sexual",
            DomesticAbuseCategory.Economic => "economic",
            DomesticAbuseCategory.Psychological => "psychological",
            DomesticAbuseCategory.Emotional => "emotional",
            DomesticAbuseCategory.Stalking => "stalking",
            _ => "other",
        };

        public static string Decision(TriageDecision d)
        {
            if (d.NoFurtherAction) return "no further action" + (string.IsNullOrWhiteSpace(d.NoFurtherActionReason) ? "" : $" ({d.NoFurtherActionReason})");
            var parts = new List<string>();
            if (d.SafetyPlanNow) parts.Add("safety plan now");
            if (d.ReferToMarac) parts.Add("refer to MARAC");
            if (d.Idva == IdvaService.Adult) parts.Add("allocate an IDVA");
            if (d.Idva == IdvaService.YoungPeople) parts.Add("allocate the young people's IDVA");
            if (d.ReferToChildrensSocialWork) parts.Add("refer to children's social work");
            if (d.ChildrenAtRisk) parts.Add("children at risk flagged to their GP");
            return parts.Count == 0 ? "recorded" : string.Join(", ", parts);
        }
    }
}
