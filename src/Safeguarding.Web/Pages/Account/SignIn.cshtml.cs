using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Account;

public sealed class SignInModel(SignInManager<User> signInManager, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }

    public async Task OnGetAsync() => ExternalSchemes = (await signInManager.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = (await signInManager.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid) return Page();

        db.Process = SignInAudit.Process(HttpContext);
        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email!);
        var result = user is null || user.IsDisabled
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        if (result.Succeeded)
        {
            await SignInAudit.RecordAsync(db, HttpContext, user!, AuditOutcome.Allowed, "password");
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (user is not null) await SignInAudit.RecordAsync(db, HttpContext, user, AuditOutcome.Denied, result.IsLockedOut ? "locked out" : "wrong password");
        // One message for unknown account and wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "This account is locked after too many attempts. Try again in 15 minutes"
            : "Enter a correct email address and password");
        return Page();
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl : "/";
}
