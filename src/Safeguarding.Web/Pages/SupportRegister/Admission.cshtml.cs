using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Records an admission to a mental health hospital: the day, the hospital, whether a community C(E)TR or an emergency
/// protocol meeting came first. The child is rated blue; without a community C(E)TR the admission is an exception with a
/// root-cause review and a post-admission C(E)TR clock. For the unit and the lead practitioner only, on GET as on POST.
/// </summary>
public sealed class AdmissionModel(CurrentActor current, Cetrs cetrs, IClock clock) : PageModel
{
    [BindProperty] public DateParts AdmittedOn { get; set; } = new();
    [BindProperty] public string? Hospital { get; set; }
    [BindProperty] public string? CommunityCetrHeldBefore { get; set; }
    [BindProperty] public string? EmergencyProtocolMeetingHeldBefore { get; set; }

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = CetrPages.Updatable(HttpContext);
        return Entry.Status == SupportRegisterStatus.OnRegister ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = CetrPages.Updatable(HttpContext);
        var on = AdmittedOn.ToDate();
        bool? community = CommunityCetrHeldBefore switch { "Yes" => true, "No" => false, _ => null };
        var today = clock.GetCurrentInstant().InZone(ReferralClock.London).Date;
        foreach (var (field, message) in Cetrs.AdmissionProblems(on, Hospital, community, today))
            ModelState.AddModelError(field, field == "AdmittedOn" && on is null && !AdmittedOn.IsEmpty ? "Enter a real date, like 27 3 2027" : message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await cetrs.RecordAdmissionAsync(new AdmissionOptions(id, on!.Value, Hospital!, community!.Value, EmergencyProtocolMeetingHeldBefore == "Yes"),
                await current.ProcessAsync("record an admission to a mental health hospital"));
            return Redirect($"/support-register/{id}/cetrs");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(AdmittedOn), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
