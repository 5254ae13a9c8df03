using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Meetings;

// Meeting engine tables, prefixed "meetings_".

internal sealed class MeetingSeriesMapping : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> b)
    {
        b.ToTable("meetings_series");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Location).HasMaxLength(300);
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.ChairOrganisationId);
        b.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SeriesId);
        b.HasMany(s => s.Representatives).WithOne().HasForeignKey(r => r.SeriesId);
        b.HasIndex(s => new { s.PartnershipId, s.Kind });
    }
}

internal sealed class SeriesMemberMapping : IEntityTypeConfiguration<SeriesMember>
{
    public void Configure(EntityTypeBuilder<SeriesMember> b)
    {
        b.ToTable("meetings_series_members");
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId);
        b.HasIndex(m => new { m.SeriesId, m.OrganisationId }).IsUnique();
    }
}

internal sealed class SeriesRepresentativeMapping : IEntityTypeConfiguration<SeriesRepresentative>
{
    public void Configure(EntityTypeBuilder<SeriesRepresentative> b)
    {
        b.ToTable("meetings_series_representatives");
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasOne<Platform.Users.User>().WithMany().HasForeignKey(r => r.UserId);
        b.HasIndex(r => new { r.SeriesId, r.UserId }).IsUnique();
    }
}

internal sealed class MeetingMapping : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("meetings_meetings");
        b.Property(m => m.Minutes).HasMaxLength(100_000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId);
        b.HasOne<MeetingSeries>().WithMany().HasForeignKey(m => m.SeriesId);
        b.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId);
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId);
        b.HasMany(m => m.MinutesRecipients).WithOne().HasForeignKey(r => r.MeetingId);
        b.HasIndex(m => new { m.SeriesId, m.Date }).IsUnique();
    }
}

internal sealed class MeetingAttendeeMapping : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.ToTable("meetings_attendees");
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Email).HasMaxLength(256);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId);
        b.HasIndex(a => new { a.UserId, a.MeetingId });
    }
}

internal sealed class AgendaItemMapping : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("meetings_agenda_items");
        b.Property(a => a.SubjectDescription).HasMaxLength(300);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.SourceType).HasMaxLength(64);
        b.HasMany(a => a.Research).WithOne().HasForeignKey(r => r.AgendaItemId);
        b.HasMany(a => a.Decisions).WithOne().HasForeignKey(d => d.AgendaItemId);
        b.HasIndex(a => a.SubjectPersonId);
        b.HasIndex(a => new { a.SourceType, a.SourceId });
    }
}

internal sealed class AgencyResearchMapping : IEntityTypeConfiguration<AgencyResearch>
{
    public void Configure(EntityTypeBuilder<AgencyResearch> b)
    {
        b.ToTable("meetings_research");
        b.Property(r => r.Findings).HasMaxLength(8000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
    }
}

internal sealed class MeetingDecisionMapping : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.ToTable("meetings_decisions");
        b.Property(d => d.Decision).HasMaxLength(4000);
    }
}

internal sealed class MeetingActionMapping : IEntityTypeConfiguration<MeetingAction>
{
    public void Configure(EntityTypeBuilder<MeetingAction> b)
    {
        b.ToTable("meetings_actions");
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.CompletionNote).HasMaxLength(2000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId);
        b.HasOne<Platform.Users.User>().WithMany().HasForeignKey(a => a.OwnerUserId);
        b.HasIndex(a => new { a.PartnershipId, a.Status, a.DueDate });
        b.HasIndex(a => new { a.OwnerOrganisationId, a.Status, a.DueDate });
    }
}

internal sealed class MinutesRecipientMapping : IEntityTypeConfiguration<MinutesRecipient>
{
    public void Configure(EntityTypeBuilder<MinutesRecipient> b)
    {
        b.ToTable("meetings_minutes_recipients");
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasIndex(r => new { r.MeetingId, r.OrganisationId }).IsUnique();
    }
}
