using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>An entry's C(E)TR referrals, C(E)TRs (panel, recommendations) and admissions: the unit's and the lead practitioner's only.</summary>
public sealed class EntryCetrsModel : PageModel
{
    public EntryCetrsView View { get; private set; } = null!;

    public void OnGet() => View = HttpContext.Loaded<EntryCetrsView>();
}
