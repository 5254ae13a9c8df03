using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>Break-glass on a person's record, with a reason a manager reviews. <see cref="BreakGlassTargetFilter"/> checks the person and the role.</summary>
[RequireRecentSignIn]
public sealed class BreakGlassModel(CurrentActor current, BreakGlass breakGlass) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var target = HttpContext.Loaded<BreakGlassTarget>();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < BreakGlass.MinimumReasonLength)
            ModelState.AddModelError(nameof(Reason), "Say why you need this record now, for example the risk to the child");
        else if (Reason.Length > 2000)
            ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        await breakGlass.OpenAsync(new BreakGlassRequest(PersonRecords.ResourceType, target.PersonId.ToString(), Reason!), await current.ProcessAsync());
        return Redirect($"/people/{target.PersonId}");
    }
}
