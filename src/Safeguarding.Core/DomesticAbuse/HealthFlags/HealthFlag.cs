using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.HealthFlags;

public enum HealthFlagKind
{
    /// <summary>At risk of domestic abuse by a DRAMM decision: for GP records.</summary>
    ChildAtRiskOfDomesticAbuse,
    /// <summary>Lives in a household with a MARAC-level victim: for hospital records (and GP records).</summary>
    ChildInMaracHousehold,
}

public enum HealthFlagStatus
{
    Active,
    Inactive,
}

/// <summary>
/// A flag for a child's health record, read by GP practices and the hospital trust as a FHIR Flag. It ends (inactive,
/// with an end) when the risk that raised it ends; it is never deleted.
/// </summary>
public sealed class HealthFlag
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid ChildPersonId { get; set; }
    public HealthFlagKind Kind { get; set; }
    public HealthFlagStatus Status { get; set; }
    public Instant Start { get; set; }
    public Instant? End { get; set; }
    public string? EndReason { get; set; }
    public Guid ContactOrganisationId { get; set; }
    public required string ContactName { get; set; }
    public string? ContactTelephone { get; set; }
    /// <summary>What raised it: "MaracReferral" or "TriageDecision", and its id.</summary>
    public required string SourceType { get; set; }
    public Guid SourceId { get; set; }
    public Instant UpdatedAt { get; set; }
}
