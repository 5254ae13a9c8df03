using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.PhoneTheSchool;

/// <summary>Why a deadline was missed, recorded by the Front Door once they know.</summary>
public sealed class BreachModel(CurrentActor current, EncompassEscalation escalation) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public BreachItem? Breach { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the deadline was missed");
        else if (Reason.Length > 1000) ModelState.AddModelError(nameof(Reason), "Reason must be 1,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        await escalation.RecordBreachReasonAsync(new BreachReasonOptions(id, Reason!), await current.ProcessAsync("record missed deadline"));
        return Redirect("/domestic-abuse/encompass/phone-the-school");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Breach = await escalation.BreachAsync(id, await current.ProcessAsync("record missed deadline"));
        return Breach is not null;
    }
}
