using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Marac;

/// <summary>
/// The chair builds a MARAC's agenda: which waiting referrals go on which of the coming meetings, within the series'
/// cases per meeting; every member agency's representatives are then invited.
/// </summary>
[RequirePermission(Resource.MaracReferral, Operation.Update)]
public sealed class AgendaModel(CurrentActor current, MaracReferrals referrals, SafeguardingDbContext db) : PageModel
{
    /// <summary>The series whose agenda is built; the partnership's first MARAC series when not given.</summary>
    [BindProperty(SupportsGet = true)] public Guid? SeriesId { get; set; }
    [BindProperty] public string? MeetingDate { get; set; }
    [BindProperty] public List<Guid> Referrals { get; set; } = [];

    public MeetingSeries? Series { get; private set; }
    /// <summary>One page of the waiting referrals (only its victims' names are read and audited).</summary>
    public Paged<WaitingReferral> Waiting { get; private set; } = new([], 0, 1, PageOptions.DefaultSize);
    /// <summary>The next meetings, each with how many cases it already has.</summary>
    public List<(LocalDate Date, int Listed)> Coming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Series is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Series is null) return NotFound();
        var date = LocalDatePattern.Iso.Parse(MeetingDate ?? "") is { Success: true } d && Coming.Any(c => c.Date == d.Value) ? d.Value : (LocalDate?)null;
        if (date is null) ModelState.AddModelError(nameof(MeetingDate), "Select the meeting");
        if (Referrals.Count == 0) ModelState.AddModelError(nameof(Referrals), "Select the referrals the meeting will hear");
        if (!ModelState.IsValid) return Page();
        try
        {
            var meeting = await referrals.ListOnMeetingAsync(new ListOnMeetingOptions(Series.Id, date!.Value, Referrals), await current.ProcessAsync());
            return Redirect($"/meetings/{meeting.Id}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Referrals), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var actor = await current.RequireAsync();
        Series = await db.MeetingSeries.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.Marac && (SeriesId == null || s.Id == SeriesId)).OrderBy(s => s.Name).FirstOrDefaultAsync();
        if (Series is null) return;
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        var dates = MeetingCadence.DatesFrom(Series.Cadence, Series.FirstDate, today).Take(4).ToList();
        var seriesId = Series.Id;
        var counts = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId && dates.Contains(m.Date))
            .Select(m => new { m.Date, Listed = m.Agenda.Count }).ToListAsync();
        Coming = [.. dates.Select(d => (d, counts.SingleOrDefault(c => c.Date == d)?.Listed ?? 0))];
        Waiting = await referrals.WaitingAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync());
    }
}
