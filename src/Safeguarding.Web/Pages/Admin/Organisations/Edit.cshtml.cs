using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

/// <summary>An administrator changes an organisation's phone number, which the Front Door calls (opened by <see cref="OrganisationFilter"/>).</summary>
public sealed class EditModel(CurrentActor current, PartnershipOrganisations organisations) : PageModel
{
    [BindProperty] public string? PhoneNumber { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    public void OnGet()
    {
        Organisation = HttpContext.Loaded<Organisation>();
        PhoneNumber = Organisation.PhoneNumber;
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Organisation = HttpContext.Loaded<Organisation>();
        ModelState.Clear();
        var problem = await organisations.ChangePhoneNumberAsync(new ChangeOrganisationPhoneOptions(id, PhoneNumber), await current.ProcessAsync());
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(PhoneNumber), problem);
            return Page();
        }
        TempData["Changed"] = Organisation.Name;
        return Redirect("/admin/organisations");
    }
}
