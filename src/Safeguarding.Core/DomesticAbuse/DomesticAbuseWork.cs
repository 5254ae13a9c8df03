using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// What of the pathway waits for the reader, each null when their role has no such list: notifications their setting
/// has to acknowledge, today's DRAMM cases still undecided, children waiting for a setting, schools to phone.
/// </summary>
public sealed record DomesticAbuseWorkCounts(WorkCount? NotificationsToAcknowledge, WorkCount? CasesToTriage, WorkCount? ChildrenToPlace, WorkCount? CallsToMake);

/// <summary>
/// The pathway's work queues counted for the home page: one COUNT query per queue, with the same scope as the queue's own
/// page (<see cref="KeyAdultInbox.ListAsync"/>, <see cref="DrammList.ForDayAsync"/>, <see cref="ChildrenToPlace.WaitingAsync"/>,
/// <see cref="EncompassEscalation.TasksAsync"/>); nothing is listed, so nothing names a person.
/// </summary>
public sealed class DomesticAbuseWork(SafeguardingDbContext db)
{
    public async Task<DomesticAbuseWorkCounts> CountAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnership = actor.PartnershipId;
        var now = db.Clock.GetCurrentInstant();

        WorkCount? notifications = null;
        if (AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read, new RecordFacts(partnership, OwningOrganisationId: actor.OrganisationId)).Allowed)
        {
            var organisation = actor.OrganisationId;
            var waiting = db.EncompassNotifications.AsNoTracking().Where(n => n.PartnershipId == partnership && n.RecipientOrganisationId == organisation
                && (n.Status == NotificationStatus.Delivered || n.Status == NotificationStatus.Opened));
            notifications = new(await waiting.CountAsync(ct), await waiting.CountAsync(n => n.Deadline < now, ct));
        }

        WorkCount? cases = null;
        if (actor.Grants.Any(g => g is { Resource: Resource.RiskAssessment, Operation: Operation.Read, Scope: Scope.WholePartnership }))
        {
            var today = Households.LondonDate(now);
            var day = DrammList.IsDrammDay(today) ? today : MeetingCadence.NextWorkingDay(today);
            var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnership, ct) ?? new DomesticAbuseSettings();
            var window = DrammList.WindowFor(day, settings.DrammListTime);
            var (from, to) = (window.From, window.To);
            // As the list: an incident is one case at its newest version of the window; it is decided when any of its
            // versions is (decisions belong to the police reference); a checklist on such an incident is not a referral.
            var incidents = db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == partnership && i.ReceivedAt >= from && i.ReceivedAt < to)
                .Where(i => i.IsLatest || !db.DomesticIncidents.Any(n => n.PartnershipId == i.PartnershipId && n.ForceOrganisationId == i.ForceOrganisationId
                    && n.PoliceReference == i.PoliceReference && n.Version == i.Version + 1 && n.ReceivedAt < to))
                .Where(i => !db.TriageDecisions.Any(d => d.IncidentId != null && db.DomesticIncidents.Any(v => v.Id == d.IncidentId
                    && v.PartnershipId == i.PartnershipId && v.ForceOrganisationId == i.ForceOrganisationId && v.PoliceReference == i.PoliceReference)));
            var referrals = db.RiskAssessments.AsNoTracking()
                .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed && a.CompletedAt >= from && a.CompletedAt < to)
                .Where(a => !db.DomesticIncidents.Any(v => v.Id == a.IncidentId && db.DomesticIncidents.Any(r => r.PartnershipId == v.PartnershipId
                    && r.ForceOrganisationId == v.ForceOrganisationId && r.PoliceReference == v.PoliceReference && r.ReceivedAt >= from && r.ReceivedAt < to)))
                .Where(a => !db.TriageDecisions.Any(d => d.RiskAssessmentId == a.Id));
            cases = new(await incidents.CountAsync(ct) + await referrals.CountAsync(ct));
        }

        WorkCount? children = null;
        if (actor.HasAny(Resource.EncompassNotification, Operation.Create))
        {
            var waiting = db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == partnership && i.IsLatest)
                .SelectMany(i => i.Children.Where(c => (c.SettingOutcome == ChildSettingOutcome.NotFound || c.SettingOutcome == ChildSettingOutcome.Uncertain) && c.ResolvedAt == null));
            children = new(await waiting.CountAsync(ct), await waiting.CountAsync(c => c.ResolutionDeadline < now, ct));
        }

        WorkCount? calls = null;
        if (AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Review).Allowed)
        {
            var toDo = db.EncompassEscalationTasks.AsNoTracking().Where(t => t.PartnershipId == partnership && t.DoneAt == null)
                .Join(db.EncompassNotifications, t => t.NotificationId, n => n.Id, (t, n) => new { t.Deadline, n.Status })
                .Where(x => x.Status != NotificationStatus.Acknowledged && x.Status != NotificationStatus.Superseded);
            calls = new(await toDo.CountAsync(ct), await toDo.CountAsync(x => x.Deadline < now, ct));
        }
        return new DomesticAbuseWorkCounts(notifications, cases, children, calls);
    }
}
