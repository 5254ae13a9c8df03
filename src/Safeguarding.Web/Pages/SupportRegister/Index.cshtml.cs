using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The Dynamic Support Register as the reader may see it (the whole register for the complex-needs unit; the entries
/// they lead for a lead practitioner; their pupils' or patients' entries under consent for a school or GP practice),
/// filtered by rating or to red entries whose C(E)TR referral is overdue, paged with the true total. Each row is audited.
/// </summary>
public sealed class IndexModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Rating { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public Paged<RegisterRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;
    /// <summary>The complex-needs unit, who keep the whole register: their pages are linked from the list.</summary>
    public bool KeepsRegister { get; private set; }

    public async Task OnGetAsync()
    {
        // An unknown rating in the query filters nothing rather than failing.
        var rating = Enum.TryParse<SupportRatingLevel>(Rating, out var r) && Enum.IsDefined(r) ? r : (SupportRatingLevel?)null;
        Rating = rating?.ToString();
        var process = await current.ProcessAsync("Dynamic Support Register list");
        KeepsRegister = process.RequireActor().Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Update, Scope: Scope.WholePartnership });
        List = await register.ListAsync(new RegisterListOptions(WorkQueues.PageFrom(Request), rating, Overdue), process);
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
