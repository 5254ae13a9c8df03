using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>Every meeting the attendee or their organisation is invited to: coming ones first, then those held.</summary>
public sealed class MineModel(CurrentActor current, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    public List<MyMeeting> Coming { get; private set; } = [];
    public List<MyMeeting> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = await meetings.MyMeetingsAsync(new MyMeetingsOptions(), await current.ProcessAsync());
        var today = db.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        Coming = [.. all.Where(m => m.Date >= today && m.Status == MeetingStatus.Planned)];
        Past = [.. all.Except(Coming).OrderByDescending(m => m.Date)];
    }
}
