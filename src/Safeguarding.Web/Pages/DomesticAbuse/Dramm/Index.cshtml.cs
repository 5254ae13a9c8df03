using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dramm;

/// <summary>The day's DRAMM list: incidents and referrals since the previous working day's list.</summary>
public sealed class IndexModel(CurrentActor current, DrammList dramm, SafeguardingDbContext db) : PageModel
{
    public DrammWindow Window => List.Window;
    public List<DrammCase> Cases => List.Cases;
    public DrammDay List { get; private set; } = null!;
    public Dictionary<Guid, string> ChildNames { get; private set; } = [];
    public LocalDate Day { get; private set; }
    public LocalDate Previous { get; private set; }
    public LocalDate Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? day)
    {
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        Day = day is not null && LocalDatePattern.Iso.Parse(day) is { Success: true } parsed ? parsed.Value : today;
        if (!DrammList.IsDrammDay(Day)) Day = Core.Meetings.MeetingCadence.NextWorkingDay(Day);
        Previous = Core.Meetings.MeetingCadence.PreviousWorkingDay(Day);
        Next = Core.Meetings.MeetingCadence.NextWorkingDay(Day.PlusDays(1));
        // "page" is the page's own route value in Razor Pages: read the query's.
        List = await dramm.ForDayAsync(new DrammDayOptions(Day, WorkQueues.PageFrom(Request).Number), await current.ProcessAsync());
        var ids = Cases.SelectMany(c => c.ChildPersonIds).Distinct().ToList();
        ChildNames = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName);
        return Page();
    }

    /// <summary>The list's address for a page of this day.</summary>
    public string PageUrl(int page) => $"/domestic-abuse/dramm?day={Day:yyyy-MM-dd}" + (page > 1 ? $"&page={page}" : "");

    /// <summary>Where to decide a case, returning to this day.</summary>
    public string TriageUrl(DrammCase c) => $"/domestic-abuse/dramm/triage?incident={c.IncidentId}&assessment={c.RiskAssessmentId}&day={Day:yyyy-MM-dd}";

    public static string Decision(TriageDecision d) => d.NoFurtherAction
        ? $"No further action: {d.NoFurtherActionReason}"
        : string.Join(", ", new[]
        {
            d.SafetyPlanNow ? "safety plan" : null, d.ReferToMarac ? "MARAC referral" : null,
            d.Idva switch { IdvaService.Adult => "IDVA", IdvaService.YoungPeople => "young people's IDVA", _ => null },
            d.ReferToChildrensSocialWork ? "children's social work" : null, d.ChildrenAtRisk ? "children flagged" : null,
        }.Where(x => x is not null));
}
