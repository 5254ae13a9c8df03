using NodaTime;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// A record received (through the API, a file or a form) that could not be accepted, kept exactly as it came
/// with the reason, so nothing received is ever lost: an administrator corrects it and releases it, or
/// discards it with a reason.
/// </summary>
public sealed class QuarantinedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>What kind of record it is, named by the module that owns it ("encompass-incident", "attendance-marks").</summary>
    public required string Kind { get; set; }
    /// <summary>Where it came from: the API client, or the file's name with its line number.</summary>
    public required string Source { get; set; }
    /// <summary>The organisation that sent it, when known.</summary>
    public Guid? SentByOrganisationId { get; set; }
    /// <summary>The record exactly as received (a JSON document, a CSV line, an XML element).</summary>
    public required string Raw { get; set; }
    /// <summary>Why it was not accepted, in words an administrator can act on; one reason per line.</summary>
    public required string Reason { get; set; }
    public Instant ReceivedAt { get; set; }
    public QuarantineStatus Status { get; set; } = QuarantineStatus.Waiting;
    /// <summary>The corrected record, when an administrator corrected it before releasing it.</summary>
    public string? Corrected { get; set; }
    public Instant? ResolvedAt { get; set; }
    public Guid? ResolvedByUserId { get; set; }
    /// <summary>Why it was discarded, or what was done on release.</summary>
    public string? Resolution { get; set; }
}

public enum QuarantineStatus
{
    Waiting,
    Released,
    Discarded,
}
