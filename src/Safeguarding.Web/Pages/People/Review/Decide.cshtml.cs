using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Linkage.Model;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>
/// The two records side by side with each field's evidence and weight, and the practitioner's decision. The
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
