using NodaTime;

namespace Safeguarding.Core.Learners.Registers;

/// <summary>
/// The partnership's population aged 5 to 16, the denominator of the children-missing-education rate, with where the
/// figure came from (for example "ONS mid-year estimate 2023"). One per partnership; a change is an audited write.
/// </summary>
public sealed class LearnerPopulation
{
    public Guid PartnershipId { get; set; }
    public int Aged5To16 { get; set; }
    public required string Source { get; set; }
    public Instant UpdatedAt { get; set; }
}
