using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.Training;

/// <summary>A course the partnership offers: who it is for, and whether it is mandatory for them.</summary>
public sealed class Course
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Title { get; set; }
    /// <summary>Who it is for ("designated safeguarding leads", "all practitioners").</summary>
    public required string Audience { get; set; }
    public bool Mandatory { get; set; }
}

/// <summary>One session of a course, on a day, with the places offered.</summary>
public sealed class TrainingSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid CourseId { get; set; }
    public LocalDate Date { get; set; }
    public int PlacesOffered { get; set; }
}

/// <summary>The places one agency took on a session, and how many of them attended. Counts only: no attendee is named.</summary>
public sealed class SessionPlaces
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid SessionId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Taken { get; set; }
    public int Attended { get; set; }
}

/// <summary>One attendee's evaluation of a session, anonymous: confidence before and after (1 to 5) and a comment.</summary>
public sealed class SessionEvaluation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid SessionId { get; set; }
    public int ConfidenceBefore { get; set; }
    public int ConfidenceAfter { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A campaign (the seed's 16 days of action reaching 38,000 people): its dates, days of action and reach.</summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Title { get; set; }
    public LocalDate Starts { get; set; }
    public LocalDate Ends { get; set; }
    public int DaysOfAction { get; set; }
    /// <summary>People reached, as the campaign counted them.</summary>
    public int Reach { get; set; }
}

internal sealed class CourseMapping : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("assurance_courses");
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Audience).HasMaxLength(200);
        b.HasIndex(c => c.PartnershipId);
    }
}

internal sealed class TrainingSessionMapping : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("assurance_training_sessions");
        b.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId);
        b.HasIndex(s => new { s.PartnershipId, s.Date });
    }
}

internal sealed class SessionPlacesMapping : IEntityTypeConfiguration<SessionPlaces>
{
    public void Configure(EntityTypeBuilder<SessionPlaces> b)
    {
        b.ToTable("assurance_session_places");
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(p => p.SessionId);
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId);
        b.HasIndex(p => new { p.SessionId, p.OrganisationId }).IsUnique();
    }
}

internal sealed class SessionEvaluationMapping : IEntityTypeConfiguration<SessionEvaluation>
{
    public void Configure(EntityTypeBuilder<SessionEvaluation> b)
    {
        b.ToTable("assurance_session_evaluations");
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId);
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.HasIndex(e => e.SessionId);
    }
}

internal sealed class CampaignMapping : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("assurance_campaigns");
        b.Property(c => c.Title).HasMaxLength(200);
        b.HasIndex(c => new { c.PartnershipId, c.Starts });
    }
}
