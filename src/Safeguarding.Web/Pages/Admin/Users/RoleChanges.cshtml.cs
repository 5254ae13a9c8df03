using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

/// <summary>Changes administrators asked for on their own roles, for a second administrator to approve or refuse.</summary>
[RequirePermission(Resource.User, Operation.Update)]
[RequireRecentSignIn]
public sealed class RoleChangesModel(CurrentActor current, UserAdministration users) : PageModel
{
    public IReadOnlyList<PendingRoleChange> Pending { get; private set; } = [];
    public IReadOnlySet<Role> Assignable { get; private set; } = new HashSet<Role>();

    public async Task OnGetAsync()
    {
        Assignable = UserForm.AssignableBy(await current.RequireAsync()).ToHashSet();
        Pending = await users.PendingRoleChangesAsync(await current.ProcessAsync());
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve)
    {
        var actor = await current.RequireAsync();
        var request = (await users.PendingRoleChangesAsync(await current.ProcessAsync())).SingleOrDefault(p => p.Id == id);
        if (request is null) return NotFound();
        // Only a system administrator hands out the system administrator role, here as on the edit page.
        if (approve && request.Requested.Except(UserForm.AssignableBy(actor)).Any())
            throw new ForbiddenException(nameof(RoleChangeRequest), id.ToString(), "only a system administrator gives that role");
        return await users.DecideRoleChangeAsync(new DecideRoleChangeOptions(id, approve), await current.ProcessAsync(approve ? "approve a role change" : "refuse a role change"))
            ? Redirect("/admin/users/role-changes")
            : NotFound();
    }
}
