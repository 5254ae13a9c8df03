using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>
/// The two records side by side with how each detail compares, in words, and the practitioner's decision. The
/// possible match is opened (and both people's reads audited) by <see cref="MatchToDecideFilter"/>.
/// </summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class DecideModel(CurrentActor current, PersonIndex index) : PageModel
{
    [BindProperty] public ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public MatchReview? Review { get; private set; }
    public SourceRecord? Record { get; private set; }
    public string RecordOrganisation { get; private set; } = "";
    public Person? Candidate { get; private set; }
    public IReadOnlyList<(SourceRecord Record, string Organisation)> CandidateRecords { get; private set; } = [];
    public IReadOnlyList<FieldEvidence> Evidence { get; private set; } = [];

    public void OnGet() => Show();

    /// <summary>The new record's value and the person's, for the details both sides show on this page.</summary>
    public (string? Left, string? Right) Values(LinkageField field) => field switch
    {
        LinkageField.GivenName => (Record?.GivenName, Candidate?.GivenName),
        LinkageField.FamilyName => (Record?.FamilyName, Candidate?.FamilyName),
        LinkageField.DateOfBirth => (AsWritten(Record?.DateOfBirth), Display.Date(Candidate?.DateOfBirth)),
        _ => (null, null),
    };

    // An agency's date of birth is kept as written (00 for an unknown part): shown as a date when it is one.
    private static string? AsWritten(string? dateOfBirth) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(dateOfBirth ?? "") is { Success: true } parsed ? Display.Date(parsed.Value) : dateOfBirth;

    public async Task<IActionResult> OnPostAsync()
    {
        Show();
        if (Review!.Decision is ReviewDecision.SamePerson or ReviewDecision.DifferentPeople) return Redirect("/people/review");
        if (Decision is null) ModelState.AddModelError(nameof(Decision), "Select whether these are the same person");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why, for example what the agency confirmed");
        else if (Reason.Length > 2000) ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        await index.DecideAsync(new DecideMatchOptions(Review.Id, Decision!.Value, Reason!.Trim()), await current.ProcessAsync("match review"));
        return Redirect("/people/review");
    }

    private void Show()
    {
        var match = HttpContext.Loaded<MatchToDecide>();
        (Review, Record, RecordOrganisation, Candidate, CandidateRecords, Evidence) =
            (match.Review, match.Record, match.RecordOrganisation, match.Candidate, match.CandidateRecords, match.Evidence);
    }
}
