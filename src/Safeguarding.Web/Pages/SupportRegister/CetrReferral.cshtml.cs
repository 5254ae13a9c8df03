using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The C(E)TR referral for a red entry: why now, what has been tried, the family's view. It goes to the unit's queue and
/// the referral clock stops. For the unit and the lead practitioner only (a school reading the entry is refused on GET
/// as on POST); nothing is saved unless the whole answer is good.
/// </summary>
public sealed class CetrReferralModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    [BindProperty] public string? WhyNow { get; set; }
    [BindProperty] public string? WhatTried { get; set; }
    [BindProperty] public string? FamilyView { get; set; }

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = CetrPages.Updatable(HttpContext);
        return Entry.Rating == SupportRatingLevel.Red ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = CetrPages.Updatable(HttpContext);
        foreach (var (field, message) in Cetrs.ReferralProblems(WhyNow, WhatTried, FamilyView)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await cetrs.ReferAsync(new CetrReferralOptions(id, WhyNow!, WhatTried!, FamilyView!), await current.ProcessAsync("make a C(E)TR referral"));
            return Redirect($"/support-register/{id}/cetrs");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(WhyNow), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
