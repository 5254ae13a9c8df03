using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>A sub-group chair's own sections of the reports not yet published: what they are asked to write, and nothing else of the report.</summary>
public sealed class SectionsModel(CurrentActor current, YearlyReports reports) : PageModel
{
    public IReadOnlyList<ChairSection> Sections { get; private set; } = [];

    public async Task OnGetAsync() =>
        Sections = await reports.ChairSectionsAsync(await current.ProcessAsync("your yearly report sections"));
}
