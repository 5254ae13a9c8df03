using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.MaracReferral;

/// <summary>
/// Referring to MARAC, for any agency with the grant: find the victim in the person index (only people the referrer
/// may open are found; the names are posted, never put in the address), then refer them.
/// </summary>
public sealed class IndexModel(CurrentActor current, PersonIndex index) : PageModel
{
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    /// <summary>Set after a referral is made, to confirm it at the top of the page.</summary>
    [BindProperty(SupportsGet = true)] public bool Referred { get; set; }

    public PersonSearchResults? Results { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName))
        {
            ModelState.AddModelError(nameof(GivenName), "Enter the victim's given name or family name");
            return Page();
        }
        Results = await index.SearchAsync(new PersonSearchOptions(GivenName?.Trim(), FamilyName?.Trim()), await current.ProcessAsync());
        return Page();
    }
}
