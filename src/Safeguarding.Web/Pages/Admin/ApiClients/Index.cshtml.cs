using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.ApiClients;

public sealed class IndexModel(CurrentActor current, ApiClientAdministration clients) : PageModel
{
    public IReadOnlyList<ApiClientRow> Clients { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        CanManage = AccessPolicy.Decide(await current.RequireAsync(), Resource.ApiClient, Operation.Create).Allowed;
        Clients = await clients.ListAsync(await current.ProcessAsync());
    }

    /// <summary>Revoking takes effect on the client's next call; the record stays for the audit trail.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id) =>
        await clients.RevokeAsync(id, await current.ProcessAsync()) ? Redirect("/admin/api-clients") : NotFound();
}
