namespace Safeguarding.Core.Platform;

/// <summary>
/// The one way a service refuses: the caller may not do this to this record. The web host answers 403 (a page, or
/// ProblemDetails for the API and FHIR) and writes the denial to the audit trail, once; services throw and never
/// audit the denial themselves.
/// </summary>
/// <param name="ResourceType">What kind of record was asked for, as the audit trail names it ("Person", "Meeting").</param>
/// <param name="ResourceId">Which record, when there is one.</param>
/// <param name="Reason">Why, in words an auditor reads: "no role grants Read on Meeting". Never personal data.</param>
public sealed class ForbiddenException(string resourceType, string? resourceId, string reason)
    : Exception(reason)
{
    public string ResourceType { get; } = resourceType;
    public string? ResourceId { get; } = resourceId;
    public string Reason { get; } = reason;

    /// <summary>The policy would let this caller reach the record with break-glass: the refusal page offers it.</summary>
    public bool BreakGlassPossible { get; init; }
}

/// <summary>
/// The record asked for does not exist in the caller's partnership. Answered with 404; a record of another
/// partnership is "not found", never "forbidden", so that its existence is not given away.
/// </summary>
public sealed class NotFoundException(string resourceType, string? resourceId)
    : Exception($"No {resourceType} {resourceId}")
{
    public string ResourceType { get; } = resourceType;
    public string? ResourceId { get; } = resourceId;
}
