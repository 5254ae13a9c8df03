using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Account;

/// <summary>Confirms it is still the same person before a sensitive action (ASVS 3.7.1).</summary>
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
        var passwordOk = await users.CheckPasswordAsync(user, Password!);
        var codeOk = !NeedsCode || await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code!.Replace(" ", "", StringComparison.Ordinal));
        if (!passwordOk || !codeOk)
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Password), "Enter your correct password and the code your app shows now");
            return Page();
        }

        var auth = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (auth.Principal is null || auth.Properties is null) return RedirectToPage("/Account/SignIn");
        auth.Properties.Items[SessionRules.ReauthenticatedAtItem] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, auth.Principal, auth.Properties);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }
}
