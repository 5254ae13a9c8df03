using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Population;

/// <summary>
/// The partnership administrator or the council's education lead sets the population aged 5 to 16 that the
/// children-missing-education rate is taken over, and names its source (the folder requires AggregateFigures Update).
/// </summary>
public sealed class IndexModel(CurrentActor current, PopulationSetting setting) : PageModel
{
    [BindProperty] public string? Aged5To16 { get; set; }
    [BindProperty] public string? Source { get; set; }

    public LearnerPopulation? Current { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await setting.GetAsync((await current.RequireAsync(ct)).PartnershipId, ct);
        Aged5To16 = Current?.Aged5To16.ToString(CultureInfo.InvariantCulture);
        Source = Current?.Source;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var actor = await current.RequireAsync(ct);
        var text = Aged5To16?.Trim().Replace(",", "", StringComparison.Ordinal) ?? "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            ModelState.AddModelError(nameof(Aged5To16), "Enter the population aged 5 to 16 as a whole number, like 118000");
        if (string.IsNullOrWhiteSpace(Source)) ModelState.AddModelError(nameof(Source), "Enter where the figure comes from, like ONS mid-year estimate 2023");
        else if (Source.Trim().Length > 200) ModelState.AddModelError(nameof(Source), "Source must be 200 characters or fewer");
        if (!ModelState.IsValid)
        {
            Current = await setting.GetAsync(actor.PartnershipId, ct);
            return Page();
        }
        Current = await setting.SetAsync(new SetPopulationOptions(population, Source!), await current.ProcessAsync(ct: ct), ct);
        Saved = true;
        return Page();
    }
}
