using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

[RequirePermission(Resource.Organisation, Operation.Create)]
public sealed class AddModel(CurrentActor current, PartnershipOrganisations organisations) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OrganisationType? Type { get; set; }
    [BindProperty] public string? Urn { get; set; }
    [BindProperty] public string? OdsCode { get; set; }
    [BindProperty] public string? PoliceForceCode { get; set; }
    [BindProperty] public SchoolPhase Phase { get; set; } = SchoolPhase.NotApplicable;
    [BindProperty] public string? PhoneNumber { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (Type is null)
        {
            ModelState.AddModelError(nameof(Type), "Select the type of organisation");
            return Page();
        }
        Urn = Blank(Urn);
        OdsCode = Blank(OdsCode)?.ToUpperInvariant();
        PoliceForceCode = Blank(PoliceForceCode);
        var result = await organisations.AddAsync(new AddOrganisationOptions(Name ?? "", Type.Value, Urn, OdsCode, PoliceForceCode, Phase, Blank(PhoneNumber)), await current.ProcessAsync());
        foreach (var (field, message) in result.Problems) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();

        TempData["Added"] = Name!.Trim();
        return Redirect("/admin/organisations");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
