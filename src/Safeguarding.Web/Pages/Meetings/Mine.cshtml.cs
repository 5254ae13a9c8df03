using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>
/// Every meeting the attendee or their organisation is invited to: coming ones first, then those held, each list
/// paged on its own (<c>?page=</c> and <c>?earlier=</c>) with its true total.
/// </summary>
public sealed class MineModel(CurrentActor current, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    public const string EarlierPage = "earlier";

    public Paged<MyMeeting> Coming { get; private set; } = null!;
    public Paged<MyMeeting> Past { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync();
        var today = db.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        Coming = await meetings.MyMeetingsAsync(new MyMeetingsOptions(true, today, WorkQueues.PageFrom(Request)), process);
        Past = await meetings.MyMeetingsAsync(new MyMeetingsOptions(false, today, WorkQueues.PageFrom(Request, EarlierPage)), process);
    }
}
