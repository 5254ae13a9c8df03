using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// Search before create: fuzzy search by name, birth date and postcode, ranked by the linkage model with the
/// reasons for each candidate. A POST, so that search terms never appear in a URL or a log; results only ever
/// include people the user may open; each search is audited without its terms.
/// </summary>
public sealed class IndexModel(CurrentActor current, PersonIndex index) : PageModel
{
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? Postcode { get; set; }

    public IReadOnlyList<SearchCandidate>? Results { get; private set; }
    public bool CanReview { get; private set; }

    public async Task OnGetAsync() => CanReview = CanReviewMatches(await current.RequireAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        CanReview = CanReviewMatches(actor);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName))
            ModelState.AddModelError(nameof(FamilyName), "Enter a family name, a given name or both");
        if (!string.IsNullOrWhiteSpace(DateOfBirth) && !System.Text.RegularExpressions.Regex.IsMatch(DateOfBirth.Trim(), @"^\d{4}-\d{2}-\d{2}$"))
            ModelState.AddModelError(nameof(DateOfBirth), "Enter the date of birth as YYYY-MM-DD, with 00 for an unknown day or month, like 2015-03-00");
        if ((GivenName?.Length ?? 0) > 100 || (FamilyName?.Length ?? 0) > 100 || (Postcode?.Length ?? 0) > 8)
            ModelState.AddModelError(nameof(FamilyName), "Names must be 100 characters or fewer and a postcode 8 or fewer");
        if (!ModelState.IsValid) return Page();

        Results = await index.SearchAsync(new PersonSearchOptions(GivenName, FamilyName, DateOfBirth?.Trim(), Postcode), await current.ProcessAsync());
        return Page();
    }

    public static bool CanReviewMatches(Actor actor) =>
        actor.Grants.Any(g => g.Resource == Resource.Person && g.Operation == Operation.Update && g.Scope == Scope.WholePartnership);
}
