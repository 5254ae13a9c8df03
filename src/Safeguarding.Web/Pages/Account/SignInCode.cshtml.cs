using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Pages.Account;

public sealed class SignInCodeModel(SignInManager<User> signInManager, SafeguardingDbContext db, OneTimeAuthenticatorCodes codes) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        if (!ModelState.IsValid) return Page();

        db.Process = SignInAudit.Process(HttpContext);
        var code = Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Allowed, "password and authenticator code");
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        var reused = !result.IsLockedOut && await codes.WasAlreadyUsedAsync(signInManager.UserManager, user, code);
        await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Denied,
            result.IsLockedOut ? "locked out" : reused ? "authenticator code already used" : "wrong authenticator code");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes"
            : reused
                ? "This code has already been used. Wait for your authenticator app to show a new code, then enter that"
                : "The code is not correct. Enter the code your authenticator app shows now");
        return Page();
    }
}
