using NodaTime;

namespace Safeguarding.Core.Platform.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string SignIn = "sign-in";
    public const string BreakGlass = "break-glass";
    /// <summary>The record was shown in a list (a search's results, an inbox, a worklist): which list is in Details.</summary>
    public const string List = "list";
}

public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>
/// One line of the append-only, hash-chained audit trail. Holds identifiers and names of staff, never the
/// content of a child's record.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1 with no gaps.</summary>
    public long Sequence { get; set; }
    public Instant At { get; set; }
    public Guid? PartnershipId { get; set; }
    public Guid? ActorUserId { get; set; }
    public Guid? ActorApiClientId { get; set; }
    public required string ActorName { get; set; }
    public Guid? OrganisationId { get; set; }
    public required string Action { get; set; }
    public required string ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public string? Purpose { get; set; }
    public required string Process { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? FromAddress { get; set; }
    /// <summary>Changed field names for writes, or the reason for a denial. Never field values.</summary>
    public string? Details { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The last link of the chain, so that deleting entries from the end is detected too.</summary>
public sealed class AuditHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}

/// <summary>
/// An entry's Purpose is a fixed kind of work, never a user's free text (which can name a child): a reason someone gave
/// is kept in the record it explains, and the Purpose points to it.
/// </summary>
public static class AuditPurposes
{
    public static string ReasonIn(string kind, string recordType, Guid recordId) => $"{kind}: reason in {recordType} {recordId}";
}
