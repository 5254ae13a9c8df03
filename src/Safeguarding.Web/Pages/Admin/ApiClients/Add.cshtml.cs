using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.ApiClients;

[RequirePermission(Resource.ApiClient, Operation.Create)]
[RequireRecentSignIn]
public sealed class AddModel(CurrentActor current, SafeguardingDbContext db, ApiClientAdministration clients) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];

    public List<Organisation> Organisations { get; private set; } = [];
    public ApiClient? Created { get; private set; }
    /// <summary>Shown once in the answer to the POST; only its hash is stored.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await current.RequireAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        await LoadAsync(actor);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter a name for the system, like \"Police incident feed\"");
        if (OrganisationId is null || Organisations.All(o => o.Id != OrganisationId))
            ModelState.AddModelError(nameof(OrganisationId), "Select the organisation the system belongs to");
        if (Scopes.Count == 0) ModelState.AddModelError(nameof(Scopes), "Select at least one scope");
        else if (Scopes.Any(s => !ApiScopeCatalogue.Exists(s))) ModelState.AddModelError(nameof(Scopes), "Select scopes from the list");
        else if (Organisations.SingleOrDefault(o => o.Id == OrganisationId) is { } organisation
                 && Scopes.FirstOrDefault(s => !ApiScopeCatalogue.Fits(s, organisation.Type)) is { } unfit)
            ModelState.AddModelError(nameof(Scopes), $"{unfit} is not for a {Admin.Organisations.OrganisationText.Type(organisation.Type).ToLowerInvariant()}. Select only scopes for this kind of organisation");
        if (!ModelState.IsValid) return Page();

        var added = await clients.AddAsync(new AddApiClientOptions(Name!, OrganisationId!.Value, Scopes), await current.ProcessAsync());
        (Created, Secret) = (added.Client, added.Secret);
        return Page();
    }

    private async Task LoadAsync(Actor actor)
    {
        var partnership = actor.PartnershipId;
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership).OrderBy(o => o.Name).ToListAsync();
    }
}
