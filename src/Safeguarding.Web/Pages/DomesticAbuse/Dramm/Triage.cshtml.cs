using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dramm;

[RequirePermission(Resource.MaracReferral, Operation.Update)]
public sealed class TriageModel(CurrentActor current, DrammList dramm, SafeguardingDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Incident { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Assessment { get; set; }
    /// <summary>The list's day being worked, to return to once decided (a date, nothing personal, in the address).</summary>
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty] public List<string> Decisions { get; set; } = [];
    [BindProperty] public string? NoFurtherActionReason { get; set; }
    [BindProperty] public string? ProfessionalJudgementReason { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public Guid? MeasureOrganisation { get; set; }
    [BindProperty] public string? ReviewDate { get; set; }

    public List<Organisation> Organisations { get; private set; } = [];
    /// <summary>The case being decided, shown above the decision.</summary>
    public TriageCase Case { get; private set; } = null!;

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        LocalDate? review = null;
        if (Decisions.Count == 0) ModelState.AddModelError(nameof(Decisions), "Select at least one decision");
        if (Decisions.Contains("nfa") && Decisions.Count > 1) ModelState.AddModelError(nameof(Decisions), "No further action cannot be chosen with another decision");
        if (Decisions.Contains("nfa") && string.IsNullOrWhiteSpace(NoFurtherActionReason)) ModelState.AddModelError(nameof(NoFurtherActionReason), "Say why no further action is needed");
        var judgement = Decisions.Contains("professional-judgement");
        if (judgement && string.IsNullOrWhiteSpace(ProfessionalJudgementReason))
            ModelState.AddModelError(nameof(ProfessionalJudgementReason), "Say why professional judgement refers this case to MARAC");
        if (Decisions.Contains("marac") && !judgement && Case.Criteria is { Any: false })
            ModelState.AddModelError(nameof(Decisions), "No MARAC criterion holds for this case: to refer it, choose professional judgement and say why");
        if (Decisions.Contains("safety-plan"))
        {
            if (string.IsNullOrWhiteSpace(Measure)) ModelState.AddModelError(nameof(Measure), "Describe the first safety measure");
            if (MeasureOrganisation is null || Organisations.All(o => o.Id != MeasureOrganisation)) ModelState.AddModelError(nameof(MeasureOrganisation), "Select who does it");
            if (LocalDatePattern.Iso.Parse(ReviewDate ?? "") is { Success: true } d && d.Value > Households.LondonDate(db.Clock.GetCurrentInstant())) review = d.Value;
            else ModelState.AddModelError(nameof(ReviewDate), "Enter a review date in the future, in the form 2026-12-01");
        }
        if (!ModelState.IsValid) return Page();

        var options = new TriageOptions(Incident, Assessment ?? Case.Dash?.Id, null,
            Decisions.Contains("safety-plan"), Decisions.Contains("marac") || judgement, Decisions.Contains("idva"), Decisions.Contains("social-work"),
            Decisions.Contains("children-at-risk"), Decisions.Contains("nfa"), NoFurtherActionReason,
            review is { } r ? new SafetyPlanOptions([new SafetyMeasureOptions(Measure!, MeasureOrganisation!.Value)], r) : null,
            ProfessionalJudgement: judgement, ProfessionalJudgementReason: judgement ? ProfessionalJudgementReason : null);
        try
        {
            var decision = await dramm.TriageAsync(options, await current.ProcessAsync());
            return Redirect(IndexModel.ReturnTo(Request.Query["back"], ListUrl(decision.DecidedOn)));
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Decisions), e.Message);
            return Page();
        }
    }

    /// <summary>The list of the day being worked, else of the given day, else today's.</summary>
    public string ListUrl(LocalDate? otherwise = null) =>
        (LocalDatePattern.Iso.Parse(Day ?? "") is { Success: true } d ? d.Value : otherwise) is { } day ? $"/domestic-abuse/dramm?day={day:yyyy-MM-dd}" : "/domestic-abuse/dramm";

    private async Task<IActionResult?> LoadAsync()
    {
        if (Incident is null && Assessment is null) return NotFound();
        var actor = await current.RequireAsync();
        Case = HttpContext.Loaded<TriageCase>();
        Organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == actor.PartnershipId && o.Type != OrganisationType.School && o.Type != OrganisationType.College && o.Type != OrganisationType.GpPractice)
            .OrderBy(o => o.Name).ToListAsync();
        return null;
    }
}
