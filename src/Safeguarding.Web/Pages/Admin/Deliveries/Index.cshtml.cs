using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
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
        var actor = await current.RequireAsync();
        Counts = await outbox.CountsAsync(actor);
        Messages = await outbox.NeedingAttentionAsync(actor);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid messageId)
    {
        var actor = await current.RequireAsync();
        if (!AccessPolicy.Decide(actor, Resource.Deliveries, Operation.Update).Allowed)
        {
            throw new ForbiddenException(nameof(Resource.Deliveries), messageId.ToString(), "no role grants Update on Deliveries");
        }
        return await outbox.RetryAsync(actor, messageId, await current.ProcessAsync("retry delivery"))
            ? Redirect("/admin/deliveries")
            : NotFound();
    }
}
