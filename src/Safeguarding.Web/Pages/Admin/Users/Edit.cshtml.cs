using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

public sealed class EditModel(CurrentActor current, SafeguardingDbContext db, UserManager<User> users) : PageModel
{
    [BindProperty] public List<Role> Roles { get; set; } = [];
    [BindProperty] public bool Disabled { get; set; }

    public User? Person { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public List<Role> Assignable { get; private set; } = [];
    public bool CanUpdate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        if (!await LoadAsync(actor, id)) return NotFound();
        Roles = Person!.Roles.Select(r => r.Role).ToList();
        Disabled = Person.IsDisabled;
        db.QueueAudit(await current.ProcessAsync(), Safeguarding.Core.Platform.Audit.AuditActions.Read, nameof(User), id.ToString(),
            Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        if (!await LoadAsync(actor, id)) return NotFound();
        if (!CanUpdate)
        {
            throw new ForbiddenException(nameof(User), id.ToString(), "no role grants Update on User");
        }
        ModelState.Clear();
        UserForm.ValidateRoles(ModelState, actor, Roles);
        // Nobody locks themselves out of administration by accident.
        if (id == actor.UserId && (Disabled || !Roles.Any(r => r is Role.SystemAdministrator or Role.PartnershipAdministrator)))
            ModelState.AddModelError("Roles", "You cannot remove your own administration role or disable your own account");
        if (!ModelState.IsValid) return Page();

        db.Process = await current.ProcessAsync();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == id);
        var wanted = Roles.Distinct().ToHashSet();
        user.Roles.RemoveAll(r => !wanted.Contains(r.Role));
        user.Roles.AddRange(wanted.Where(r => user.Roles.All(x => x.Role != r)).Select(r => new UserRole { UserId = id, Role = r }));
        user.IsDisabled = Disabled;
        // A new security stamp ends the person's other sessions, so a removed role stops working at once.
        await users.UpdateSecurityStampAsync(user);
        return Redirect("/admin/users");
    }

    private async Task<bool> LoadAsync(Actor actor, Guid id)
    {
        var partnership = actor.PartnershipId;
        Person = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id && u.PartnershipId == partnership);
        if (Person is null) return false;
        OrganisationName = await db.Organisations.Where(o => o.Id == Person.OrganisationId).Select(o => o.Name).SingleAsync();
        Assignable = UserForm.AssignableBy(actor).ToList();
        CanUpdate = AccessPolicy.Decide(actor, Resource.User, Operation.Update).Allowed;
        return true;
    }
}
