using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

public sealed class IndexModel(CurrentActor current, PartnershipOrganisations organisations) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync()
    {
        CanAdd = AccessPolicy.Decide(await current.RequireAsync(), Resource.Organisation, Operation.Create).Allowed;
        Organisations = await organisations.ListAsync(await current.ProcessAsync());
    }
}
