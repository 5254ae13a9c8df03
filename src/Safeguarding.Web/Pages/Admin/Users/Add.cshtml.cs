using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

[RequirePermission(Resource.User, Operation.Create)]
[RequireRecentSignIn]
public sealed class AddModel(CurrentActor current, SafeguardingDbContext db, UserAdministration users) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? PhoneNumber { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public List<Role> Roles { get; set; } = [];
    [BindProperty] public string? OidcIssuer { get; set; }
    [BindProperty] public string? OidcSubject { get; set; }

    public List<Organisation> Organisations { get; private set; } = [];
    public List<Role> Assignable { get; private set; } = [];
    /// <summary>Shown once, on the page that answers the POST; never stored or sent by email.</summary>
    public string? InitialPassword { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await current.RequireAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        await LoadAsync(actor);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(DisplayName)) ModelState.AddModelError(nameof(DisplayName), "Enter the person's full name");
        if (string.IsNullOrWhiteSpace(Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email))
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
        else if (await users.EmailInUseAsync(Email))
            ModelState.AddModelError(nameof(Email), "A user with this email address already exists");
        UserForm.ValidatePhoneNumber(ModelState, PhoneNumber);
        if (OrganisationId is null || Organisations.All(o => o.Id != OrganisationId))
            ModelState.AddModelError(nameof(OrganisationId), "Select the organisation the person works for");
        UserForm.ValidateRoles(ModelState, actor, Roles);
        if (string.IsNullOrWhiteSpace(OidcIssuer) != string.IsNullOrWhiteSpace(OidcSubject))
            ModelState.AddModelError(nameof(OidcSubject), "Enter both the identity provider's issuer and the person's subject, or neither");
        if (!ModelState.IsValid) return Page();

        var added = await users.AddAsync(new AddUserOptions(DisplayName!, Email!, OrganisationId!.Value, Roles,
            string.IsNullOrWhiteSpace(OidcIssuer) ? null : OidcIssuer, OidcSubject, PhoneNumber), await current.ProcessAsync());
        if (added.User is null)
        {
            foreach (var e in added.Errors) ModelState.AddModelError(nameof(Email), e);
            return Page();
        }
        InitialPassword = added.InitialPassword;
        return Page();
    }

    private async Task LoadAsync(Actor actor)
    {
        var partnership = actor.PartnershipId;
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership).OrderBy(o => o.Name).ToListAsync();
        Assignable = UserForm.AssignableBy(actor).ToList();
    }
}
