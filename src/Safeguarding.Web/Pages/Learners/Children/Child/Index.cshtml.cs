using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Children;

/// <summary>
/// A child's attendance for a year: a strip of every session at each school, the running rates month by month, and
/// suspensions. The folder's <see cref="ChildAttendanceFilter"/> opens it under the policy (the council's education
/// lead; the Key Adult of a school the child is or was enrolled at), audited, allowed or not.
/// </summary>
public sealed class ChildModel(IClock clock) : PageModel
{
    public sealed record MonthRate(string Month, SessionCounts Counts);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public string? Name { get; private set; }
    public AcademicYear? AcademicYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ChildAttendanceOpening? Opening { get; private set; }
    public Dictionary<Guid, List<MonthRate>> Running { get; } = [];
    public Dictionary<Guid, SessionCounts?> Measured { get; } = [];

    public IActionResult OnGet()
    {
        Opening = HttpContext.Loaded<ChildAttendanceOpening>();
        (Name, AcademicYear, Years, Year) = (Opening.Name, Opening.Year, Opening.Years, Opening.Year.StartYear);
        var today = clock.GetCurrentInstant().InUtc().Date;
        foreach (var e in Opening.Enrolments)
        {
            Measured[e.Id] = AttendanceMeasures.SessionCountsFor(AcademicYear, e);
            var months = new List<MonthRate>();
            var limit = AttendanceRules.CountedSessions(AcademicYear, AttendanceRules.AgeAtStartOf(AcademicYear, e.DateOfBirth));
            for (var month = AcademicYear.Start; month <= AcademicYear.End && month <= today; month = month.PlusMonths(1))
            {
                var end = Math.Min(limit, AcademicYear.FirstSessionOnOrAfter(month.PlusMonths(1)));
                var counts = AttendanceRules.Count(e.Sessions, end);
                if (counts.Possible > 0) months.Add(new MonthRate(month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), counts));
            }
            Running[e.Id] = months;
        }
        return Page();
    }
}
