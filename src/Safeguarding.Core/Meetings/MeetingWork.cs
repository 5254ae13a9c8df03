using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Meetings;

/// <summary>MARAC actions the reader's organisation owns and has not done, how many are overdue, and the meeting of the soonest due.</summary>
public sealed record MaracActionsDue(WorkCount Count, Guid? SoonestMeetingId);

/// <summary>
/// The meeting engine's side of the home page: open actions from MARAC meetings owned by the reader's organisation
/// (an action is the organisation's to do, whoever attended). Null for a role that reads no meetings.
/// </summary>
public sealed class MeetingWork(SafeguardingDbContext db)
{
    public async Task<MaracActionsDue?> MaracActionsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.Meeting, Operation.Read)) return null;
        var (partnership, organisation) = (actor.PartnershipId, actor.OrganisationId);
        var today = db.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var open = db.MeetingActions.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.OwnerOrganisationId == organisation && a.Status == ActionStatus.Open)
            .Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && db.MeetingSeries.Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.Marac)));
        var waiting = await open.CountAsync(ct);
        if (waiting == 0) return new MaracActionsDue(new(0), null);
        var overdue = await open.CountAsync(a => a.DueDate < today, ct);
        var soonest = await open.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => (Guid?)a.MeetingId).FirstAsync(ct);
        return new MaracActionsDue(new(waiting, overdue), soonest);
    }
}
