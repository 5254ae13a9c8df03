using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Returns;

/// <summary>The sub-group's requests with how many agencies answered and are overdue; an agency's own returns and challenges waiting.</summary>
public sealed class IndexModel(CurrentActor current, AssuranceReturns returns) : PageModel
{
    public ReturnsList List { get; private set; } = null!;
    public bool MayAsk { get; private set; }

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("assurance returns");
        List = await returns.ListAsync(process);
        MayAsk = process.RequireActor().HasAny(Core.Platform.Access.Resource.AssuranceReturn, Core.Platform.Access.Operation.Create);
    }
}
