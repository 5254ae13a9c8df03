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

/// <summary>
/// The day's DRAMM list: incidents and referrals since the previous working day's list, sorted and filtered by GET
/// query values (none of them personal), with no further action and assignment for several cases at once.
/// </summary>
public sealed class IndexModel(CurrentActor current, DrammList dramm, DrammCaseWork work, SafeguardingDbContext db) : PageModel
{
    public DrammWindow Window => List.Window;
    public List<DrammCase> Cases => List.Cases;
    public DrammDay List { get; private set; } = null!;
    public Dictionary<Guid, string> ChildNames { get; private set; } = [];
    public List<DrammPractitioner> Practitioners { get; private set; } = [];
    public LocalDate Day { get; private set; }
    public LocalDate Previous { get; private set; }
    public LocalDate Next { get; private set; }
    /// <summary>Whether the reader may review matches (the unlinked victim's link goes there).</summary>
    public bool MayReviewMatches { get; private set; }

    // The list's query values, as given (checked in ReadQuery).
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "risk")] public string? Risk { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "mine")] public string? Mine { get; set; }

    // The form for several cases at once. Field order is the error summary's order.
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid? Practitioner { get; set; }

    public DrammSort SortBy { get; private set; }
    public DrammRisk? RiskIs { get; private set; }
    public bool? DecidedIs { get; private set; }
    public bool MineOnly { get; private set; }
    public string? Done { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Text)> Sorts = [("received", "Order received"), ("risk", "Highest risk first")];
    public static readonly IReadOnlyList<(string Value, string Text)> Risks =
        [("", "Any risk"), ("criteria", "MARAC criteria met"), ("below", "Checklist below the MARAC criteria"), ("none", "No checklist yet")];
    public static readonly IReadOnlyList<(string Value, string Text)> Statuses = [("", "Decided or not"), ("to-decide", "To decide"), ("decided", "Decided")];

    public async Task<IActionResult> OnGetAsync(string? day)
    {
        await LoadAsync(day);
        Done = TempData["DrammDone"] as string;
        return Page();
    }

    /// <summary>No further action, with one reason, for every case selected: all or nothing.</summary>
    public async Task<IActionResult> OnPostNoFurtherActionAsync(string? day)
    {
        await LoadAsync(day);
        var chosen = Chosen();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why no further action is needed");
        else if (Reason.Length > 2000) ModelState.AddModelError(nameof(Reason), "The reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        try
        {
            var decisions = await work.NoFurtherActionAsync(new BulkNoFurtherActionOptions(chosen, Reason!), await current.ProcessAsync());
            TempData["DrammDone"] = decisions.Count == 1 ? "No further action recorded for 1 case" : $"No further action recorded for {decisions.Count} cases";
            return Redirect(ListUrl(List.Page));
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Selected), e.Message);
            return Page();
        }
    }

    /// <summary>Gives every case selected to a Front Door practitioner of the reader's organisation.</summary>
    public async Task<IActionResult> OnPostAssignAsync(string? day)
    {
        await LoadAsync(day);
        var chosen = Chosen();
        if (Practitioner is null || Practitioners.All(p => p.UserId != Practitioner)) ModelState.AddModelError(nameof(Practitioner), "Select who works the cases");
        if (!ModelState.IsValid) return Page();
        try
        {
            await work.AssignAsync(new AssignCasesOptions(chosen, Practitioner!.Value), await current.ProcessAsync());
            var name = Practitioners.First(p => p.UserId == Practitioner).Name;
            TempData["DrammDone"] = chosen.Count == 1 ? $"1 case given to {name}" : $"{chosen.Count} cases given to {name}";
            return Redirect(ListUrl(List.Page));
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Selected), e.Message);
            return Page();
        }
    }

    private List<DrammCaseRef> Chosen()
    {
        var chosen = Selected.Select(DrammCaseRef.Parse).ToList();
        if (chosen.Count == 0) ModelState.AddModelError(nameof(Selected), "Select the cases first");
        else if (chosen.Any(c => c is null)) ModelState.AddModelError(nameof(Selected), "A case selected is not on this list");
        return [.. chosen.Where(c => c is not null).Select(c => c!)];
    }

    private async Task LoadAsync(string? day)
    {
        var actor = await current.RequireAsync();
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        Day = day is not null && LocalDatePattern.Iso.Parse(day) is { Success: true } parsed ? parsed.Value : today;
        if (!DrammList.IsDrammDay(Day)) Day = Core.Meetings.MeetingCadence.NextWorkingDay(Day);
        Previous = Core.Meetings.MeetingCadence.PreviousWorkingDay(Day);
        Next = Core.Meetings.MeetingCadence.NextWorkingDay(Day.PlusDays(1));
        ReadQuery();
        // "page" is the page's own route value in Razor Pages: read the query's.
        List = await dramm.ForDayAsync(new DrammDayOptions(Day, WorkQueues.PageFrom(Request).Number, Sort: SortBy, Risk: RiskIs, Decided: DecidedIs, AssignedToMe: MineOnly),
            await current.ProcessAsync());
        var ids = Cases.SelectMany(c => c.ChildPersonIds).Distinct().ToList();
        ChildNames = await Core.People.SealedPeople.NamesAsync(db, actor, ids);
        Practitioners = await work.PractitionersAsync(await current.ProcessAsync());
        MayReviewMatches = actor.Grants.Any(g => g is { Resource: Core.Platform.Access.Resource.Person, Operation: Core.Platform.Access.Operation.Update, Scope: Core.Platform.Access.Scope.WholePartnership });
    }

    /// <summary>The filters as asked; a value the list does not know is said so and left out, never guessed.</summary>
    private void ReadQuery()
    {
        SortBy = Sort switch { null or "" or "received" => DrammSort.Received, "risk" => DrammSort.Risk, _ => Unknown("sort", "Sort by order received or by risk", DrammSort.Received) };
        RiskIs = Risk switch
        {
            null or "" => null, "criteria" => DrammRisk.MaracCriteriaMet, "below" => DrammRisk.BelowThreshold, "none" => DrammRisk.NoChecklist,
            _ => Unknown<DrammRisk?>("risk", "Choose a risk from the list", null),
        };
        DecidedIs = Status switch { null or "" => null, "to-decide" => false, "decided" => true, _ => Unknown<bool?>("status", "Choose decided or to decide", null) };
        MineOnly = Mine switch { null or "" => false, "yes" => true, _ => Unknown("mine", "Choose whether to show only your cases", false) };
    }

    private T Unknown<T>(string field, string message, T otherwise)
    {
        ModelState.AddModelError(field, message);
        return otherwise;
    }

    /// <summary>The list's address for a page of this day, with its sort and filters (nothing personal).</summary>
    public string ListUrl(int page) => ListUrlFor(Day, page, SortBy, RiskIs, DecidedIs, MineOnly);

    public static string ListUrlFor(LocalDate day, int page = 1, DrammSort sort = DrammSort.Received, DrammRisk? risk = null, bool? decided = null, bool mine = false)
    {
        var url = $"/domestic-abuse/dramm?day={day:yyyy-MM-dd}";
        if (sort == DrammSort.Risk) url += "&sort=risk";
        if (risk is { } r) url += "&risk=" + r switch { DrammRisk.MaracCriteriaMet => "criteria", DrammRisk.BelowThreshold => "below", _ => "none" };
        if (decided is { } d) url += d ? "&status=decided" : "&status=to-decide";
        if (mine) url += "&mine=yes";
        return url + (page > 1 ? $"&page={page}" : "");
    }

    public string PageUrl(int page) => ListUrl(page);

    /// <summary>Where to decide a case; the list (day, filters and page) is where the decision returns to.</summary>
    public string TriageUrl(DrammCase c) =>
        $"/domestic-abuse/dramm/triage?incident={c.IncidentId}&assessment={c.RiskAssessmentId}&day={Day:yyyy-MM-dd}&back={Uri.EscapeDataString(ListUrl(List.Page))}";

    public string IncidentUrl(DrammCase c) => $"/domestic-abuse/dramm/incidents/{c.IncidentId}?back={Uri.EscapeDataString(ListUrl(List.Page))}";

    /// <summary>
    /// The list a triage returns to: the one it was opened from when that is a DRAMM list address (a day, its filters
    /// and page, nothing else), else <paramref name="otherwise"/>. Never another site or page.
    /// </summary>
    public static string ReturnTo(string? back, string otherwise) =>
        back is { Length: < 300 } b && b.StartsWith("/domestic-abuse/dramm?day=", StringComparison.Ordinal)
        && b.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '/' or '?' or '=' or '&' or '-')
            ? b : otherwise;

    public static string Decision(TriageDecision d) => d.NoFurtherAction
        ? $"No further action: {d.NoFurtherActionReason}"
        : string.Join(", ", new[]
        {
            d.SafetyPlanNow ? "safety plan" : null, d.ReferToMarac ? "MARAC referral" : null,
            d.Idva switch { IdvaService.Adult => "IDVA", IdvaService.YoungPeople => "young people's IDVA", _ => null },
            d.ReferToChildrensSocialWork ? "children's social work" : null, d.ChildrenAtRisk ? "children flagged" : null,
        }.Where(x => x is not null));
}
