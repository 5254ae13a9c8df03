using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// What of the pathway waits for the reader, each null when their role has no such list: notifications their setting
/// has to acknowledge, today's DRAMM cases still to decide, children waiting for a setting, schools to phone, safety
/// plans due for review, and referrals from triage waiting for children's social work or the reader's IDVA service.
/// </summary>
public sealed record DomesticAbuseWorkCounts(WorkCount? NotificationsToAcknowledge, WorkCount? CasesToTriage, WorkCount? ChildrenToPlace, WorkCount? CallsToMake,
    WorkCount? SafetyPlansToReview = null, WorkCount? SocialWorkReferrals = null, WorkCount? IdvaReferrals = null);

/// <summary>
/// The pathway's work queues counted for the home page: one COUNT query per queue, with the same scope as the queue's own
/// page (<see cref="KeyAdultInbox.ListAsync"/>, <see cref="DrammList.ForDayAsync"/>, <see cref="ChildrenToPlace.WaitingAsync"/>,
/// <see cref="EncompassEscalation.TasksAsync"/>, <see cref="SafetyPlans.ListAsync"/>, <see cref="TriageReferrals.QueueAsync"/>);
/// the DRAMM list, the safety plans and the referral queues count through their own services, so the count and the list
/// cannot drift apart. Nothing is listed, so nothing names a person.
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
        if (DrammList.ReadsTheList(actor))
        {
            // The list of the day being worked (the next working day's on a weekend), still to decide, as the list counts it.
            var today = Households.LondonDate(now);
            var day = DrammList.IsDrammDay(today) ? today : MeetingCadence.NextWorkingDay(today);
            cases = new(await new DrammList(db).CountAsync(new DrammDayOptions(day, Decided: false), process, ct));
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
        var plans = await new SafetyPlans(db).DueForReviewAsync(process, ct);
        var referrals = new TriageReferrals(db);
        async Task<WorkCount?> WaitingFor(TriageReferralService service) =>
            actor.HasAny(TriageReferrals.ResourceOf(service), Operation.Update)
                ? await referrals.CountAsync(new TriageReferralQueueOptions(service), process, ct)
                : null;
        var socialWork = await WaitingFor(TriageReferralService.ChildrensSocialWork);
        var idva = await WaitingFor(TriageReferralService.Idva);
        return new DomesticAbuseWorkCounts(notifications, cases, children, calls, plans, socialWork, idva);
    }
}
