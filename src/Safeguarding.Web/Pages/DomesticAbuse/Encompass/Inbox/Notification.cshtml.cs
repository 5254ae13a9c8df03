using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>One notification as the Key Adult reads it (opened by <see cref="NotificationFilter"/>), and their acknowledgement.</summary>
public sealed class NotificationModel(CurrentActor current, KeyAdultInbox inbox) : PageModel
{
    [BindProperty] public List<string> Support { get; set; } = [];
    [BindProperty] public string? SupportNotes { get; set; }

    public EncompassNotification? Notification { get; private set; }
    public EncompassNotificationContent? NotificationContent { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public IActionResult OnGet() => Show();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var known = KeyAdultInbox.SupportChoices.Select(c => c.Key).ToHashSet();
        if (Support.Count == 0) ModelState.AddModelError(nameof(Support), "Select the support your setting has put in place");
        else if (Support.Any(s => !known.Contains(s))) ModelState.AddModelError(nameof(Support), "Select support from the list");
        if (Support.Contains("other") && string.IsNullOrWhiteSpace(SupportNotes))
            ModelState.AddModelError(nameof(SupportNotes), "Describe the other support you have put in place");
        else if (SupportNotes?.Length > 4000) ModelState.AddModelError(nameof(SupportNotes), "Notes must be 4,000 characters or fewer");
        if (!ModelState.IsValid) return Show();

        await inbox.AcknowledgeAsync(new AcknowledgeNotificationOptions(id, Support, SupportNotes),
            await current.ProcessAsync("acknowledge Operation Encompass notification"));
        return Redirect($"/domestic-abuse/encompass/inbox/{id}");
    }

    private PageResult Show()
    {
        (Notification, NotificationContent, AcknowledgedBy) = HttpContext.Loaded<InboxOpening>();
        return Page();
    }
}
