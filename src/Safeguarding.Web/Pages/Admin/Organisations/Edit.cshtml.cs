using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

/// <summary>
/// An administrator changes an organisation's contact details (opened by <see cref="OrganisationFilter"/>): the phone
/// number the Front Door calls and the safeguarding mailbox its outcome emails go to. Nothing is saved unless both are good.
/// </summary>
public sealed class EditModel(CurrentActor current, PartnershipOrganisations organisations) : PageModel
{
    [BindProperty] public string? PhoneNumber { get; set; }
    [BindProperty] public string? SafeguardingMailbox { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    public void OnGet()
    {
        Organisation = HttpContext.Loaded<Organisation>();
        (PhoneNumber, SafeguardingMailbox) = (Organisation.PhoneNumber, Organisation.SafeguardingMailbox);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Organisation = HttpContext.Loaded<Organisation>();
        ModelState.Clear();
        var problems = await organisations.ChangeContactDetailsAsync(new ChangeOrganisationContactOptions(id, PhoneNumber, SafeguardingMailbox), await current.ProcessAsync());
        foreach (var (field, message) in problems) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        TempData["Changed"] = Organisation.Name;
        return Redirect("/admin/organisations");
    }
}
