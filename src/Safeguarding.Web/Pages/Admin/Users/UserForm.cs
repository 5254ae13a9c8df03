using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

/// <summary>Role choices and the phone number check shared by the add and edit pages.</summary>
public static class UserForm
{
    /// <summary>Only a system administrator may hand out the system administrator role.</summary>
    public static IEnumerable<Role> AssignableBy(Actor actor) =>
        RoleCatalogue.All.Where(r => r != Role.SystemAdministrator || actor.Roles.Contains(Role.SystemAdministrator));

    public static void ValidateRoles(ModelStateDictionary state, Actor actor, IReadOnlyCollection<Role> roles)
    {
        if (roles.Count == 0) state.AddModelError("Roles", "Select at least one role");
        else if (roles.Except(AssignableBy(actor)).Any()) state.AddModelError("Roles", "You cannot give one of these roles");
    }

    /// <summary>A work phone number is optional; one given must be a UK number the Front Door can dial.</summary>
    public static void ValidatePhoneNumber(ModelStateDictionary state, string? phoneNumber)
    {
        if (!string.IsNullOrWhiteSpace(phoneNumber) && Core.Platform.UkPhoneNumbers.Dial(phoneNumber) is null)
            state.AddModelError("PhoneNumber", Core.Platform.UkPhoneNumbers.Error);
    }
}
