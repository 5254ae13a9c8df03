using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.EdAttendances;

/// <summary>One attendance (loaded and audited by <see cref="EdAttendanceFilter"/>): the codes as sent and read, and what the young person said about their education.</summary>
public sealed class AttendanceModel : PageModel
{
    public EdAttendanceView Attendance { get; private set; } = null!;

    public void OnGet() => Attendance = HttpContext.Loaded<EdAttendanceView>();

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not said" };
}
