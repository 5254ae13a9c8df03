using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<User> signInManager) : PageModel
{
    public async Task OnGetAsync() => await signInManager.SignOutAsync();
}
