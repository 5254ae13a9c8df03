using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Children;

/// <summary>
/// A child's attendance for a year: a strip of every session at each school, the running rates month by month, and
/// suspensions. Opening it is decided by the policy (the council's education lead; the Key Adult of a school the
/// child is or was enrolled at) and audited, allowed or not.
/// </summary>
public sealed class ChildModel(CurrentActor current, LearnerAccess access, SafeguardingDbContext db, IClock clock) : PageModel
{
    public sealed record MonthRate(string Month, SessionCounts Counts);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public string? Name { get; private set; }
    public AcademicYear? AcademicYear { get; private set; }
    public List<int> Years { get; private set; } = [];
    public ChildAttendanceOpening? Opening { get; private set; }
    public Dictionary<Guid, List<MonthRate>> Running { get; } = [];
    public Dictionary<Guid, SessionCounts?> Measured { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        Years = await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == actor.PartnershipId && e.PersonId == id)
            .Select(e => e.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var today = clock.GetCurrentInstant().InUtc().Date;
        Year = Year is { } y && Years.Contains(y) ? y : Years.Count > 0 ? Years[0] : Core.Learners.Attendance.AcademicYear.Containing(today).StartYear;
        AcademicYear = new AcademicYear(Year.Value);
        Opening = await access.OpenChildAsync(actor, id, Year.Value, await current.ProcessAsync("child's attendance"), ct);
        if (!Opening.Found) return NotFound();
        if (!Opening.Decision.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Name = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
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
