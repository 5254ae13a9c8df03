using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Account;

/// <summary>
/// Set up an authenticator app (TOTP). Required before anything else outside demo mode, and only with the single-use
/// link emailed to the person (<see cref="AuthenticatorEnrolment"/>): the first password alone is not enough.
/// </summary>
[Authorize]
public sealed class MfaSetupModel(UserManager<User> users, SignInManager<User> signInManager, SafeguardingDbContext db, CurrentActor current,
    AuthenticatorEnrolment enrolment) : PageModel
{
    /// <summary>From the emailed link; posted back with the code.</summary>
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>No valid link: the page says to use the email, and shows no key.</summary>
    public bool NeedsLink { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    public string? SharedKey { get; private set; }
    public string? QrSvg { get; private set; }
    public bool AlreadySetUp { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        AlreadySetUp = user.TwoFactorEnabled;
        NeedsLink = !AlreadySetUp && !await enrolment.IsValidAsync(user.Id, Token);
        if (!AlreadySetUp && !NeedsLink) await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        if (user.TwoFactorEnabled) return RedirectToPage("/Index");
        if (!await enrolment.IsValidAsync(user.Id, Token))
        {
            NeedsLink = true;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        var code = Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        db.Process = await current.ProcessAsync("set up multi-factor authentication");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check the time on your phone and enter the code it shows now");
            await LoadKeyAsync(user);
            return Page();
        }
        // Used up now: of two requests racing with the same link, only one turns the authenticator on.
        if (!await enrolment.UseAsync(user.Id, Token))
        {
            NeedsLink = true;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return RedirectToPage("/Index");
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            db.Process = await current.ProcessAsync("create authenticator key");
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Safeguarding Hub")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Safeguarding Hub")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
