using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>A meeting's minutes, opened by <see cref="MinutesFilter"/> for the organisations on their distribution list only.</summary>
public sealed class MinutesModel : PageModel
{
    public MeetingMinutes Minutes { get; private set; } = null!;

    public void OnGet() => Minutes = HttpContext.Loaded<MeetingMinutes>();
}
