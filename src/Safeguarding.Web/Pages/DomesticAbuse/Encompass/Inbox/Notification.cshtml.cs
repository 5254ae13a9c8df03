using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>One notification as the Key Adult reads it (the opening is audited), and their acknowledgement.</summary>
public sealed class NotificationModel(CurrentActor current, KeyAdultInbox inbox, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public List<string> Support { get; set; } = [];
    [BindProperty] public string? SupportNotes { get; set; }

    public EncompassNotification? Notification { get; private set; }
    public EncompassNotificationContent? NotificationContent { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await OpenAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var known = KeyAdultInbox.SupportChoices.Select(c => c.Key).ToHashSet();
        if (Support.Count == 0) ModelState.AddModelError(nameof(Support), "Select the support your setting has put in place");
        else if (Support.Any(s => !known.Contains(s))) ModelState.AddModelError(nameof(Support), "Select support from the list");
        if (Support.Contains("other") && string.IsNullOrWhiteSpace(SupportNotes))
            ModelState.AddModelError(nameof(SupportNotes), "Describe the other support you have put in place");
        else if (SupportNotes?.Length > 4000) ModelState.AddModelError(nameof(SupportNotes), "Notes must be 4,000 characters or fewer");
        if (!ModelState.IsValid) return await OpenAsync(id);

        var actor = await current.RequireAsync();
        var outcome = await inbox.AcknowledgeAsync(actor, id, Support, SupportNotes, await current.ProcessAsync("acknowledge Operation Encompass notification"));
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => NotFound(),
            AcknowledgeOutcome.Denied => StatusCode(StatusCodes.Status403Forbidden),
            _ => Redirect($"/domestic-abuse/encompass/inbox/{id}"),
        };
    }

    private async Task<IActionResult> OpenAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var opening = await inbox.OpenAsync(actor, id, await current.ProcessAsync("read Operation Encompass notification"));
        if (!opening.Found) return NotFound();
        if (!opening.Decision.Allowed) return StatusCode(StatusCodes.Status403Forbidden);
        Notification = opening.Notification;
        NotificationContent = opening.Content;
        if (Notification!.AcknowledgedByUserId is { } by)
            AcknowledgedBy = await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return Page();
    }
}
