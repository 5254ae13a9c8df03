using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>
/// One notification as the Key Adult reads it (opened by <see cref="NotificationFilter"/>), in two steps: acknowledge it now
/// ("received, planning support"), then record the support given, as often as there is more to add.
/// </summary>
public sealed class NotificationModel(CurrentActor current, KeyAdultInbox inbox) : PageModel
{
    /// <summary>What the page just did, for the success banner at its top after the redirect.</summary>
    private const string Confirmed = "encompass-inbox-confirmed";

    [BindProperty] public List<string> Support { get; set; } = [];
    [BindProperty] public string? SupportNotes { get; set; }

    public EncompassNotification? Notification { get; private set; }
    public EncompassNotificationContent? NotificationContent { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public InboxOpening Opening { get; private set; } = null!;
    /// <summary>"acknowledged" or "support" right after doing it; null otherwise.</summary>
    public string? JustDone { get; private set; }

    public IActionResult OnGet()
    {
        JustDone = TempData[Confirmed] as string;
        return Show();
    }

    /// <summary>Step one: received, planning support. Nothing to fill in, so nothing delays stopping the clock.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await inbox.AcknowledgeAsync(new AcknowledgeNotificationOptions(id),
            await current.ProcessAsync("acknowledge Operation Encompass notification"));
        if (outcome == AcknowledgeOutcome.Acknowledged) TempData[Confirmed] = "acknowledged";
        return Redirect($"/domestic-abuse/encompass/inbox/{id}");
    }

    /// <summary>Step two, repeatable: the support given.</summary>
    public async Task<IActionResult> OnPostSupportAsync(Guid id)
    {
        ModelState.Clear();
        var known = KeyAdultInbox.SupportChoices.Select(c => c.Key).ToHashSet();
        if (Support.Count == 0) ModelState.AddModelError(nameof(Support), "Select the support your setting has given");
        else if (Support.Any(s => !known.Contains(s))) ModelState.AddModelError(nameof(Support), "Select support from the list");
        if (Support.Contains("other") && string.IsNullOrWhiteSpace(SupportNotes))
            ModelState.AddModelError(nameof(SupportNotes), "Describe the other support you have given");
        else if (SupportNotes?.Length > 4000) ModelState.AddModelError(nameof(SupportNotes), "Notes must be 4,000 characters or fewer");
        if (!ModelState.IsValid) return Show();

        var outcome = await inbox.AddSupportAsync(new AddSupportOptions(id, Support, SupportNotes),
            await current.ProcessAsync("record support for Operation Encompass notification"));
        if (outcome == AddSupportOutcome.NotAcknowledged)
        {
            ModelState.AddModelError(nameof(Support), "Acknowledge the notification before recording the support given");
            return Show();
        }
        TempData[Confirmed] = "support";
        return Redirect($"/domestic-abuse/encompass/inbox/{id}");
    }

    /// <summary>"2 hours 10 minutes": how long after its deadline something was done; null when it was on time.</summary>
    public static string? LateBy(Instant deadline, Instant at)
    {
        if (at <= deadline) return null;
        var late = at - deadline;
        static string Unit(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n:N0} {unit}s";
        var days = (long)late.TotalDays;
        var hours = late.Hours;
        var minutes = late.Minutes;
        var parts = new List<string>();
        if (days > 0) parts.Add(Unit(days, "day"));
        if (hours > 0) parts.Add(Unit(hours, "hour"));
        // Minutes matter within the day; after a day they are noise.
        if (days == 0 && (minutes > 0 || hours == 0)) parts.Add(Unit(Math.Max(1, minutes), "minute"));
        return string.Join(" ", parts);
    }

    private PageResult Show()
    {
        Opening = HttpContext.Loaded<InboxOpening>();
        (Notification, NotificationContent, AcknowledgedBy) = Opening;
        return Page();
    }
}
