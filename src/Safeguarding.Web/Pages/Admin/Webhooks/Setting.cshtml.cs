using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
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
        if (!CanChange) return await ForbidAsync();
        ModelState.Clear();
        if (WebhookSubscriptions.ProblemWith(Address) is { } problem) { ModelState.AddModelError(nameof(Address), problem); return Page(); }
        NewSecret = await webhooks.SetAsync(await current.RequireAsync(ct), Setting, Address!, await current.ProcessAsync("set a webhook", ct), ct);
        Done = NewSecret is null ? "The webhook is on, posting to the new address. The secret is unchanged." : "The webhook is set up and on.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanChange) return await ForbidAsync();
        if (Hook is null) return NotFound();
        NewSecret = await webhooks.RenewSecretAsync(await current.RequireAsync(ct), Setting, await current.ProcessAsync("renew a webhook secret", ct), ct);
        Done = "A new secret is made. The old one no longer signs posts.";
        await LoadAsync(ct);
        Address = Hook?.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanChange) return await ForbidAsync();
        if (Hook is null) return NotFound();
        await webhooks.TurnOffAsync(await current.RequireAsync(ct), Setting, await current.ProcessAsync("turn off a webhook", ct), ct);
        Done = "The webhook is off. Notifications still reach the setting's inbox.";
        await LoadAsync(ct);
        Address = Hook?.Url;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        CanChange = AccessPolicy.Decide(actor, Resource.Deliveries, Operation.Update).Allowed;
        if (await webhooks.ForSettingAsync(actor, Setting, ct) is not { } found) return false;
        (SettingOrganisation, Hook) = found;
        Deliveries = Hook is null ? [] : await webhooks.LatestDeliveriesAsync(actor, Hook, ct: ct);
        return true;
    }

    private async Task<IActionResult> ForbidAsync()
    {
        throw new ForbiddenException(nameof(WebhookSubscription), Setting.ToString(), "no role grants Update on Deliveries");
    }
}
