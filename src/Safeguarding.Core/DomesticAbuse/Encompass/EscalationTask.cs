using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// "Phone the school": a notification not acknowledged by its deadline (and the partnership's delay after it), for the Front Door to chase.
/// One per notification; done and undone by a practitioner, closed by itself when the setting acknowledges.
/// </summary>
public sealed class EscalationTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid NotificationId { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    public Instant Deadline { get; set; }
    public Instant CreatedAt { get; set; }
    /// <summary>When a practitioner marked the call made; null again after "undo".</summary>
    public Instant? DoneAt { get; set; }
    public Guid? DoneByUserId { get; set; }
    /// <summary>What the practitioner noted about the call (who they spoke to); no more than is needed.</summary>
    public string? Note { get; set; }
}
