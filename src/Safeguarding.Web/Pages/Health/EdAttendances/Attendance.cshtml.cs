using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.EdAttendances;

/// <summary>
/// One attendance (loaded and audited by <see cref="EdAttendanceFilter"/>): the codes as sent and read, and what the
/// young person said about their education. The trust's safeguarding team sends a contact about the child to the Front
/// Door from here (once; refused to a reader who may not act on the attendance; nothing saved on bad input), and reads
/// the outcome back in the referrer's words.
/// </summary>
public sealed class AttendanceModel(CurrentActor current, Core.Health.EmergencyDepartment.EdAttendances attendances) : PageModel
{
    [BindProperty] public string? Concern { get; set; }

    public EdAttendanceView Attendance { get; private set; } = null!;

    public void OnGet() => Attendance = HttpContext.Loaded<EdAttendanceView>();

    public async Task<IActionResult> OnPostContactAsync(Guid id)
    {
        Attendance = HttpContext.Loaded<EdAttendanceView>();
        if (!Attendance.MaySendContact && Attendance.Contact is null)
            throw new ForbiddenException(Core.Health.EmergencyDepartment.EdAttendances.ResourceType, id.ToString(), "no role grants Update on this EdAttendance");
        var options = new SendEdContactOptions(id, Concern);
        foreach (var (field, message) in Core.Health.EmergencyDepartment.EdAttendances.ContactProblems(options)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await attendances.SendContactAsync(options, (await current.ProcessAsync()) with { Purpose = "contact to the Front Door" });
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Concern), e.Message);
            return Page();
        }
        return Redirect($"/health/ed-attendances/{id}#contact");
    }

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not said" };
}
