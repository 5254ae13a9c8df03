using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Changes the rating with why and the evidence: a new row of the timeline, never an edit. Red makes the C(E)TR referral
/// due. The form only for one who may update the entry, on GET as on POST; nothing is saved unless the whole answer is good.
/// </summary>
public sealed class RatingModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        return Entry.Status == SupportRegisterStatus.OnRegister ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        var rating = Enum.TryParse<SupportRatingLevel>(Rating, out var r) && Enum.IsDefined(r) ? r : (SupportRatingLevel?)null;
        foreach (var (field, message) in SupportRegisterEntries.RatingProblems(rating, Why, Evidence)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.RateAsync(new RateEntryOptions(id, rating!.Value, Why!, Evidence!), await current.ProcessAsync("rate a Dynamic Support Register entry"));
            return Redirect($"/support-register/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Rating), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
