using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.Voice;

/// <summary>Where a child's or family's words came from.</summary>
public enum VoiceSource
{
    /// <summary>The child's voice recorded in an assessment or a plan.</summary>
    AssessmentOrPlan,
    /// <summary>Young people's feedback from a project (such as Voices).</summary>
    Project,
    /// <summary>A feedback form a practitioner filled in with the child or family.</summary>
    FeedbackForm,
}

/// <summary>A theme the business manager keeps for tagging what children and families say.</summary>
public sealed class VoiceTheme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    public Instant CreatedAt { get; set; }
}

/// <summary>
/// One piece of feedback. Only words the child agreed to share are kept, and only once anonymised (names, dates,
/// addresses and schools taken out): <see cref="SharedWords"/> is null when they did not agree, so unagreed words are
/// never stored here, let alone shown. The item is still counted by source and theme.
/// </summary>
public sealed class VoiceItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public VoiceSource Source { get; set; }
    /// <summary>The project the feedback came from, for <see cref="VoiceSource.Project"/>.</summary>
    public string? Project { get; set; }
    public LocalDate GivenOn { get; set; }
    public bool AgreedToShare { get; set; }
    public string? SharedWords { get; set; }
    public Guid RecordedByOrganisationId { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public Instant RecordedAt { get; set; }
    public List<VoiceItemTheme> Themes { get; set; } = [];
}

public sealed class VoiceItemTheme
{
    public Guid ItemId { get; set; }
    public Guid ThemeId { get; set; }
}

internal sealed class VoiceMappings : IEntityTypeConfiguration<VoiceTheme>, IEntityTypeConfiguration<VoiceItem>, IEntityTypeConfiguration<VoiceItemTheme>
{
    public void Configure(EntityTypeBuilder<VoiceTheme> b)
    {
        b.ToTable("assurance_voice_themes");
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasIndex(t => new { t.PartnershipId, t.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<VoiceItem> b)
    {
        b.ToTable("assurance_voice_items");
        b.Property(i => i.Project).HasMaxLength(200);
        b.Property(i => i.SharedWords).HasMaxLength(4000);
        b.HasMany(i => i.Themes).WithOne().HasForeignKey(t => t.ItemId);
        b.HasIndex(i => new { i.PartnershipId, i.GivenOn });
    }

    public void Configure(EntityTypeBuilder<VoiceItemTheme> b)
    {
        b.ToTable("assurance_voice_item_themes");
        b.HasKey(t => new { t.ItemId, t.ThemeId });
        b.HasOne<VoiceTheme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
