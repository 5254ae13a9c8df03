using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.PracticeReviews;

/// <summary>What the partners decided after the rapid review (Working Together 2023).</summary>
public enum ReviewDecision
{
    /// <summary>A local child safeguarding practice review.</summary>
    LocalReview,
    /// <summary>The national panel takes it as a national review.</summary>
    NationalReview,
    /// <summary>No further review: the rapid review found the learning.</summary>
    NoFurtherReview,
}

public enum RecommendationStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// A child safeguarding practice review from the serious incident on: the day the council became aware, the
/// notification to the national panel (due within 5 working days), the rapid review (due within 15 working days of the
/// notification), the decision on a local review, and the local review itself (terms of reference, timeline, reviewer,
/// publication). Due dates are set when the clock starts and never moved.
/// </summary>
public sealed class PracticeReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>How the partnership refers to the review in public ("Child R"): never the child's name.</summary>
    public required string Reference { get; set; }
    public Guid PersonId { get; set; }
    public LocalDate AwareOn { get; set; }
    public LocalDate NotificationDue { get; set; }
    public LocalDate? NotifiedOn { get; set; }
    public LocalDate? RapidReviewDue { get; set; }
    public LocalDate? RapidReviewOn { get; set; }
    public ReviewDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? TermsOfReference { get; set; }
    /// <summary>The timeline of events the review found, one event a line.</summary>
    public string? Timeline { get; set; }
    public string? Reviewer { get; set; }
    public LocalDate? PublishedOn { get; set; }
    public string? PublicationLink { get; set; }
    public Instant CreatedAt { get; set; }
}

/// <summary>A review's recommendation, owned by an agency, tracked to done.</summary>
public sealed class ReviewRecommendation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid ReviewId { get; set; }
    public required string Text { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public LocalDate Due { get; set; }
    public RecommendationStatus Status { get; set; }
    public LocalDate? DoneOn { get; set; }
}

internal sealed class PracticeReviewMappings : IEntityTypeConfiguration<PracticeReview>, IEntityTypeConfiguration<ReviewRecommendation>
{
    public void Configure(EntityTypeBuilder<PracticeReview> b)
    {
        b.ToTable("assurance_practice_reviews");
        b.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Reference).HasMaxLength(100);
        b.Property(r => r.DecisionReason).HasMaxLength(4000);
        b.Property(r => r.TermsOfReference).HasMaxLength(8000);
        b.Property(r => r.Timeline).HasMaxLength(20000);
        b.Property(r => r.Reviewer).HasMaxLength(200);
        b.Property(r => r.PublicationLink).HasMaxLength(500);
        b.HasIndex(r => new { r.PartnershipId, r.AwareOn });
    }

    public void Configure(EntityTypeBuilder<ReviewRecommendation> b)
    {
        b.ToTable("assurance_review_recommendations");
        b.HasOne<PracticeReview>().WithMany().HasForeignKey(r => r.ReviewId);
        b.Property(r => r.Text).HasMaxLength(4000);
        b.HasIndex(r => new { r.PartnershipId, r.Status, r.Due });
    }
}
