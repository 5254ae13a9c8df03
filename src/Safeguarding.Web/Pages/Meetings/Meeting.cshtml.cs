using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>A meeting: its agenda (subjects only for attendees), attendees, actions, and its invitation.</summary>
public sealed class MeetingModel(CurrentActor current, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public List<MeetingAction> Actions { get; private set; } = [];
    public Dictionary<Guid, string> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        MeetingView? view;
        try
        {
            view = await meetings.OpenAsync(await current.RequireAsync(), id, await current.ProcessAsync());
        }
        catch (UnauthorizedAccessException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (view is null) return NotFound();
        View = view;
        if (view.SubjectsVisible)
            Actions = await db.MeetingActions.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueDate).ToListAsync();
        var orgIds = view.Meeting.Attendees.Select(a => a.OrganisationId).Concat(Actions.Select(a => a.OwnerOrganisationId))
            .Concat(view.Items.SelectMany(i => i.Research).Select(r => r.OrganisationId)).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return Page();
    }

    /// <summary>The calendar invitation: time and place only, never the agenda.</summary>
    public async Task<IActionResult> OnGetInvitationAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id && m.PartnershipId == actor.PartnershipId);
        if (meeting is null) return NotFound();
        var series = await db.MeetingSeries.AsNoTracking().SingleAsync(s => s.Id == meeting.SeriesId);
        var organiser = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleOrDefaultAsync() ?? "meetings@safeguarding-hub.example";
        return File(System.Text.Encoding.UTF8.GetBytes(MeetingInvitations.ToIcs(meeting, series, organiser)), "text/calendar", $"meeting-{meeting.Date:yyyy-MM-dd}.ics");
    }
}
