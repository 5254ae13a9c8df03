using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>Training and campaign figures for a reporting year (April to March) beside the year before: places offered, taken by agency, attendance, evaluations, reach.</summary>
public sealed class TrainingModel(CurrentActor current, TrainingFigures figures, IClock clock) : PageModel
{
    public int Year { get; private set; }
    public TrainingFiguresReport Report { get; private set; } = null!;

    public string YearName => PartnershipPlan.YearName(Year);

    public async Task OnGetAsync()
    {
        Year = AssurancePages.YearFrom(Request, clock);
        Report = await figures.ForPeriodAsync(new TrainingPeriodOptions(new LocalDate(Year, 4, 1), new LocalDate(Year + 1, 3, 31)),
            await current.ProcessAsync("training figures"));
    }
}
