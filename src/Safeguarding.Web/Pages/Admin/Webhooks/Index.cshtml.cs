using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Webhooks;

/// <summary>Which schools and colleges have their notifications posted to their own system, for administrators.</summary>
public sealed class IndexModel(CurrentActor current, WebhookSubscriptions webhooks) : PageModel
{
    public IReadOnlyList<(Organisation Setting, WebhookSubscription? Hook)> Settings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Settings = await webhooks.ListAsync(await current.ProcessAsync(ct: ct), ct);
}
