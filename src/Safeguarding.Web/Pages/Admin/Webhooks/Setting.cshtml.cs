using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Webhooks;

/// <summary>
/// One setting's webhook: its address, whether it is on, its latest posts and failures; set, turn off or renew the
/// secret. A secret is shown on the page that made it, once, and never again.
/// </summary>
public sealed class SettingModel(CurrentActor current, WebhookSubscriptions webhooks) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Setting { get; set; }
    [BindProperty] public string? Address { get; set; }

    public Organisation? SettingOrganisation { get; private set; }
    public WebhookSubscription? Hook { get; private set; }
    public IReadOnlyList<OutboxMessage> Deliveries { get; private set; } = [];
    public bool CanChange { get; private set; }
    /// <summary>A secret just made: shown this once.</summary>
    public string? NewSecret { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Address = Hook?.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        // Someone who may not change webhooks is refused whatever the form says: the service throws.
        if (CanChange && WebhookSubscriptions.ProblemWith(Address) is { } problem) { ModelState.AddModelError(nameof(Address), problem); return Page(); }
        NewSecret = await webhooks.SetAsync(new SetWebhookOptions(Setting, Address ?? ""), await current.ProcessAsync("set a webhook", ct), ct);
        Done = NewSecret is null ? "The webhook is on, posting to the new address. The secret is unchanged." : "The webhook is set up and on.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Hook is null && CanChange) return NotFound();
        NewSecret = await webhooks.RenewSecretAsync(Setting, await current.ProcessAsync("renew a webhook secret", ct), ct);
        Done = "A new secret is made. The old one no longer signs posts.";
        await LoadAsync(ct);
        Address = Hook?.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Hook is null && CanChange) return NotFound();
        await webhooks.TurnOffAsync(Setting, await current.ProcessAsync("turn off a webhook", ct), ct);
        Done = "The webhook is off. Notifications still reach the setting's inbox.";
        await LoadAsync(ct);
        Address = Hook?.Url;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CanChange = AccessPolicy.Decide(await current.RequireAsync(ct), Resource.Deliveries, Operation.Update).Allowed;
        var process = await current.ProcessAsync(ct: ct);
        if (await webhooks.ForSettingAsync(Setting, process, ct) is not { } found) return false;
        (SettingOrganisation, Hook) = found;
        Deliveries = Hook is null ? [] : await webhooks.LatestDeliveriesAsync(Hook, process, ct);
        return true;
    }
}
