using NodaTime;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// One partnership setting changed: its name, the value before and after, who changed it and when. The audit trail
/// holds field names only (values there could be personal); settings are the partnership's numbers, never about a
/// person, so their values are kept here, written in the same save as the change and never edited (ADR-018).
/// </summary>
public sealed class SettingChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The setting as administrators read it ("Adult DASH: visibly high risk at").</summary>
    public required string Setting { get; set; }
    public required string OldValue { get; set; }
    public required string NewValue { get; set; }
    public Guid? ChangedByUserId { get; set; }
    public required string ChangedByName { get; set; }
    public Instant ChangedAt { get; set; }
}
