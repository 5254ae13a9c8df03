using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

/// <summary>
/// An administrator changes someone's roles. Granting roles asks for a recent sign-in; a change to one's own roles is only
/// a request, which another administrator decides (Admin/Users/RoleChanges).
/// </summary>
[RequireRecentSignIn]
public sealed class EditModel(CurrentActor current, UserAdministration users) : PageModel
{
    [BindProperty] public List<Role> Roles { get; set; } = [];
    [BindProperty] public bool Disabled { get; set; }
    [BindProperty] public string? PhoneNumber { get; set; }

    public User? Person { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public List<Role> Assignable { get; private set; } = [];
    public bool CanUpdate { get; private set; }
    /// <summary>Set when the administrator asked for a change to their own roles.</summary>
    public bool Requested { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await ShowAsync(await users.OpenAsync(id, await current.ProcessAsync()))) return NotFound();
        Roles = Person!.Roles.Select(r => r.Role).ToList();
        Disabled = Person.IsDisabled;
        PhoneNumber = Person.PhoneNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        if (!await ShowAsync(await users.FindAsync(id, await current.ProcessAsync()))) return NotFound();
        ModelState.Clear();
        UserForm.ValidateRoles(ModelState, actor, Roles);
        UserForm.ValidatePhoneNumber(ModelState, PhoneNumber);
        // Nobody locks themselves out of administration by accident.
        if (id == actor.UserId && (Disabled || !Roles.Any(r => r is Role.SystemAdministrator or Role.PartnershipAdministrator)))
            ModelState.AddModelError("Roles", "You cannot remove your own administration role or disable your own account");
        // Someone who may not change users is refused whatever the form says: the service throws.
        if (!ModelState.IsValid && CanUpdate) return Page();

        if (id == actor.UserId && !Person!.Roles.Select(r => r.Role).ToHashSet().SetEquals(Roles))
        {
            await users.RequestOwnRolesAsync(new RequestOwnRolesOptions(Roles), await current.ProcessAsync("request a change to own roles"));
            Requested = true;
            return Page();
        }
        // The form always carries the number: an empty field is the administrator removing it.
        await users.ChangeAsync(new ChangeUserOptions(id, Roles, Disabled, new PhoneNumberChange(PhoneNumber)), await current.ProcessAsync());
        return Redirect("/admin/users");
    }

    private async Task<bool> ShowAsync(UserToEdit? found)
    {
        if (found is null) return false;
        var actor = await current.RequireAsync();
        (Person, OrganisationName) = (found.User, found.OrganisationName);
        Assignable = UserForm.AssignableBy(actor).ToList();
        CanUpdate = AccessPolicy.Decide(actor, Resource.User, Operation.Update).Allowed;
        return true;
    }
}
