using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Pages.Account;

/// <summary>
/// Signing out is a POST with an antiforgery token, so an image or link on another site cannot sign someone out.
/// A GET only shows the page: "you have signed out", or a button to do it.
/// </summary>
public sealed class SignOutModel(SignInManager<User> signInManager) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return RedirectToPage();
    }
}
