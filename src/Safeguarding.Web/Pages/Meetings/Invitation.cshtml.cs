using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>
/// The calendar invitation: time and place only, never the agenda. A page of its own so that the meeting page's record
/// filter (which opens, audits and shows the agenda) does not run for the download.
/// </summary>
public sealed class InvitationModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id && m.PartnershipId == actor.PartnershipId);
        if (meeting is null) return NotFound();
        var series = await db.MeetingSeries.AsNoTracking().SingleAsync(s => s.Id == meeting.SeriesId);
        var organiser = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleOrDefaultAsync() ?? "meetings@safeguarding-hub.example";
        return File(System.Text.Encoding.UTF8.GetBytes(MeetingInvitations.ToIcs(meeting, series, organiser)), "text/calendar", $"meeting-{meeting.Date:yyyy-MM-dd}.ics");
    }
}
