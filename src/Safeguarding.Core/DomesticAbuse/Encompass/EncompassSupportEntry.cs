using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// Support a setting gave a child after acknowledging a notification: the second step, added to as the days go on,
/// each entry dated and signed. Acknowledging ("received, planning support") is the first step and stops the clock.
/// </summary>
public sealed class EncompassSupportEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid NotificationId { get; set; }
    /// <summary>Keys of <see cref="KeyAdultInbox.SupportChoices"/>, comma separated.</summary>
    public required string Choices { get; set; }
    public string? Notes { get; set; }
    public Instant RecordedAt { get; set; }
    /// <summary>Null when a system (an API client) recorded it rather than a person.</summary>
    public Guid? RecordedByUserId { get; set; }
}

internal sealed class EncompassSupportEntryMapping : IEntityTypeConfiguration<EncompassSupportEntry>
{
    public void Configure(EntityTypeBuilder<EncompassSupportEntry> b)
    {
        b.ToTable("encompass_support_entries");
        b.Property(e => e.Choices).HasMaxLength(500);
        b.Property(e => e.Notes).HasMaxLength(4000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId);
        b.HasOne<EncompassNotification>().WithMany().HasForeignKey(e => e.NotificationId);
        b.HasIndex(e => new { e.NotificationId, e.RecordedAt });
    }
}
