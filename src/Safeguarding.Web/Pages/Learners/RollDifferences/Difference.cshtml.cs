using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.RollDifferences;

/// <summary>
/// One roll difference (loaded by <see cref="RollDifferenceFilter"/> for GET and POST alike) and what the setting found: its
/// roll updated, the child not its own (referred to the council's CME/NEET lead), or something else it says.
/// </summary>
[RequirePermission(Resource.EducationSignposting, Operation.Update)]
public sealed class DifferenceModel(CurrentActor current, EducationSignpostings signposting) : PageModel
{
    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? Note { get; set; }

    public RollDifferenceRow Difference { get; private set; } = null!;

    public void OnGet() => Difference = HttpContext.Loaded<RollDifferenceRow>();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        Difference = HttpContext.Loaded<RollDifferenceRow>();
        SignpostingStatus? status = Finding switch
        {
            nameof(SignpostingStatus.RollUpdated) => SignpostingStatus.RollUpdated,
            nameof(SignpostingStatus.ReferredToCme) => SignpostingStatus.ReferredToCme,
            nameof(SignpostingStatus.Closed) => SignpostingStatus.Closed,
            _ => null,
        };
        if (status is null) ModelState.AddModelError(nameof(Finding), "Choose what you found");
        else if (status == SignpostingStatus.Closed && string.IsNullOrWhiteSpace(Note)) ModelState.AddModelError(nameof(Note), "Say what you found");
        if (!ModelState.IsValid) return Page();
        var problem = await signposting.RecordAsync(new RecordSignpostingOptions(id, status!.Value, Note), await current.ProcessAsync("roll difference resolved"));
        if (problem is null) return Redirect("/learners/roll-differences");
        ModelState.AddModelError(nameof(Note), problem);
        return Page();
    }
}
