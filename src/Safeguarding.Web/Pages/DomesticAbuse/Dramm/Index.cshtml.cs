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
    public DrammWindow Window { get; private set; } = null!;
    public List<DrammCase> Cases { get; private set; } = [];
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
        (Window, Cases) = await dramm.ForDayAsync(new DrammDayOptions(Day), await current.ProcessAsync());
        var ids = Cases.SelectMany(c => c.ChildPersonIds).Distinct().ToList();
        ChildNames = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName);
        return Page();
    }

    public static string Decision(TriageDecision d) => d.NoFurtherAction
        ? $"No further action: {d.NoFurtherActionReason}"
        : string.Join(", ", new[]
        {
            d.SafetyPlanNow ? "safety plan" : null, d.ReferToMarac ? "MARAC referral" : null,
            d.Idva switch { IdvaService.Adult => "IDVA", IdvaService.YoungPeople => "young people's IDVA", _ => null },
            d.ReferToChildrensSocialWork ? "children's social work" : null, d.ChildrenAtRisk ? "children flagged" : null,
        }.Where(x => x is not null));
}
