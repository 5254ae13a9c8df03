using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Administrators point a school's or college's Operation Encompass notifications at its own safeguarding system
/// (what <c>safeguard webhooks set</c> does from the command line). The secret is returned once, when it is made,
/// for the setting's system to check signatures with; it is never shown again, and is stored encrypted
/// (<see cref="SecretsAtRest"/>).
/// </summary>
public sealed class WebhookSubscriptions(SafeguardingDbContext db, SecretsAtRest secrets)
{
    /// <summary>Why an address cannot be used, or null: only https, since the body carries a child's details.</summary>
    public static string? ProblemWith(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Enter the address of the setting's system";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
            return "Enter the address of the setting's system as a web address, such as https://safeguarding.example.org/encompass";
        if (uri.Scheme != "https") return "The address must start with https://, so that the notification is encrypted on its way";
        if (url.Trim().Length > 500) return "The address must be 500 characters or fewer";
        return WebhookAddresses.ProblemWithHost(uri);
    }

    /// <summary>The partnership's schools and colleges, each with its webhook if it has one.</summary>
    public async Task<IReadOnlyList<(Organisation Setting, WebhookSubscription? Hook)>> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var partnership = actor.PartnershipId;
        var settings = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnership && (o.Type == OrganisationType.School || o.Type == OrganisationType.College))
            .OrderBy(o => o.Name).ToListAsync(ct);
        var hooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.PartnershipId == partnership).ToDictionaryAsync(w => w.OrganisationId, ct);
        return [.. settings.Select(s => (s, hooks.GetValueOrDefault(s.Id)))];
    }

    public async Task<(Organisation Setting, WebhookSubscription? Hook)?> ForSettingAsync(Guid organisationId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, organisationId);
        var setting = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.PartnershipId == actor.PartnershipId
            && (o.Type == OrganisationType.School || o.Type == OrganisationType.College), ct);
        if (setting is null) return null;
        return (setting, await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(w => w.OrganisationId == organisationId, ct));
    }

    /// <summary>The latest posts to the webhook, newest first: when, how it went, the last error (never the body).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> LatestDeliveriesAsync(WebhookSubscription hook, ProcessContext process, CancellationToken ct = default)
    {
        const int take = 10;
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, hook.OrganisationId);
        var destination = hook.Id.ToString();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PartnershipId == actor.PartnershipId && m.Channel == OutboxChannel.Webhook && m.Destination == destination)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Sets the address and turns the webhook on; a new webhook gets a secret, which is returned (else null).</summary>
    public async Task<string?> SetAsync(SetWebhookOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (organisationId, url) = options;
        Demand(actor, Operation.Update, organisationId);
        if (ProblemWith(url) is { } problem) throw new ArgumentException(problem, nameof(url));
        var setting = await SettingAsync(actor, organisationId, ct);
        db.Process = process;
        var hook = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.OrganisationId == setting.Id, ct);
        string? secret = null;
        if (hook is null)
        {
            secret = WebhookChannel.NewSecret();
            db.WebhookSubscriptions.Add(new WebhookSubscription
            {
                PartnershipId = setting.PartnershipId, OrganisationId = setting.Id, Url = url.Trim(), Secret = secrets.Protect(StoredSecret.WebhookSecret, secret), CreatedAt = db.Clock.GetCurrentInstant(),
            });
        }
        else
        {
            await WebhookChannel.CancelForChangedAddressAsync(db, hook, url.Trim(), ct);
            (hook.Url, hook.Enabled) = (url.Trim(), true);
        }
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>A new secret for the webhook (the old one stops working at once), returned to be shown once.</summary>
    public async Task<string> RenewSecretAsync(Guid organisationId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, organisationId);
        var setting = await SettingAsync(actor, organisationId, ct);
        db.Process = process;
        var hook = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.OrganisationId == setting.Id, ct)
                   ?? throw new InvalidOperationException($"{setting.Name} has no webhook.");
        var secret = WebhookChannel.NewSecret();
        hook.Secret = secrets.Protect(StoredSecret.WebhookSecret, secret);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Stops posting to the setting's system; the address and secret are kept for turning it back on.</summary>
    public async Task TurnOffAsync(Guid organisationId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, organisationId);
        var setting = await SettingAsync(actor, organisationId, ct);
        db.Process = process;
        var hook = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.OrganisationId == setting.Id, ct)
                   ?? throw new InvalidOperationException($"{setting.Name} has no webhook.");
        hook.Enabled = false;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Organisation> SettingAsync(Actor actor, Guid organisationId, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.PartnershipId == actor.PartnershipId
            && (o.Type == OrganisationType.School || o.Type == OrganisationType.College), ct)
        ?? throw new KeyNotFoundException("No such school or college in this partnership.");

    // Named by the setting it serves, as the audit trail has always named a refused webhook change.
    private static void Demand(Actor actor, Operation operation, Guid? organisationId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.Deliveries, operation);
        if (!decision.Allowed) throw new ForbiddenException(nameof(WebhookSubscription), organisationId?.ToString(), decision.Reason);
    }
}

/// <summary>A school's or college's webhook address (https only, see <see cref="WebhookSubscriptions.ProblemWith"/>).</summary>
public sealed record SetWebhookOptions(Guid OrganisationId, string Url);
