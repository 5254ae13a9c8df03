using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>
/// Overdue actions: the whole partnership's for those who run meetings, otherwise the reader's organisation's; each
/// with the shared red overdue tag, and completed here by its owner. Paged, with the true total.
/// </summary>
public sealed class ActionsModel(CurrentActor current, MeetingRecords meetings, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public Guid? ActionId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Paged<MeetingAction> Overdue { get; private set; } = new([], 0, 1, PageOptions.DefaultSize);
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Instant Now { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        if (ActionId is not { } id)
        {
            ModelState.AddModelError(nameof(ActionId), "Choose the action that is done");
            await LoadAsync();
            return Page();
        }
        try
        {
            await meetings.CompleteActionAsync(new CompleteActionOptions(id, Note), await current.ProcessAsync());
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(ActionId), e.Message);
            await LoadAsync();
            return Page();
        }
        // Back to the page being worked (the form posts to it): the next action moves up into the place of the one done.
        var page = WorkQueues.PageFrom(Request).Number;
        return Redirect(page > 1 ? $"/meetings/actions?page={page}" : "/meetings/actions");
    }

    private async Task LoadAsync()
    {
        Overdue = await meetings.OverdueActionsAsync(new OverdueActionsOptions(WorkQueues.PageFrom(Request)), await current.ProcessAsync());
        Now = db.Clock.GetCurrentInstant();
        var ids = Overdue.Items.Select(a => a.OwnerOrganisationId).Distinct().ToList();
        Names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var users = Overdue.Items.Where(a => a.OwnerUserId != null).Select(a => a.OwnerUserId!.Value).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            Names[u.Id] = u.DisplayName;
    }

    /// <summary>An action is due by the end of its due date (London): overdue from the start of the next day.</summary>
    public static Instant Deadline(MeetingAction a) =>
        a.DueDate.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant();
}
