using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// Search before create: fuzzy search by name, birth date and postcode, ranked by the linkage model with the
/// reasons for each candidate in words. A POST, so that search terms never appear in a URL or a log (the next page
/// is a POST too); results only ever include people the user may open; each search is audited without its terms.
/// </summary>
public sealed class IndexModel(CurrentActor current, PersonIndex index, IClock clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public DateParts DateOfBirth { get; set; } = new();
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public int ResultsPage { get; set; } = 1;

    public PersonSearchResults? Results { get; private set; }
    public bool CanReview { get; private set; }

    public async Task OnGetAsync() => CanReview = CanReviewMatches(await current.RequireAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        CanReview = CanReviewMatches(actor);
        ModelState.Clear();
        var dateOfBirth = ReadDateOfBirth();
        if (string.IsNullOrWhiteSpace(FamilyName) && (string.IsNullOrWhiteSpace(GivenName) || dateOfBirth is null))
            ModelState.AddModelError(nameof(FamilyName), "Enter a family name, or a given name and a date of birth");
        if ((GivenName?.Length ?? 0) > 100 || (FamilyName?.Length ?? 0) > 100)
            ModelState.AddModelError(nameof(FamilyName), "Names must be 100 characters or fewer");
        if ((Postcode?.Length ?? 0) > 8)
            ModelState.AddModelError(nameof(Postcode), "Postcode must be 8 characters or fewer");
        if (!ModelState.IsValid) return Page();

        Results = await index.SearchAsync(
            new PersonSearchOptions(GivenName, FamilyName, dateOfBirth, Postcode, Page: ResultsPage, PageSize: PageSize), await current.ProcessAsync());
        ResultsPage = Results.Page;
        return Page();
    }

    /// <summary>
    /// The date of birth as the index keeps it (YYYY-MM-DD, 00 for an unknown day or month), or null when none was
    /// typed. A year alone, or a month and year, is allowed; a whole date must be a real one and not in the future.
    /// </summary>
    private string? ReadDateOfBirth()
    {
        if (DateOfBirth.IsEmpty) return null;
        static int? Part(string? text) => string.IsNullOrWhiteSpace(text) ? 0
            : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var (day, month, year) = (Part(DateOfBirth.Day), Part(DateOfBirth.Month), Part(DateOfBirth.Year));
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        string? Refuse(string message) { ModelState.AddModelError(nameof(DateOfBirth), message); return null; }
        if (day is null || month is null || year is null)
            return Refuse("Date of birth must be a real date, in numbers, like 27 3 2015");
        if (year == 0) return Refuse("Date of birth must include a year");
        if (year is < 1900 || month > 12 || day > 31 || (day > 0 && month == 0))
            return Refuse("Date of birth must be a real date");
        if (day > 0 && DateOfBirth.ToDate() is null) return Refuse("Date of birth must be a real date");
        var earliest = new LocalDate(year.Value, Math.Max(month.Value, 1), Math.Max(day.Value, 1));
        if (earliest > today) return Refuse("Date of birth must be today or in the past");
        return FormattableString.Invariant($"{year:0000}-{month:00}-{day:00}");
    }

    /// <summary>The sentence of why a person was found, with the names as typed and as held where they differ.</summary>
    public string Why(SearchCandidate c) => MatchInWords.Why(c.Evidence, field => field switch
    {
        LinkageField.GivenName => (GivenName?.Trim(), c.Person.GivenName),
        LinkageField.FamilyName => (FamilyName?.Trim(), c.Person.FamilyName),
        _ => (null, null),
    });

    public static bool CanReviewMatches(Actor actor) =>
        actor.Grants.Any(g => g.Resource == Resource.Person && g.Operation == Operation.Update && g.Scope == Scope.WholePartnership);
}
