using NodaTime;

namespace Safeguarding.Core.Platform;

/// <summary>A local safeguarding children partnership: the tenant every row belongs to.</summary>
public sealed class Partnership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Short code used in file names and the CLI, e.g. "leeds-demo".</summary>
    public required string Code { get; set; }
    public Instant CreatedAt { get; set; }
}
