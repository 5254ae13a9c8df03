using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Discharge planning (the day planned) and discharge (the day, and the rating the child leaves blue for, with why: red
/// starts the referral clock again) for one admission of the entry. For the unit and the lead practitioner only, on GET
/// as on POST; each form saves whole or not at all.
/// </summary>
public sealed class DischargeModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "admission")] public Guid AdmissionId { get; set; }

    [BindProperty] public DateParts PlannedOn { get; set; } = new();
    [BindProperty] public DateParts DischargedOn { get; set; } = new();
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Why { get; set; }

    public EntryCetrsView Record { get; private set; } = null!;
    public AdmissionView Admission { get; private set; } = null!;

    /// <summary>The ratings a child leaves hospital with: any but blue.</summary>
    public static IReadOnlyList<SupportRatingLevel> Ratings { get; } = [.. Enum.GetValues<SupportRatingLevel>().Where(r => r != SupportRatingLevel.Blue)];

    public IActionResult OnGet()
    {
        Load();
        return Admission.DischargedOn is null ? Page() : Redirect($"/support-register/{Record.EntryId}/cetrs");
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        if (PlannedOn.ToDate() is not { } planned)
        {
            ModelState.AddModelError(nameof(PlannedOn), PlannedOn.IsEmpty ? "Enter the day discharge is planned for" : "Enter a real date, like 27 3 2027");
            return Page();
        }
        return await SaveAsync(nameof(PlannedOn), async () =>
            await cetrs.PlanDischargeAsync(new PlanDischargeOptions(AdmissionId, planned), await current.ProcessAsync("plan a discharge from hospital")));
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        var on = DischargedOn.ToDate();
        var rating = Enum.TryParse<SupportRatingLevel>(Rating, out var r) && Ratings.Contains(r) ? r : (SupportRatingLevel?)null;
        if (on is null) ModelState.AddModelError(nameof(DischargedOn), DischargedOn.IsEmpty ? "Enter the day of discharge" : "Enter a real date, like 27 3 2027");
        if (rating is null) ModelState.AddModelError(nameof(Rating), "Choose the rating the child leaves hospital with");
        if (string.IsNullOrWhiteSpace(Why)) ModelState.AddModelError(nameof(Why), "Say why this rating");
        else if (Why.Trim().Length > 2000) ModelState.AddModelError(nameof(Why), "Why must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(nameof(DischargedOn), async () =>
            await cetrs.DischargeAsync(new DischargeOptions(AdmissionId, on!.Value, rating!.Value, Why!), await current.ProcessAsync("record a discharge from hospital")));
    }

    private void Load()
    {
        Record = CetrForms.Record(HttpContext);
        Admission = CetrForms.Admission(Record, AdmissionId);
    }

    private async Task<IActionResult> SaveAsync(string field, Func<Task> save)
    {
        try
        {
            await save();
            return Redirect($"/support-register/{Record.EntryId}/cetrs");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(field, CetrForms.Message(e));
            return Page();
        }
    }
}
