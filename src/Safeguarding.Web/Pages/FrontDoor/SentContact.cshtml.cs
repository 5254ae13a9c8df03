using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>One contact as its referrer sees it: what they sent and the outcome in words fit for them (never the reason or the factors).</summary>
public sealed class SentContactModel : PageModel
{
    public ReferrerView View { get; private set; } = null!;

    public void OnGet() => View = HttpContext.Loaded<ReferrerView>();
}
