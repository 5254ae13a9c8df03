using NodaTime;

namespace Safeguarding.Core.Platform.Idempotency;

/// <summary>
/// A request sent with an Idempotency-Key and the answer it got: the same key with the same body gets the
/// same answer again; the same key with another body is refused.
/// </summary>
public sealed class IdempotentRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The API client or user that sent it: keys are only unique per caller.</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path and body.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public required string ResponseBody { get; set; }
    public Instant CreatedAt { get; set; }
}
