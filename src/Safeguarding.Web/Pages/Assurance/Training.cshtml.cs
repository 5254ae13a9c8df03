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
    /// <summary>Whether the reader keeps the training records (a link to their page).</summary>
    public bool MayKeep { get; private set; }

    public async Task OnGetAsync()
    {
        Year = AssurancePages.YearFrom(Request, clock);
        var process = await current.ProcessAsync("training figures");
        Report = await figures.ForPeriodAsync(new TrainingPeriodOptions(new LocalDate(Year, 4, 1), new LocalDate(Year + 1, 3, 31)), process);
        MayKeep = process.RequireActor().Grants.Any(g => g is { Resource: Core.Platform.Access.Resource.TrainingRecord, Operation: Core.Platform.Access.Operation.Update });
    }
}
