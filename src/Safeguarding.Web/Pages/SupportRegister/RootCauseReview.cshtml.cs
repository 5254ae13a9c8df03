using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The root-cause review of an exception (an admission no community C(E)TR came before): was the child on the register,
/// why no community C(E)TR, what would have prevented it, the learning. For the unit and the lead practitioner only, on
/// GET as on POST; nothing is saved unless the whole answer is good.
/// </summary>
public sealed class RootCauseReviewModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "admission")] public Guid AdmissionId { get; set; }

    [BindProperty] public string? WasOnRegister { get; set; }
    [BindProperty] public string? WhyNoCommunityCetr { get; set; }
    [BindProperty] public string? WhatWouldHavePrevented { get; set; }
    [BindProperty] public string? Learning { get; set; }

    public EntryCetrsView Record { get; private set; } = null!;
    public AdmissionView Admission { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Load();
        if (Admission.RootCauseReview is not { } review) return Redirect($"/support-register/{Record.EntryId}/cetrs");
        WasOnRegister = review.WasOnRegister switch { true => "Yes", false => "No", _ => null };
        (WhyNoCommunityCetr, WhatWouldHavePrevented, Learning) = (review.WhyNoCommunityCetr, review.WhatWouldHavePrevented, review.Learning);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Load();
        bool? onRegister = WasOnRegister switch { "Yes" => true, "No" => false, _ => null };
        if (onRegister is null) ModelState.AddModelError(nameof(WasOnRegister), "Say whether the child was on the register before the admission");
        foreach (var (field, message) in Cetrs.RootCauseReviewProblems(WhyNoCommunityCetr, WhatWouldHavePrevented, Learning)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await cetrs.CompleteRootCauseReviewAsync(new RootCauseReviewOptions(AdmissionId, onRegister!.Value, WhyNoCommunityCetr!, WhatWouldHavePrevented!, Learning!),
                await current.ProcessAsync("answer an admission's root-cause review"));
            return Redirect($"/support-register/{id}/cetrs");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(WasOnRegister), CetrForms.Message(e));
            return Page();
        }
    }

    private void Load()
    {
        Record = CetrForms.Record(HttpContext);
        Admission = CetrForms.Admission(Record, AdmissionId);
    }
}
