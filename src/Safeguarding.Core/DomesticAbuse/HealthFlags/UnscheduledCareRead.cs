using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.HealthFlags;

/// <summary>
/// Why an emergency department (unscheduled care) read a child's flags, as its system gave it: the audit entry of the
/// read points here (<see cref="Platform.Audit.AuditPurposes"/>), since the words can name the child and the audit
/// never holds free text.
/// </summary>
public sealed class UnscheduledCareRead
{
    public const int MaxPurposeLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? ApiClientId { get; set; }
    public Guid? UserId { get; set; }
    public required string Purpose { get; set; }
    public Instant At { get; set; }
}
