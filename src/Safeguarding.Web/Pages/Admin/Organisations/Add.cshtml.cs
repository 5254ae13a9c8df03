using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

[RequirePermission(Resource.Organisation, Operation.Create)]
public sealed class AddModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OrganisationType? Type { get; set; }
    [BindProperty] public string? Urn { get; set; }
    [BindProperty] public string? OdsCode { get; set; }
    [BindProperty] public string? PoliceForceCode { get; set; }
    [BindProperty] public SchoolPhase Phase { get; set; } = SchoolPhase.NotApplicable;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        ModelState.Clear();
        if (Type is null)
        {
            ModelState.AddModelError(nameof(Type), "Select the type of organisation");
            return Page();
        }
        Urn = Blank(Urn);
        OdsCode = Blank(OdsCode)?.ToUpperInvariant();
        PoliceForceCode = Blank(PoliceForceCode);
        foreach (var (field, message) in OrganisationRules.Validate(Name, Type.Value, Urn, OdsCode, PoliceForceCode))
            ModelState.AddModelError(field, message);
        var partnership = actor.PartnershipId;
        if (Urn is not null && await db.Organisations.AnyAsync(o => o.PartnershipId == partnership && o.Urn == Urn))
            ModelState.AddModelError(nameof(Urn), "An organisation with this URN is already in the partnership");
        if (OdsCode is not null && await db.Organisations.AnyAsync(o => o.PartnershipId == partnership && o.OdsCode == OdsCode))
            ModelState.AddModelError(nameof(OdsCode), "An organisation with this ODS code is already in the partnership");
        if (!ModelState.IsValid) return Page();

        db.Process = await current.ProcessAsync();
        db.Organisations.Add(new Organisation
        {
            PartnershipId = partnership,
            Name = Name!.Trim(),
            Type = Type.Value,
            Urn = OrganisationRules.NeedsUrn(Type.Value) ? Urn : null,
            OdsCode = OrganisationRules.NeedsOdsCode(Type.Value) ? OdsCode : null,
            PoliceForceCode = OrganisationRules.NeedsPoliceForceCode(Type.Value) ? PoliceForceCode : null,
            Phase = Type is OrganisationType.School or OrganisationType.College ? Phase : SchoolPhase.NotApplicable,
            CreatedAt = db.Clock.GetCurrentInstant(),
        });
        await db.SaveChangesAsync();
        TempData["Added"] = Name!.Trim();
        return Redirect("/admin/organisations");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
