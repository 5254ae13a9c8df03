using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

public sealed class IndexModel(CurrentActor current, UserAdministration users) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync()
    {
        CanAdd = AccessPolicy.Decide(await current.RequireAsync(), Resource.User, Operation.Create).Allowed;
        Users = await users.ListAsync(await current.ProcessAsync());
    }
}
