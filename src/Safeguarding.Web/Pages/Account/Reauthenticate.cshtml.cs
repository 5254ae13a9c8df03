using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Account;

/// <summary>
/// Confirms it is still the same person before a sensitive action (ASVS 3.7.1). It counts towards the same lockout as
/// signing in (a locked account is refused whatever it enters), and every attempt is audited.
/// </summary>
[Authorize]
public sealed class ReauthenticateModel(UserManager<User> users, SafeguardingDbContext db, CurrentActor current, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool NeedsCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        NeedsCode = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        NeedsCode = user.TwoFactorEnabled;
        if (NeedsCode && string.IsNullOrWhiteSpace(Code))
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        if (!ModelState.IsValid) return Page();

        db.Process = await current.ProcessAsync("confirm identity");
        if (await users.IsLockedOutAsync(user))
        {
            await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Denied, "re-authentication: locked out");
            ModelState.AddModelError(nameof(Password), "This account is locked after too many attempts. Try again in 15 minutes");
            return Page();
        }
        var passwordOk = await users.CheckPasswordAsync(user, Password!);
        var codeOk = !NeedsCode || await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code!.Replace(" ", "", StringComparison.Ordinal));
        if (!passwordOk || !codeOk)
        {
            await users.AccessFailedAsync(user);
            var lockedOut = await users.IsLockedOutAsync(user);
            await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Denied,
                $"re-authentication: {(passwordOk ? "wrong authenticator code" : "wrong password")}{(lockedOut ? ", now locked out" : "")}");
            ModelState.AddModelError(nameof(Password), lockedOut
                ? "This account is locked after too many attempts. Try again in 15 minutes"
                : "Enter your correct password and the code your app shows now");
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Allowed, "re-authentication");

        var auth = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (auth.Principal is null || auth.Properties is null) return RedirectToPage("/Account/SignIn");
        auth.Properties.Items[SessionRules.ReauthenticatedAtItem] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, auth.Principal, auth.Properties);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }
}
