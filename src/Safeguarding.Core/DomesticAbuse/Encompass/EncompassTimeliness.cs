using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// One line of the timeliness figures (a week, a setting, or the whole period). Null: not applicable or nothing to measure.
/// Each party's time is shown apart: the police's (reported to received), the Front Door's (received to sent: placing
/// a child whose setting no roll gave) and the setting's (sent to acknowledged). "Notified on time" is the statutory
/// measure, sent before the start of the next school day after the report; "acknowledged on time" and breaches are
/// against the setting's own deadline, which starts when it was sent.
/// </summary>
public sealed record TimelinessRow(
    string Label,
    int? Incidents,
    int Children,
    int Notifications,
    double? NotifiedBeforeDeadlinePercent,
    double? AcknowledgedBeforeDeadlinePercent,
    double? MedianMinutesToAcknowledge,
    int Breaches,
    int? ChildrenNotMatched,
    double? MedianMinutesPoliceDelay = null,
    double? MedianMinutesToSend = null);

public sealed record TimelinessReport(LocalDate From, LocalDate To, TimelinessRow Total, IReadOnlyList<TimelinessRow> ByWeek, IReadOnlyList<TimelinessRow> BySetting);

/// <summary>
/// How well Operation Encompass works, with no person in it: counts, on-time rates and the median time to acknowledge,
/// by week of report and by setting. Incidents are counted once however many versions they have; superseded
/// notifications are not counted (their follow-up is).
/// </summary>
/// <summary>The days of report to measure, both included.</summary>
public sealed record TimelinessOptions(LocalDate From, LocalDate To);

public sealed class EncompassTimeliness(SafeguardingDbContext db)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public const string ResourceType = "EncompassTimeliness";

    public async Task<TimelinessReport> ReportAsync(TimelinessOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (from, to) = options;
        var decision = actor.SeesPartnershipFigures
            ? AccessPolicy.Decide(actor, Resource.AggregateFigures, Operation.Read)
            : new AccessDecision(false, "Timeliness covers every setting: it needs figures for the whole partnership.");
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);

        var partnership = actor.PartnershipId;
        var start = from.AtStartOfDayInZone(London).ToInstant();
        var end = to.PlusDays(1).AtStartOfDayInZone(London).ToInstant();
        var incidents = await db.DomesticIncidents.AsNoTracking()
            .Where(i => i.PartnershipId == partnership && i.ReportedAt >= start && i.ReportedAt < end)
            .Select(i => new { i.Id, i.ForceOrganisationId, i.PoliceReference, i.ReportedAt, i.IsLatest })
            .ToListAsync(ct);
        var children = await db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == partnership && i.ReportedAt >= start && i.ReportedAt < end && i.IsLatest)
            .SelectMany(i => i.Children.Select(c => new { c.Id, c.IncidentId })).ToListAsync(ct);
        var notifications = await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership && n.Status != NotificationStatus.Superseded)
            .Join(db.DomesticIncidents.Where(i => i.PartnershipId == partnership && i.ReportedAt >= start && i.ReportedAt < end), n => n.IncidentId, i => i.Id,
                (n, i) => new { n.IncidentId, n.IncidentChildId, n.RecipientOrganisationId, n.Recipient, n.Deadline, n.DeliveredAt, n.AcknowledgedAt, n.BreachRecordedAt,
                    i.ReportedAt, i.ReceivedAt })
            .ToListAsync(ct);
        var calendars = await new SchoolCalendars(db).AllAsync(partnership, ct);
        var measured = notifications.Select(n => new Measured(n.Deadline, n.DeliveredAt, n.AcknowledgedAt, n.BreachRecordedAt,
            EncompassNotification.DueAfter(calendars, n.Recipient, n.RecipientOrganisationId, n.ReportedAt, n.ReportedAt), n.ReportedAt, n.ReceivedAt)).ToList();
        var notifiedChildren = (await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership)
            .Join(db.DomesticIncidents.Where(i => i.PartnershipId == partnership && i.ReportedAt >= start && i.ReportedAt < end && i.IsLatest), n => n.IncidentId, i => i.Id, (n, i) => n.IncidentChildId)
            .ToListAsync(ct)).ToHashSet();
        var settingNames = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        LocalDate WeekOf(Instant at) => at.InZone(London).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

        TimelinessRow Figures(string label, int? incidentCount, IReadOnlyCollection<Guid> childIds, IEnumerable<Measured> ns, bool countUnmatched)
        {
            var list = ns.ToList();
            double? Percent(int part) => list.Count == 0 ? null : Math.Round(100.0 * part / list.Count, 1);
            static double? Median(IEnumerable<Duration> durations)
            {
                var minutes = durations.Select(d => d.TotalMinutes).Order().ToList();
                return minutes.Count == 0 ? null
                    : Math.Round(minutes.Count % 2 == 1 ? minutes[minutes.Count / 2] : (minutes[minutes.Count / 2 - 1] + minutes[minutes.Count / 2]) / 2, 1);
            }
            return new TimelinessRow(label, incidentCount, childIds.Count, list.Count,
                Percent(list.Count(n => n.DeliveredAt is not null && n.DeliveredAt <= n.StatutoryDeadline)),
                Percent(list.Count(n => n.AcknowledgedAt is not null && n.AcknowledgedAt <= n.Deadline)),
                Median(list.Where(n => n.AcknowledgedAt is not null && n.DeliveredAt is not null).Select(n => n.AcknowledgedAt!.Value - n.DeliveredAt!.Value)),
                list.Count(n => n.BreachRecordedAt is not null),
                countUnmatched ? childIds.Count(c => !notifiedChildren.Contains(c)) : null,
                Median(list.Select(n => n.ReceivedAt - n.ReportedAt)),
                Median(list.Where(n => n.DeliveredAt is not null).Select(n => n.DeliveredAt!.Value - n.ReceivedAt)));
        }

        int CountIncidents(IEnumerable<Guid> ids) => incidents.Where(i => ids.Contains(i.Id)).Select(i => (i.ForceOrganisationId, i.PoliceReference)).Distinct().Count();

        var total = Figures("All", incidents.Select(i => (i.ForceOrganisationId, i.PoliceReference)).Distinct().Count(),
            children.Select(c => c.Id).ToList(),
            measured, countUnmatched: true);

        var weeks = incidents.Select(i => WeekOf(i.ReportedAt)).Distinct().Order().ToList();
        var byWeek = weeks.Select(w =>
        {
            var ids = incidents.Where(i => WeekOf(i.ReportedAt) == w).Select(i => i.Id).ToHashSet();
            return Figures("Week beginning " + w.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                incidents.Where(i => ids.Contains(i.Id)).Select(i => (i.ForceOrganisationId, i.PoliceReference)).Distinct().Count(),
                children.Where(c => ids.Contains(c.IncidentId)).Select(c => c.Id).ToList(),
                notifications.Select((n, at) => (n, at)).Where(x => ids.Contains(x.n.IncidentId)).Select(x => measured[x.at]),
                countUnmatched: true);
        }).ToList();

        var bySetting = notifications.Select((n, at) => (n, at)).GroupBy(x => x.n.RecipientOrganisationId)
            .Select(g => Figures(settingNames.GetValueOrDefault(g.Key, "Unknown setting"),
                CountIncidents(g.Select(x => x.n.IncidentId).Distinct()),
                g.Select(x => x.n.IncidentChildId).Distinct().ToList(),
                g.Select(x => measured[x.at]), countUnmatched: false))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();

        return new TimelinessReport(from, to, total, byWeek, bySetting);
    }

    /// <summary>One notification's times: its setting's deadline and the statutory one (after the report).</summary>
    private sealed record Measured(Instant Deadline, Instant? DeliveredAt, Instant? AcknowledgedAt, Instant? BreachRecordedAt,
        Instant StatutoryDeadline, Instant ReportedAt, Instant ReceivedAt);
}
