using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

// Operation Encompass tables, prefixed "encompass_".

internal sealed class DomesticIncidentMapping : IEntityTypeConfiguration<DomesticIncident>
{
    public void Configure(EntityTypeBuilder<DomesticIncident> b)
    {
        b.ToTable("encompass_incidents");
        b.Property(i => i.PoliceReference).HasMaxLength(64);
        b.Property(i => i.Postcode).HasMaxLength(10);
        b.Property(i => i.Address).HasMaxLength(300);
        b.Property(i => i.Summary).HasMaxLength(4000);
        b.Property(i => i.Fingerprint).HasMaxLength(64);
        b.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.ForceOrganisationId);
        b.HasIndex(i => new { i.PartnershipId, i.ForceOrganisationId, i.PoliceReference, i.Version }).IsUnique();
        b.HasIndex(i => new { i.PartnershipId, i.IsLatest, i.ReceivedAt });
        b.HasMany(i => i.Adults).WithOne().HasForeignKey(a => a.IncidentId);
        b.HasMany(i => i.Children).WithOne().HasForeignKey(c => c.IncidentId);
    }
}

internal sealed class IncidentAdultMapping : IEntityTypeConfiguration<IncidentAdult>
{
    public void Configure(EntityTypeBuilder<IncidentAdult> b)
    {
        b.ToTable("encompass_incident_adults");
        b.Property(a => a.GivenName).HasMaxLength(100);
        b.Property(a => a.FamilyName).HasMaxLength(100);
        b.Property(a => a.Address).HasMaxLength(300);
        b.Property(a => a.Postcode).HasMaxLength(10);
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class IncidentChildMapping : IEntityTypeConfiguration<IncidentChild>
{
    public void Configure(EntityTypeBuilder<IncidentChild> b)
    {
        b.ToTable("encompass_incident_children");
        b.Property(c => c.GivenName).HasMaxLength(100);
        b.Property(c => c.FamilyName).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.Postcode).HasMaxLength(10);
        b.Property(c => c.Relationship).HasMaxLength(200);
        b.Property(c => c.WhatTheySaid).HasMaxLength(4000);
        b.Property(c => c.SchoolNamed).HasMaxLength(200);
        b.Property(c => c.ChildKey).HasMaxLength(300);
        b.HasIndex(c => c.PersonId);
        b.HasIndex(c => new { c.SettingOutcome, c.ResolvedAt });
    }
}

internal sealed class EncompassNotificationMapping : IEntityTypeConfiguration<EncompassNotification>
{
    public void Configure(EntityTypeBuilder<EncompassNotification> b)
    {
        b.ToTable("encompass_notifications");
        b.Property(n => n.SupportChoices).HasMaxLength(500);
        b.Property(n => n.SupportNotes).HasMaxLength(4000);
        b.Property(n => n.BreachReason).HasMaxLength(1000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId);
        b.HasOne<DomesticIncident>().WithMany().HasForeignKey(n => n.IncidentId);
        b.HasOne<IncidentChild>().WithMany().HasForeignKey(n => n.IncidentChildId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.RecipientOrganisationId);
        b.HasIndex(n => new { n.RecipientOrganisationId, n.Status, n.Deadline });
        b.HasIndex(n => new { n.PartnershipId, n.Status, n.Deadline });
        b.HasIndex(n => n.IncidentChildId);
    }
}

internal sealed class EncompassSettingsMapping : IEntityTypeConfiguration<EncompassSettings>
{
    public void Configure(EntityTypeBuilder<EncompassSettings> b)
    {
        b.ToTable("encompass_settings");
        b.HasKey(s => s.PartnershipId);
        b.Property(s => s.ContactName).HasMaxLength(200);
        b.Property(s => s.ContactDetails).HasMaxLength(500);
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.CouncilOrganisationId);
    }
}

internal sealed class EscalationTaskMapping : IEntityTypeConfiguration<EscalationTask>
{
    public void Configure(EntityTypeBuilder<EscalationTask> b)
    {
        b.ToTable("encompass_escalation_tasks");
        b.Property(t => t.Note).HasMaxLength(1000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId);
        b.HasOne<EncompassNotification>().WithMany().HasForeignKey(t => t.NotificationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.RecipientOrganisationId);
        // The job may run on several hosts at once: one task per notification, whoever gets there first.
        b.HasIndex(t => t.NotificationId).IsUnique();
        b.HasIndex(t => new { t.PartnershipId, t.DoneAt, t.Deadline });
    }
}
