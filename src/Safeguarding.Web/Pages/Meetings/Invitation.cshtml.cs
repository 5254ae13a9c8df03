using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>
/// The calendar invitation: time and place only, never the agenda. A page of its own so that the meeting page's record
/// filter (which opens, audits and shows the agenda) does not run for the download; <see cref="InvitationFilter"/>
/// opens it for attendees and those who run meetings, and audits the download.
/// </summary>
public sealed class InvitationModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var (meeting, series) = HttpContext.Loaded<MeetingInvitation>();
        var actor = await current.RequireAsync();
        var organiser = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleOrDefaultAsync() ?? "meetings@safeguarding-hub.example";
        return File(System.Text.Encoding.UTF8.GetBytes(MeetingInvitations.ToIcs(meeting, series, organiser)), "text/calendar", $"meeting-{meeting.Date:yyyy-MM-dd}.ics");
    }
}
