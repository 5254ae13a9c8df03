using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// One booked C(E)TR: its panel (the independent clinical expert, the expert by experience, the family, education,
/// health and care, by name), recording it as held with who came, and its recommendations (an owning agency, a due
/// date) and their completion. For the unit and the lead practitioner only, on GET as on POST; each form saves whole or not at all.
/// </summary>
public sealed class CetrRecordModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "cetr")] public Guid CetrId { get; set; }

    [BindProperty] public string? PanelRole { get; set; }
    [BindProperty] public string? PanelName { get; set; }
    [BindProperty] public string? PanelEmail { get; set; }
    [BindProperty] public List<Guid> Attended { get; set; } = [];
    [BindProperty] public Guid? OwnerAgency { get; set; }
    [BindProperty] public string? Recommendation { get; set; }
    [BindProperty] public DateParts RecommendationDue { get; set; } = new();
    [BindProperty] public Guid? ActionId { get; set; }

    public EntryCetrsView Record { get; private set; } = null!;
    public CetrView Cetr { get; private set; } = null!;

    /// <summary>The seats a booker adds (the booker is the chair).</summary>
    public static IReadOnlyList<PanelRole> Seats { get; } = [.. Enum.GetValues<PanelRole>().Where(r => r != Core.Meetings.PanelRole.Chair)];

    public IActionResult OnGet()
    {
        Load();
        return Cetr.Booked is null ? Redirect($"/support-register/{Record.EntryId}/cetrs/book?kind={Cetr.Kind}") : Page();
    }

    public async Task<IActionResult> OnPostPanelAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        var role = Enum.TryParse<PanelRole>(PanelRole, out var r) && Seats.Contains(r) ? r : (PanelRole?)null;
        if (role is null) ModelState.AddModelError(nameof(PanelRole), "Choose the panel seat");
        if (string.IsNullOrWhiteSpace(PanelName)) ModelState.AddModelError(nameof(PanelName), "Enter the name");
        else if (PanelName.Trim().Length > 150) ModelState.AddModelError(nameof(PanelName), "The name must be 150 characters or fewer");
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(nameof(PanelName), async () =>
            await cetrs.AddPanelMemberAsync(new PanelMemberOptions(CetrId, role!.Value, PanelName!, PanelEmail), await current.ProcessAsync("add to a C(E)TR panel")));
    }

    public async Task<IActionResult> OnPostHeldAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        return await SaveAsync(nameof(Attended), async () =>
            await cetrs.RecordHeldAsync(new CetrHeldOptions(CetrId, Attended), await current.ProcessAsync("record a C(E)TR as held")));
    }

    public async Task<IActionResult> OnPostRecommendationAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        var due = RecommendationDue.ToDate();
        if (string.IsNullOrWhiteSpace(Recommendation)) ModelState.AddModelError(nameof(Recommendation), "Say what is recommended");
        if (OwnerAgency is null) ModelState.AddModelError(nameof(OwnerAgency), "Choose the agency that owns the recommendation");
        if (due is null)
            ModelState.AddModelError(nameof(RecommendationDue), RecommendationDue.IsEmpty ? "Enter the date it is due by" : "Enter a real date, like 27 3 2027");
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(nameof(Recommendation), async () =>
            await cetrs.AddRecommendationAsync(new RecommendationOptions(CetrId, OwnerAgency!.Value, Recommendation!, due!.Value), await current.ProcessAsync("add a C(E)TR recommendation")));
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id)
    {
        Load();
        ModelState.Clear();
        if (ActionId is not { } action || Cetr.Recommendations.All(a => a.ActionId != action)) return NotFound();
        return await SaveAsync(nameof(Recommendation), async () =>
            await cetrs.CompleteRecommendationAsync(new CompleteRecommendationOptions(CetrId, action), await current.ProcessAsync("complete a C(E)TR recommendation")));
    }

    private void Load()
    {
        Record = CetrForms.Record(HttpContext);
        Cetr = CetrForms.Cetr(Record, CetrId);
    }

    private async Task<IActionResult> SaveAsync(string field, Func<Task> save)
    {
        try
        {
            await save();
            return Redirect($"/support-register/{Record.EntryId}/cetr?cetr={CetrId}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(field, CetrForms.Message(e));
            return Page();
        }
    }
}
