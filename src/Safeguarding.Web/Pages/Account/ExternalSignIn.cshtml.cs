using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Account;

/// <summary>OpenID Connect sign-in: only accounts an administrator linked to issuer and subject get in.</summary>
public sealed class ExternalSignInModel(SignInManager<User> signInManager, SafeguardingDbContext db) : PageModel
{
    private const string NoAccount = "There is no Safeguarding Hub account for you yet. Ask your organisation's administrator to set one up.";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostAsync(string scheme)
    {
        var schemes = await signInManager.GetExternalAuthenticationSchemesAsync();
        if (!schemes.Any(s => s.Name == scheme)) return NotFound();
        var properties = signInManager.ConfigureExternalAuthenticationProperties(scheme, Url.Page("/Account/ExternalSignIn", "Callback"));
        return Challenge(properties, scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var info = await signInManager.GetExternalLoginInfoAsync();
        var key = info is null ? null : ExternalIdentity.KeyOf(info.Principal);
        if (info is null || key is null)
        {
            Problem = "Your organisation's sign-in did not say who you are. Try again.";
            return Page();
        }
        db.Process = SignInAudit.Process(HttpContext);
        // Identity itself does not know our "disabled": an account an administrator switched off stays out, however
        // its organisation's provider vouches for the person.
        if (await signInManager.UserManager.FindByLoginAsync(key.Value.Issuer, key.Value.Subject) is { IsDisabled: true } disabled)
        {
            await SignInAudit.RecordAsync(db, HttpContext, disabled, AuditOutcome.Denied, "organisation sign-in: account disabled");
            Problem = NoAccount;
            return Page();
        }
        var result = await signInManager.ExternalLoginSignInAsync(key.Value.Issuer, key.Value.Subject, isPersistent: false,
            bypassTwoFactor: ExternalIdentity.ProviderUsedMfa(info.Principal));
        if (await signInManager.UserManager.FindByLoginAsync(key.Value.Issuer, key.Value.Subject) is { } user)
            await SignInAudit.RecordAsync(db, HttpContext, user, result.Succeeded || result.RequiresTwoFactor ? AuditOutcome.Allowed : AuditOutcome.Denied,
                $"organisation sign-in{(result.RequiresTwoFactor ? ", authenticator code next" : "")}");
        if (result.Succeeded) return LocalRedirect("/");
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInCode");
        Problem = result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes."
            : NoAccount;
        return Page();
    }
}
