using NodaTime;

namespace Safeguarding.Core.Platform.Outbox;

public enum OutboxChannel
{
    /// <summary>An email through the partnership's SMTP relay: a link, never personal data.</summary>
    Email,
    /// <summary>Signed JSON posted to an organisation's own system.</summary>
    Webhook,
}

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt (or claimed by a dispatcher until <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    Delivered,
    /// <summary>Every attempt failed: an administrator looks at it and retries.</summary>
    Failed,
    /// <summary>Withdrawn before it went, never to be sent (a webhook whose address changed); the reason is in LastError.</summary>
    Cancelled,
}

/// <summary>
/// A message to send, written in the same save as the change that needs it, so that the change and the promise to
/// tell someone about it are committed together or not at all.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>An email address, or the id of a <see cref="WebhookSubscription"/>.</summary>
    public required string Destination { get; set; }
    /// <summary>Email: subject and text. Webhook: the JSON body as it will be signed and posted.</summary>
    public required string Payload { get; set; }
    /// <summary>
    /// What this message is, once: the same key is never queued twice, and it goes out with the message (Message-ID,
    /// delivery header) so that a receiver can drop a copy resent after a crash.
    /// </summary>
    public required string DeliveryKey { get; set; }
    /// <summary>The kind and id of the record the message is about, for the administrators' list (no names).</summary>
    public required string About { get; set; }
    public Guid? AboutId { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = Outbox.DefaultMaxAttempts;
    /// <summary>When it is next due; while a dispatcher holds it, the end of that dispatcher's lease.</summary>
    public Instant NextAttemptAt { get; set; }
    /// <summary>The dispatcher run that holds it: only that run may mark it delivered or failed.</summary>
    public Guid? ClaimToken { get; set; }
    public string? LastError { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? DeliveredAt { get; set; }
}

/// <summary>An organisation's own safeguarding system that receives signed JSON (optional, one per organisation).</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Url { get; set; }
    /// <summary>The shared secret the body is signed with (HMAC-SHA256); the receiver holds the same. Stored encrypted (Secrets.SecretsAtRest).</summary>
    public required string Secret { get; set; }
    public bool Enabled { get; set; } = true;
    public Instant CreatedAt { get; set; }
}
