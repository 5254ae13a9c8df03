using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

[RequireRecentSignIn]
public sealed class BreakGlassModel(CurrentActor current, BreakGlass breakGlass, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await CheckAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await CheckAsync(id) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < BreakGlass.MinimumReasonLength)
            ModelState.AddModelError(nameof(Reason), "Say why you need this record now, for example the risk to the child");
        else if (Reason.Length > 2000)
            ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        var actor = await current.RequireAsync();
        await breakGlass.OpenAsync(actor, new BreakGlassRequest(PersonRecords.ResourceType, id.ToString(), Reason!), await current.ProcessAsync());
        return Redirect($"/people/{id}");
    }

    private async Task<IActionResult?> CheckAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        if (!actor.CanBreakGlass)
        {
            throw new ForbiddenException(PersonRecords.ResourceType, id.ToString(), "role cannot use break-glass");
        }
        var partnership = actor.PartnershipId;
        return await db.People.AnyAsync(p => p.Id == id && p.PartnershipId == partnership) ? null : NotFound();
    }
}
