using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Returns;

/// <summary>The sub-group's requests with how many agencies answered and are overdue; an agency's own returns and challenges waiting.</summary>
public sealed class IndexModel(CurrentActor current, AssuranceReturns returns) : PageModel
{
    public ReturnsList List { get; private set; } = null!;
    public bool MayAsk { get; private set; }
    public Pagination RequestPages { get; private set; } = null!;
    public Pagination OwnPages { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("assurance returns");
        List = await returns.ListAsync(new ReturnsListOptions(WorkQueues.PageFrom(Request), WorkQueues.PageFrom(Request, "own")), process);
        (RequestPages, OwnPages) = (WorkQueues.Pagination(Request, List.Requests), WorkQueues.Pagination(Request, List.OwnReturns, "own"));
        MayAsk = process.RequireActor().HasAny(Core.Platform.Access.Resource.AssuranceReturn, Core.Platform.Access.Operation.Create);
    }
}
