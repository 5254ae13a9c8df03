using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Marac;

/// <summary>
/// MARAC: referrals waiting and the coming meetings for those who work its cases, and the year's volume against the
/// expectation for those who read the partnership's figures (the business manager sees only the figures).
/// </summary>
public sealed class IndexModel(CurrentActor current, MaracReferrals referrals, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    public MeetingSeries? Series { get; private set; }
    public List<Meeting> Coming { get; private set; } = [];
    public int Waiting { get; private set; }
    public MaracVolume? Volume { get; private set; }
    /// <summary>Whether the reader works MARAC cases (not only reads the figures).</summary>
    public bool WorksCases { get; private set; }
    public bool BuildsAgendas { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>Puts the waiting referrals on the next meeting; whoever lists them attends, so they can see the agenda.</summary>
    public async Task<IActionResult> OnPostListAsync()
    {
        // The folder lets figure readers in; listing cases is for those who work them.
        if (!(await current.RequireAsync()).HasAny(Resource.MaracReferral, Operation.Update))
            throw new Safeguarding.Core.Platform.ForbiddenException(MaracReferrals.SourceType, null, "Listing MARAC cases is not granted.");
        await LoadAsync();
        if (Series is null) return NotFound();
        var actor = await current.RequireAsync();
        var process = await current.ProcessAsync();
        var (meeting, _) = await referrals.ListForNextMeetingAsync(Series.Id, process);
        if (!await db.Set<MeetingAttendee>().AnyAsync(a => a.MeetingId == meeting.Id && a.UserId == actor.UserId && a.RemovedAt == null))
        {
            var email = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleAsync();
            await meetings.InviteAsync(new AttendeeOptions(meeting.Id, actor.OrganisationId, actor.Name, actor.UserId, email), process);
        }
        return Redirect($"/meetings/{meeting.Id}");
    }

    private async Task LoadAsync()
    {
        var actor = await current.RequireAsync();
        WorksCases = actor.HasAny(Resource.MaracReferral, Operation.Read);
        BuildsAgendas = actor.HasAny(Resource.MaracReferral, Operation.Update);
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        if (actor.SeesPartnershipFigures)
            Volume = await referrals.VolumeAsync(new MaracVolumeOptions(today.PlusYears(-1), today.PlusDays(1)), await current.ProcessAsync());
        if (!WorksCases) return;
        Series = await db.MeetingSeries.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.Marac).OrderBy(s => s.Name).FirstOrDefaultAsync();
        if (Series is not null)
        {
            var seriesId = Series.Id;
            Coming = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId && m.Date >= today).OrderBy(m => m.Date).Take(5).ToListAsync();
        }
        Waiting = await db.MaracReferrals.CountAsync(r => r.PartnershipId == actor.PartnershipId && r.Status == MaracReferralStatus.Waiting);
    }
}
