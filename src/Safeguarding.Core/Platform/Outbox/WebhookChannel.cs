using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Posts the JSON body to the organisation's system, signed: <c>X-Safeguarding-Signature: sha256=HEX</c> where HEX is
/// HMAC-SHA256 with the subscription's secret over "TIMESTAMP.BODY" and TIMESTAMP (Unix seconds) is sent in
/// <c>X-Safeguarding-Timestamp</c>, so that a receiver can refuse an old or altered post. <c>X-Safeguarding-Delivery</c>
/// carries the delivery key: a receiver drops a copy it already has.
/// </summary>
public sealed class WebhookChannel(SafeguardingDbContext db, WebhookHttp http) : IOutboxChannel
{
    public const string SignatureHeader = "X-Safeguarding-Signature";
    public const string TimestampHeader = "X-Safeguarding-Timestamp";
    public const string DeliveryHeader = "X-Safeguarding-Delivery";

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = Guid.Parse(message.Destination);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct)
            ?? throw new InvalidOperationException("The organisation's webhook was removed.");
        if (!subscription.Enabled) throw new InvalidOperationException("The organisation's webhook is turned off.");

        var timestamp = db.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(subscription.Secret, timestamp, message.Payload));
        request.Headers.Add(DeliveryHeader, message.DeliveryKey);
        using var response = await http.Client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The organisation's system answered {(int)response.StatusCode}.");
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>A new secret for a subscription: 32 random bytes, base64url.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The one HttpClient for webhooks (connections pooled and renewed), held by the container.</summary>
public sealed class WebhookHttp(HttpClient client)
{
    public HttpClient Client => client;
}
