using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Posts the JSON body to the organisation's system, signed: <c>X-Safeguarding-Signature: sha256=HEX</c> where HEX is
/// HMAC-SHA256 with the subscription's secret over "TIMESTAMP.BODY" and TIMESTAMP (Unix seconds) is sent in
/// <c>X-Safeguarding-Timestamp</c>, so that a receiver can refuse an old or altered post. <c>X-Safeguarding-Delivery</c>
/// carries the delivery key: a receiver drops a copy it already has. The secret is stored encrypted and decrypted
/// only to sign (<see cref="SecretsAtRest"/>).
/// </summary>
public sealed class WebhookChannel(SafeguardingDbContext db, WebhookHttp http, SecretsAtRest secrets) : IOutboxChannel
{
    public const string SignatureHeader = "X-Safeguarding-Signature";
    public const string TimestampHeader = "X-Safeguarding-Timestamp";
    public const string DeliveryHeader = "X-Safeguarding-Delivery";

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = Guid.Parse(message.Destination);
        // The webhook and whether this message still stands, read together: an address change cancels the messages
        // queued for the old address in the same save (CancelForChangedAddress), so one read sees either the old
        // address with the message pending or the new address with it cancelled, never a new address and an old body.
        var found = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new { Hook = w, Stands = db.OutboxMessages.Any(m => m.Id == message.Id && m.Status == OutboxStatus.Pending) })
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The organisation's webhook was removed.");
        var subscription = found.Hook;
        if (!found.Stands) throw new InvalidOperationException("Cancelled: the setting's address changed after this was queued.");
        if (!subscription.Enabled) throw new InvalidOperationException("The organisation's webhook is turned off.");

        var timestamp = db.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(secrets.Reveal(StoredSecret.WebhookSecret, subscription.Secret), timestamp, message.Payload));
        request.Headers.Add(DeliveryHeader, message.DeliveryKey);
        HttpResponseMessage response;
        try
        {
            response = await http.Client.SendAsync(request, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The error is kept and shown: it must not tell which internal host or address was tried.
            throw new WebhookDeliveryException(WebhookAddresses.Describe(e), e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"The organisation's system answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>
    /// When a webhook's address changes, what was queued for the old address is cancelled, with the reason, in the
    /// caller's save: a notification meant for one system is never posted to another (a new address may be a new
    /// owner). Tracked changes, so the save audits each one.
    /// </summary>
    public static async Task CancelForChangedAddressAsync(SafeguardingDbContext db, WebhookSubscription hook, string newUrl, CancellationToken ct)
    {
        if (string.Equals(hook.Url, newUrl, StringComparison.Ordinal)) return;
        var destination = hook.Id.ToString();
        var pending = await db.OutboxMessages
            .Where(m => m.Channel == OutboxChannel.Webhook && m.Destination == destination && m.Status == OutboxStatus.Pending).ToListAsync(ct);
        foreach (var m in pending)
            (m.Status, m.ClaimToken, m.LastError) = (OutboxStatus.Cancelled, null, "Cancelled: the setting's address changed after this was queued, so it was not sent to the new address.");
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>A new secret for a subscription: 32 random bytes, base64url.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The one HttpClient for webhooks (connections pooled and renewed), held by the container. Every connection goes
/// through <see cref="WebhookAddresses"/>: no proxy (the check must see the real destination) and no redirects (a 3xx
/// is a failed post, not an invitation to go elsewhere).
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(bool allowLoopbackForTests = false)
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = (context, ct) => WebhookAddresses.ConnectAsync(context.DnsEndPoint, allowLoopbackForTests, ct),
        })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public HttpClient Client { get; }

    /// <summary>From "Safeguarding:Webhooks"; the tests' loopback allowance is refused in Production.</summary>
    public static WebhookHttp FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration, string environmentName)
    {
        var allow = bool.TryParse(configuration[WebhookAddresses.AllowLoopbackForTestsKey], out var on) && on;
        if (allow && string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{WebhookAddresses.AllowLoopbackForTestsKey} is for tests only and cannot be on in Production.");
        return new WebhookHttp(allow);
    }

    public void Dispose() => Client.Dispose();
}
