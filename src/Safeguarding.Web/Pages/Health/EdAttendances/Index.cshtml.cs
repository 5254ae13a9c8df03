using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.EdAttendances;

/// <summary>The ED safeguarding team's own trust's attendances, newest first, paged, filtered by arrival day (London); each row listed is audited by the service.</summary>
public sealed class IndexModel(CurrentActor current, Core.Health.EmergencyDepartment.EdAttendances attendances) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Paged<EdAttendanceRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var from = Day(nameof(From), From, "from");
        var to = Day(nameof(To), To, "to");
        if (from > to) ModelState.AddModelError(nameof(To), "The last day must be on or after the first day");
        List = await attendances.ListAsync(new EdAttendanceListOptions(WorkQueues.PageFrom(Request), ModelState.IsValid ? from : null, ModelState.IsValid ? to : null),
            await current.ProcessAsync("emergency department attendances"));
        Pagination = WorkQueues.Pagination(Request, List);
    }

    private LocalDate? Day(string field, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success) return parsed.Value;
        ModelState.AddModelError(field, $"Enter the {what} date as a real date, like 2026-10-25");
        return null;
    }

    public static string Mechanism(InjuryMechanism mechanism) => mechanism switch
    {
        InjuryMechanism.KnifeOrSharpObject => "Knife or sharp object",
        InjuryMechanism.Firearm => "Firearm",
        InjuryMechanism.Other => "Other",
        _ => "No injury recorded",
    };
}
