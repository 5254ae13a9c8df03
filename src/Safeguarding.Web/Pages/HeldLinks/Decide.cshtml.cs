using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.HeldLinks;

/// <summary>
/// One held link: the organisation's record beside the child, the settings that hold the child and the evidence, and
/// the decision with why. The link is loaded, checked and its reads audited by <see cref="HeldLinkFilter"/> on GET and POST.
/// </summary>
public sealed class DecideModel(CurrentActor current, PersonIndex index) : PageModel
{
    [BindProperty] public HeldLinkDecision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public HeldLinkToDecide? Held { get; private set; }

    public void OnGet() => Held = HttpContext.Loaded<HeldLinkToDecide>();

    public async Task<IActionResult> OnPostAsync()
    {
        Held = HttpContext.Loaded<HeldLinkToDecide>();
        if (Held.Link.Decision is not null) return Redirect("/held-links");
        if (Decision is null) ModelState.AddModelError(nameof(Decision), "Select whether to link the organisation to the child");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why, for example what the schools confirmed");
        else if (Reason.Length > 2000) ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        await index.DecideHeldLinkAsync(new DecideHeldLinkOptions(Held.Link.Id, Decision!.Value, Reason!.Trim()), await current.ProcessAsync("held link decision"));
        return Redirect("/held-links");
    }
}
