using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Children;

/// <summary>
/// Children known to safeguarding whose absence crossed 10% or 50%, or who were suspended, in the last N weeks: the
/// council's education lead sees every school, a Key Adult their own school's pupils. Each child listed is an audited read.
/// </summary>
public sealed class WorklistModel(CurrentActor current, LearnerAccess access, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Weeks { get; set; } = 4;

    public IReadOnlyList<WorklistEntry> Entries { get; private set; } = [];
    public AcademicYear AcademicYear { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Weeks is < 1 or > 52)
        {
            ModelState.AddModelError(nameof(Weeks), "Enter a number of weeks from 1 to 52");
            Weeks = 4;
        }
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        AcademicYear = AcademicYear.Containing(today);
        Entries = await access.WorklistAsync(new AttendanceWorklistOptions(AcademicYear, today, Weeks), await current.ProcessAsync("attendance worklist", ct), ct);
        return Page();
    }
}
