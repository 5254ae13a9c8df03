using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings.Series;

/// <summary>Sets up a meeting series (a MARAC by default): cadence, chair, member agencies, their representatives and capacity.</summary>
[RequirePermission(Resource.Meeting, Operation.Create)]
public sealed class AddModel(CurrentActor current, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; } = "MARAC";
    /// <summary>The kind of series (a MARAC unless the link says otherwise: child-focused MACE sets up its own here too).</summary>
    [BindProperty(SupportsGet = true)] public MeetingKind Kind { get; set; } = MeetingKind.Marac;
    [BindProperty] public string? Cadence { get; set; }
    [BindProperty] public DateParts FirstDate { get; set; } = new();
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? DurationMinutes { get; set; } = "120";
    [BindProperty] public string? CasesPerMeeting { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public Guid? ChairUser { get; set; }
    [BindProperty] public List<Guid> Members { get; set; } = [];
    [BindProperty] public List<Guid> Representatives { get; set; } = [];

    public List<Organisation> Organisations { get; private set; } = [];
    /// <summary>Users who may represent an agency, with their organisation's name.</summary>
    public List<(Guid Id, string Name, Guid OrganisationId, string Organisation)> Users { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the series' name");
        var cadence = Enum.TryParse<Cadence>(Cadence, out var c) && Enum.IsDefined(c) ? c : (Cadence?)null;
        if (cadence is null) ModelState.AddModelError(nameof(Cadence), "Select how often it meets");
        var first = FirstDate.ToDate();
        if (first is null) ModelState.AddModelError(nameof(FirstDate), "Enter the first meeting's date, for example 14 1 2027");
        var start = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(StartTime?.Trim() ?? "") is { Success: true } t ? t.Value : (LocalTime?)null;
        if (start is null) ModelState.AddModelError(nameof(StartTime), "Enter the start time in 24-hour form, for example 10:00");
        if (!int.TryParse(DurationMinutes, out var duration) || duration is < 5 or > 480) ModelState.AddModelError(nameof(DurationMinutes), "Enter a length between 5 and 480 minutes");
        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(CasesPerMeeting))
        {
            if (int.TryParse(CasesPerMeeting, out var cap) && cap is >= 1 and <= 200) capacity = cap;
            else ModelState.AddModelError(nameof(CasesPerMeeting), "Enter a number of cases between 1 and 200, or leave it empty");
        }
        var chair = Users.FirstOrDefault(u => u.Id == ChairUser);
        if (chair.Id == Guid.Empty) ModelState.AddModelError(nameof(ChairUser), "Select the chair");
        if (Members.Count == 0) ModelState.AddModelError(nameof(Members), "Select the member agencies");
        var reps = Users.Where(u => Representatives.Contains(u.Id)).ToList();
        if (reps.Any(r => !Members.Contains(r.OrganisationId) && r.OrganisationId != chair.OrganisationId))
            ModelState.AddModelError(nameof(Representatives), "Each representative must work for a member agency: select their agency too");
        if (!ModelState.IsValid) return Page();
        MeetingSeries series;
        try
        {
            series = await meetings.CreateSeriesAsync(new SeriesOptions(Name!.Trim(), Kind, cadence!.Value, first!.Value, start!.Value, duration,
                chair.OrganisationId, Members, chair.Id, string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(), Representatives, capacity), await current.ProcessAsync());
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Members), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect(Kind == MeetingKind.ChildFocusedMace ? "/exploitation/mace" : $"/domestic-abuse/marac/agenda?seriesId={series.Id}");
    }

    private async Task LoadAsync()
    {
        var actor = await current.RequireAsync();
        // Schools and GP practices do not sit on MARAC; the health trusts' safeguarding teams do.
        Organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == actor.PartnershipId && o.Type != OrganisationType.School && o.Type != OrganisationType.College && o.Type != OrganisationType.GpPractice)
            .OrderBy(o => o.Name).ToListAsync();
        var orgIds = Organisations.Select(o => o.Id).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == actor.PartnershipId && !u.IsDisabled && orgIds.Contains(u.OrganisationId))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.OrganisationId }).ToListAsync();
        var names = Organisations.ToDictionary(o => o.Id, o => o.Name);
        Users = [.. users.Select(u => (u.Id, u.DisplayName, u.OrganisationId, names[u.OrganisationId])).OrderBy(u => u.Item4).ThenBy(u => u.DisplayName)];
    }
}
