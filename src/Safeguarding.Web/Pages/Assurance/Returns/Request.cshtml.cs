using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Returns;

/// <summary>A request's summary for the sub-group: answered and overdue, and each agency's grades (its own and the sub-group's) with open challenges.</summary>
public sealed class RequestModel : PageModel
{
    public RequestSummary Summary { get; private set; } = null!;

    public void OnGet() => Summary = HttpContext.Loaded<RequestSummary>();
}
