using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.Ward;

/// <summary>
/// The ED safeguarding nurse's list of young people's self-assessments, their own trust's: answers to respond to (urgent
/// and most concerning first), those still on the tablet, and those answered. Paged; the names listed are audited.
/// </summary>
public sealed class IndexModel(CurrentActor current, Core.Health.SelfAssessment.SelfAssessments assessments) : PageModel
{
    public SelfAssessmentList List { get; private set; }
    public Paged<SelfAssessmentRow> Rows { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync(string? list)
    {
        List = list switch { "tablet" => SelfAssessmentList.OnTheTablet, "answered" => SelfAssessmentList.Answered, _ => SelfAssessmentList.ToRespond };
        Rows = await assessments.ListAsync(new SelfAssessmentListOptions(List, WorkQueues.PageFrom(Request)), await current.ProcessAsync("self-assessments list"));
        Pagination = WorkQueues.Pagination(Request, Rows);
    }
}
