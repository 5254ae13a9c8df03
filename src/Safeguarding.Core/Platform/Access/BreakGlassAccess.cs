using NodaTime;

namespace Safeguarding.Core.Platform.Access;

/// <summary>
/// A user reached past their scope or a seal, giving a reason. It lasts a few hours and waits on a
/// manager's review list until someone reviews it.
/// </summary>
public sealed class BreakGlassAccess
{
    public static readonly Duration Lifetime = Duration.FromHours(4);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string ResourceType { get; set; }
    public required string ResourceId { get; set; }
    public required string Reason { get; set; }
    public Instant GrantedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public Instant? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }

    public bool IsActiveAt(Instant now) => GrantedAt <= now && now < ExpiresAt;
}
