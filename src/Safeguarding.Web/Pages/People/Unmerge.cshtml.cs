using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>Undoing a merge, with why. The merge is loaded by <see cref="PersonMergeFilter"/>.</summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class UnmergeModel(CurrentActor current, PersonIndex index) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public PersonMerge? Merge { get; private set; }

    public void OnGet() => Merge = HttpContext.Loaded<PersonMerge>();

    public async Task<IActionResult> OnPostAsync()
    {
        Merge = HttpContext.Loaded<PersonMerge>();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the merge was wrong");
        if (!ModelState.IsValid) return Page();
        try
        {
            await index.UnmergeAsync(new UnmergeOptions(Merge.Id, Reason!.Trim()), await current.ProcessAsync("unmerge"));
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Reason), e.Message);
            return Page();
        }
        return Redirect($"/people/{Merge.KeptPersonId}");
    }
}
