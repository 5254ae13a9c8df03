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
/// expectation for those who read the partnership's figures (the business manager sees only the figures). Every MARAC
/// series of the partnership is shown, each with its next meeting and its places; three queries whatever their number.
/// </summary>
public sealed class IndexModel(CurrentActor current, MaracReferrals referrals, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    /// <summary>The series whose waiting referrals are put on its next meeting (the first series when not given).</summary>
    [BindProperty] public Guid? SeriesId { get; set; }

    public List<SeriesOverview> Series { get; private set; } = [];
    /// <summary>Referrals waiting for a meeting: the partnership's, for any of its series to hear.</summary>
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
        var series = Series.FirstOrDefault(s => SeriesId is null || s.Series.Id == SeriesId);
        if (series is null) return NotFound();
        var actor = await current.RequireAsync();
        var process = await current.ProcessAsync();
        var (meeting, _) = await referrals.ListForNextMeetingAsync(series.Series.Id, process);
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
        var all = await db.MeetingSeries.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.Marac)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync();
        var seriesIds = all.Select(s => s.Id).ToList();
        var coming = await db.Meetings.AsNoTracking().Where(m => seriesIds.Contains(m.SeriesId) && m.Date >= today)
            .Select(m => new { m.Id, m.SeriesId, m.Date, m.Status, Listed = m.Agenda.Count }).ToListAsync();
        Series = [.. all.Select(s =>
        {
            var own = coming.Where(m => m.SeriesId == s.Id).ToList();
            // The next date the series meets that is not yet held or cancelled, whether or not its meeting is set up yet.
            var next = MeetingCadence.DatesFrom(s.Cadence, s.FirstDate, today).Take(8)
                .FirstOrDefault(d => own.All(m => m.Date != d || m.Status == MeetingStatus.Planned), MeetingCadence.NextOnOrAfter(s.Cadence, s.FirstDate, today));
            var meeting = own.Where(m => m.Date == next).Select(m => new NextMeeting(m.Id, m.Date, m.Listed)).SingleOrDefault();
            return new SeriesOverview(s, meeting ?? new NextMeeting(null, next, 0),
                [.. own.Where(m => m.Date > next && m.Status == MeetingStatus.Planned).OrderBy(m => m.Date).Take(4).Select(m => new NextMeeting(m.Id, m.Date, m.Listed))]);
        })];
        Waiting = await db.MaracReferrals.CountAsync(r => r.PartnershipId == actor.PartnershipId && r.Status == MaracReferralStatus.Waiting);
    }
}

/// <summary>A MARAC series on the overview: its next meeting (with the cases already on it) and the later ones set up.</summary>
public sealed record SeriesOverview(MeetingSeries Series, NextMeeting Next, IReadOnlyList<NextMeeting> Later)
{
    public string Cadence => Series.Cadence switch
    {
        Core.Meetings.Cadence.Fortnightly => "every two weeks",
        Core.Meetings.Cadence.FourWeekly => "every four weeks",
        Core.Meetings.Cadence.Quarterly => "every three months",
        Core.Meetings.Cadence.Monthly => "every month",
        _ => "every working day",
    };
}

/// <summary>A meeting date of a series, and the meeting when it has been set up (null before its agenda is first built).</summary>
public sealed record NextMeeting(Guid? MeetingId, NodaTime.LocalDate Date, int Listed);
