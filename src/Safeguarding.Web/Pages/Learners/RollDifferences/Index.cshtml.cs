using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.RollDifferences;

/// <summary>
/// A setting's roll differences: pupils on its roll who named another setting (or none) on a day, by its own id for the
/// pupil, to reconcile its roll. Where and why they said it is never shown.
/// </summary>
public sealed class IndexModel(CurrentActor current, EducationSignpostings signposting) : PageModel
{
    public Paged<RollDifferenceRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        List = await signposting.RollDifferencesAsync(new RollDifferencesOptions(WorkQueues.PageFrom(Request)), await current.ProcessAsync("roll differences"));
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
