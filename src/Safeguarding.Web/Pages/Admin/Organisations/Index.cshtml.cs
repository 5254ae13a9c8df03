using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

public sealed class IndexModel(CurrentActor current, PartnershipOrganisations organisations) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool CanAdd { get; private set; }
    public bool CanChange { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        CanAdd = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Create).Allowed;
        CanChange = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Update).Allowed;
        Organisations = await organisations.ListAsync(await current.ProcessAsync());
    }
}
