using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

[RequirePermission(Resource.Person, Operation.Update)]
public sealed class UnmergeModel(CurrentActor current, SafeguardingDbContext db, PersonIndex index) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public PersonMerge? Merge { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the merge was wrong");
        if (!ModelState.IsValid) return Page();
        try
        {
            await index.UnmergeAsync(await current.RequireAsync(), id, Reason!.Trim(), await current.ProcessAsync("unmerge"));
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Reason), e.Message);
            return Page();
        }
        return Redirect($"/people/{Merge!.KeptPersonId}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var partnership = actor.PartnershipId;
        Merge = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.PartnershipId == partnership);
        return Merge is not null;
    }
}
