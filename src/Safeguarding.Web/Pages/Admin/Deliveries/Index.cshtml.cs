using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Deliveries;

/// <summary>Emails and webhooks that failed or are being retried, for administrators to see and send again.</summary>
public sealed class IndexModel(CurrentActor current, Outbox outbox) : PageModel
{
    public DeliveryCounts Counts { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync();
        Counts = await outbox.CountsAsync(process);
        Messages = await outbox.NeedingAttentionAsync(process);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid messageId) =>
        await outbox.RetryAsync(messageId, await current.ProcessAsync("retry delivery"))
            ? Redirect("/admin/deliveries")
            : NotFound();
}
