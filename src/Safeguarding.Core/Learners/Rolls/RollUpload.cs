using NodaTime;

namespace Safeguarding.Core.Learners.Rolls;

/// <summary>
/// One roll a setting sent and what became of it, so that the setting's data manager can see when the roll was last
/// refreshed and by whom. Counts only: the pupils themselves are in the registrations and the person index.
/// </summary>
public sealed class RollUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The school or college whose roll it was.</summary>
    public Guid OrganisationId { get; set; }
    public Instant UploadedAt { get; set; }
    public Guid? UploadedByUserId { get; set; }
    /// <summary>The name of the person or system that sent it, as it was then.</summary>
    public required string UploadedBy { get; set; }
    public required string FileName { get; set; }
    public int Listed { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Left { get; set; }
    public int Rejected { get; set; }
}
