using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Meetings;

/// <summary>
/// The meetings that had the person on their agenda (MARAC, DRAMM, MACE), for their chronology: a line per agenda item,
/// on the meeting's date. As on the meeting page, only a current attendee sees who an item is about, so only they see
/// the line; a meeting about a person is never counted for anyone else (ADR-019). Two queries.
/// </summary>
public sealed class MeetingChronology(SafeguardingDbContext db) : IChronologySource
{
    public IReadOnlyCollection<ChronologyModule> Modules { get; } = [ChronologyModule.RiskAndMarac];

    public async Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(ChronologyQuery query, CancellationToken ct)
    {
        var (actor, id) = (query.Actor, query.Person.Id);
        var partnership = actor.PartnershipId;
        var items = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnership && m.Status != MeetingStatus.Cancelled)
            .SelectMany(m => m.Agenda.Where(i => i.SubjectPersonId == id), (m, i) => new { MeetingId = m.Id, m.Date, m.StartsAt, m.SeriesId, i.Id, i.Decisions.Count })
            .Join(db.MeetingSeries, x => x.SeriesId, s => s.Id, (x, s) => new { x.MeetingId, x.Date, x.StartsAt, x.Id, Decisions = x.Count, s.Name, s.Kind, s.ChairOrganisationId })
            .ToListAsync(ct);
        var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
        var userId = actor.UserId;
        var attending = userId is null ? [] : await db.Meetings.AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id) && m.Attendees.Any(a => a.UserId == userId && a.RemovedAt == null)).Select(m => m.Id).ToListAsync(ct);
        var readsMeetings = actor.HasAny(Resource.Meeting, Operation.Read);
        return [.. items.Select(i =>
        {
            var visible = readsMeetings && attending.Contains(i.MeetingId);
            return new ChronologyEntry(i.Date, i.StartsAt, ChronologyModule.RiskAndMarac, i.ChairOrganisationId,
                $"On the agenda of {i.Name} ({(i.Kind == MeetingKind.Marac ? "MARAC" : i.Kind == MeetingKind.Dramm ? "DRAMM" : "multi-agency meeting")}){(i.Decisions > 0 ? $": {i.Decisions} decision{(i.Decisions == 1 ? "" : "s")} recorded" : "")}",
                new AuditRecordKey(nameof(AgendaItem), i.Id.ToString()), Resource.Meeting, visible, Sensitive: true,
                Link: visible ? new ChronologyLink(ChronologyLinkKind.Meeting, i.MeetingId) : null);
        })];
    }
}
