using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse;

// Domestic-abuse pathway tables (outside Encompass), prefixed "domestic_abuse_".

internal sealed class DomesticAbuseSettingsMapping : IEntityTypeConfiguration<DomesticAbuseSettings>
{
    public void Configure(EntityTypeBuilder<DomesticAbuseSettings> b)
    {
        b.ToTable("domestic_abuse_settings");
        b.HasKey(s => s.PartnershipId);
        b.Ignore(s => s.Thresholds);
        b.Ignore(s => s.YoungPeopleThresholds);
        b.Property(s => s.FlagContactTelephone).HasMaxLength(40);
        b.HasOne<Partnership>().WithOne().HasForeignKey<DomesticAbuseSettings>(s => s.PartnershipId);
    }
}

internal sealed class SettingChangeMapping : IEntityTypeConfiguration<SettingChange>
{
    public void Configure(EntityTypeBuilder<SettingChange> b)
    {
        b.ToTable("domestic_abuse_setting_changes");
        b.Property(c => c.Setting).HasMaxLength(100);
        b.Property(c => c.OldValue).HasMaxLength(500);
        b.Property(c => c.NewValue).HasMaxLength(500);
        b.Property(c => c.ChangedByName).HasMaxLength(200);
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        b.HasIndex(c => new { c.PartnershipId, c.ChangedAt });
    }
}

internal sealed class StoredChecklistMapping : IEntityTypeConfiguration<StoredChecklist>
{
    public void Configure(EntityTypeBuilder<StoredChecklist> b)
    {
        b.ToTable("domestic_abuse_checklists");
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Definition).HasMaxLength(200_000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        b.HasIndex(c => new { c.PartnershipId, c.Code, c.Version }).IsUnique();
    }
}

internal sealed class RiskAssessmentMapping : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.ToTable("domestic_abuse_risk_assessments");
        b.Property(a => a.ChecklistCode).HasMaxLength(64);
        b.Property(a => a.Answers).HasMaxLength(4000);
        b.Property(a => a.ProfessionalJudgementReason).HasMaxLength(4000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AssessedByOrganisationId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.VictimPersonId);
        b.HasMany(a => a.Children).WithOne().HasForeignKey(c => c.AssessmentId);
        b.HasIndex(a => new { a.PartnershipId, a.Status, a.CompletedAt });
        b.HasIndex(a => a.VictimPersonId);
        b.HasIndex(a => a.IncidentId);
    }
}

internal sealed class AssessmentChildMapping : IEntityTypeConfiguration<AssessmentChild>
{
    public void Configure(EntityTypeBuilder<AssessmentChild> b)
    {
        b.ToTable("domestic_abuse_assessment_children");
        b.Property(c => c.WhatMakesThemHappy).HasMaxLength(2000);
        b.Property(c => c.WhatMakesThemSad).HasMaxLength(2000);
        b.Property(c => c.AnythingWeCanHelpWith).HasMaxLength(2000);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        b.HasIndex(c => new { c.AssessmentId, c.PersonId }).IsUnique();
    }
}

internal sealed class MaracReferralMapping : IEntityTypeConfiguration<MaracReferral>
{
    public void Configure(EntityTypeBuilder<MaracReferral> b)
    {
        b.ToTable("domestic_abuse_marac_referrals");
        b.Property(r => r.ProfessionalJudgementReason).HasMaxLength(2000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.VictimPersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReferredByOrganisationId);
        b.HasIndex(r => new { r.PartnershipId, r.Status, r.ReferralDate });
        b.HasIndex(r => new { r.VictimPersonId, r.ReferralDate });
    }
}

internal sealed class TriageDecisionMapping : IEntityTypeConfiguration<TriageDecision>
{
    public void Configure(EntityTypeBuilder<TriageDecision> b)
    {
        b.ToTable("domestic_abuse_triage_decisions");
        b.Property(d => d.NoFurtherActionReason).HasMaxLength(2000);
        b.Property(d => d.ProfessionalJudgementReason).HasMaxLength(2000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId);
        b.HasIndex(d => new { d.PartnershipId, d.DecidedOn });
        b.HasIndex(d => d.IncidentId);
        b.HasIndex(d => d.RiskAssessmentId);
    }
}

internal sealed class SafetyPlanMapping : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> b)
    {
        b.ToTable("domestic_abuse_safety_plans");
        b.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.VictimPersonId);
        b.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.SafetyPlanId);
        b.HasIndex(p => new { p.PartnershipId, p.AgreedOn });
        b.Property(p => p.EndReason).HasMaxLength(2000);
        // Plans due for review: open ones by review date.
        b.HasIndex(p => new { p.PartnershipId, p.EndedOn, p.ReviewDate });
    }
}

internal sealed class SafetyMeasureMapping : IEntityTypeConfiguration<SafetyMeasure>
{
    public void Configure(EntityTypeBuilder<SafetyMeasure> b)
    {
        b.ToTable("domestic_abuse_safety_measures");
        b.Property(m => m.Measure).HasMaxLength(2000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.ResponsibleOrganisationId);
    }
}

internal sealed class HealthFlagMapping : IEntityTypeConfiguration<HealthFlag>
{
    public void Configure(EntityTypeBuilder<HealthFlag> b)
    {
        b.ToTable("domestic_abuse_health_flags");
        b.Property(f => f.ContactName).HasMaxLength(200);
        b.Property(f => f.ContactTelephone).HasMaxLength(40);
        b.Property(f => f.EndReason).HasMaxLength(1000);
        b.Property(f => f.SourceType).HasMaxLength(64);
        b.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId);
        b.HasOne<Person>().WithMany().HasForeignKey(f => f.ChildPersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.ContactOrganisationId);
        b.HasIndex(f => new { f.ChildPersonId, f.Kind, f.Status });
        b.HasIndex(f => new { f.SourceType, f.SourceId });
    }
}

internal sealed class UnscheduledCareReadMapping : IEntityTypeConfiguration<UnscheduledCareRead>
{
    public void Configure(EntityTypeBuilder<UnscheduledCareRead> b)
    {
        b.ToTable("domestic_abuse_unscheduled_care_reads");
        b.Property(r => r.Purpose).HasMaxLength(UnscheduledCareRead.MaxPurposeLength);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasIndex(r => new { r.PartnershipId, r.At });
    }
}
