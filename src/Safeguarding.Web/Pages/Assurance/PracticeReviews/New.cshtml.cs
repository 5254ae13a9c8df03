using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.PracticeReviews;

/// <summary>Starts a review from the day the council became aware; the child is found by NHS number (posted, never in a URL).</summary>
public sealed class NewModel(CurrentActor current, Core.Assurance.PracticeReviews.PracticeReviews reviews) : PageModel
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? NhsNumber { get; set; }
    [BindProperty] public DateParts AwareOn { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Reference)) ModelState.AddModelError(nameof(Reference), "Enter the review's reference");
        if (string.IsNullOrWhiteSpace(NhsNumber)) ModelState.AddModelError(nameof(NhsNumber), "Enter the child's NHS number");
        var aware = AssuranceReviewPages.Date(ModelState, nameof(AwareOn), AwareOn, "the day the council became aware");
        if (!ModelState.IsValid) return Page();
        var process = await current.ProcessAsync("record a serious incident");
        try
        {
            var child = await reviews.ChildByNhsNumberAsync(NhsNumber!, process);
            if (child is null)
            {
                ModelState.AddModelError(nameof(NhsNumber), "No child in the person index has that NHS number");
                return Page();
            }
            var id = await reviews.StartAsync(new StartReviewOptions(child.Value, Reference!, aware!.Value), process);
            return Redirect($"/assurance/practice-reviews/{id}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Reference), AssuranceReviewPages.Message(e));
            return Page();
        }
    }
}
