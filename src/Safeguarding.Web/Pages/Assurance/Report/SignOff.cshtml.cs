using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// A lead partner signs an edition off for their organisation (Review on the report). Who may not sign it now (another
/// partner's second user, an organisation that is not a partner, an edition replaced or already published) is told why
/// on GET; the service refuses their POST.
/// </summary>
public sealed class SignOffModel(CurrentActor current, YearlyReports reports) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public void OnGet() => Edition = HttpContext.Loaded<EditionView>();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Edition = HttpContext.Loaded<EditionView>();
        await reports.SignOffAsync(Edition.Id, await current.ProcessAsync("sign off the yearly report"));
        return Redirect($"/assurance/report/editions/{Edition.Id}");
    }
}
