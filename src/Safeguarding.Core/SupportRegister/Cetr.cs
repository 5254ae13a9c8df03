using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Meetings;

namespace Safeguarding.Core.SupportRegister;

// C(E)TRs, admissions and their clocks (issue 15, second slice). Kept plain for the figures: admitted and discharged
// on, whether a community C(E)TR was held before, and each C(E)TR's due and held dates.

/// <summary>The kinds of Care (Education) and Treatment Review and the local-area emergency protocol meeting.</summary>
public enum CetrKind
{
    /// <summary>A community C(E)TR: before an admission, to avoid it.</summary>
    Community,
    /// <summary>A local-area emergency protocol meeting: when there is no time for a community C(E)TR.</summary>
    EmergencyProtocol,
    /// <summary>After an admission that no community C(E)TR preceded.</summary>
    PostAdmission,
    /// <summary>While the child is in hospital, every few months.</summary>
    Inpatient,
}

/// <summary>
/// The C(E)TR referral made on a red entry by the lead practitioner or the complex-needs unit: why now, what has been
/// tried, the family's view. It waits on the unit's queue until a C(E)TR answers it; making it stops the referral clock.
/// </summary>
public sealed class CetrReferral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    public required string WhyNow { get; set; }
    public required string WhatTried { get; set; }
    public required string FamilyView { get; set; }
    /// <summary>When the entry went red, and the referral's due date then (copied: the entry's clock stops).</summary>
    public Instant? RedSince { get; set; }
    public LocalDate? ReferralDue { get; set; }
    public Instant ReferredAt { get; set; }
    public Guid? ReferredByUserId { get; set; }
    public Guid ReferredByOrganisationId { get; set; }
    /// <summary>The C(E)TR that answered it (booked by the unit): it then leaves the queue.</summary>
    public Guid? CetrId { get; set; }
}

/// <summary>
/// One C(E)TR of a child: a clock (post-admission and inpatient C(E)TRs are due by <see cref="Due"/> from the moment
/// they are owed) and, once booked, its meeting on the engine (one series per child, kind <see cref="MeetingKind.CetrReview"/>).
/// Holding it stops its clock; discharge closes a clock not yet held.
/// </summary>
public sealed class Cetr
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    public CetrKind Kind { get; set; }
    /// <summary>The admission that owes it (post-admission and inpatient C(E)TRs).</summary>
    public Guid? AdmissionId { get; set; }
    /// <summary>The last day it may be held on (London); null for a community C(E)TR or emergency protocol meeting, which have no clock of their own.</summary>
    public LocalDate? Due { get; set; }
    public Guid? SeriesId { get; set; }
    public Guid? MeetingId { get; set; }
    public LocalDate? HeldOn { get; set; }
    /// <summary>When its clock stopped without it being held (the child was discharged).</summary>
    public Instant? ClosedAt { get; set; }
    public Instant CreatedAt { get; set; }
    /// <summary>The due date that was escalated to the unit (once per overdue clock).</summary>
    public LocalDate? EscalatedDue { get; set; }
    public Instant? EscalatedAt { get; set; }
}

/// <summary>An admission to a mental health hospital (the child is rated blue while in).</summary>
public sealed class Admission
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    public LocalDate AdmittedOn { get; set; }
    public required string Hospital { get; set; }
    public bool CommunityCetrHeldBefore { get; set; }
    public bool EmergencyProtocolMeetingHeldBefore { get; set; }
    public Instant RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public LocalDate? PlannedDischargeOn { get; set; }
    public LocalDate? DischargedOn { get; set; }
    public Instant? DischargeRecordedAt { get; set; }
    public Guid? DischargeRecordedByUserId { get; set; }

    /// <summary>An admission no community C(E)TR preceded: an exception with a root-cause review.</summary>
    public bool IsException => !CommunityCetrHeldBefore;
}

/// <summary>The root-cause review of an exception (an admission without a community C(E)TR): made with it, answered later.</summary>
public sealed class AdmissionRootCauseReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid AdmissionId { get; set; }
    public bool? WasOnRegister { get; set; }
    public string? WhyNoCommunityCetr { get; set; }
    public string? WhatWouldHavePrevented { get; set; }
    public string? Learning { get; set; }
    public Instant? CompletedAt { get; set; }
    public Guid? CompletedByUserId { get; set; }
}

/// <summary>The partnership's C(E)TR clocks: working days to the post-admission C(E)TR, months between inpatient C(E)TRs.</summary>
public sealed class CetrSettings
{
    /// <summary>NHS England's policy; its interim guidance asks for 5.</summary>
    public const int DefaultPostAdmissionWorkingDays = 10;
    public const int DefaultInpatientMonths = 3;

    public Guid PartnershipId { get; set; }
    public int PostAdmissionWorkingDays { get; set; } = DefaultPostAdmissionWorkingDays;
    public int InpatientMonths { get; set; } = DefaultInpatientMonths;
    public Instant? ChangedAt { get; set; }
    public Guid? ChangedByUserId { get; set; }
}

internal sealed class CetrReferralMapping : IEntityTypeConfiguration<CetrReferral>
{
    public void Configure(EntityTypeBuilder<CetrReferral> b)
    {
        b.ToTable("support_register_cetr_referrals");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(r => r.EntryId);
        b.HasOne<Cetr>().WithMany().HasForeignKey(r => r.CetrId);
        b.Property(r => r.WhyNow).HasMaxLength(4000);
        b.Property(r => r.WhatTried).HasMaxLength(4000);
        b.Property(r => r.FamilyView).HasMaxLength(4000);
        b.HasIndex(r => new { r.PartnershipId, r.CetrId });
        b.HasIndex(r => r.EntryId);
    }
}

internal sealed class CetrMapping : IEntityTypeConfiguration<Cetr>
{
    public void Configure(EntityTypeBuilder<Cetr> b)
    {
        b.ToTable("support_register_cetrs");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(c => c.EntryId);
        b.HasOne<Admission>().WithMany().HasForeignKey(c => c.AdmissionId);
        b.HasOne<MeetingSeries>().WithMany().HasForeignKey(c => c.SeriesId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId);
        b.HasIndex(c => c.EntryId);
        // The unit's list and the escalation: clocks still running, soonest due first.
        b.HasIndex(c => new { c.PartnershipId, c.HeldOn, c.ClosedAt, c.Due });
    }
}

internal sealed class AdmissionMapping : IEntityTypeConfiguration<Admission>
{
    public void Configure(EntityTypeBuilder<Admission> b)
    {
        b.ToTable("support_register_admissions");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(a => a.EntryId);
        b.Property(a => a.Hospital).HasMaxLength(200);
        b.Ignore(a => a.IsException);
        b.HasIndex(a => a.EntryId);
        b.HasIndex(a => new { a.PartnershipId, a.AdmittedOn });
    }
}

internal sealed class AdmissionRootCauseReviewMapping : IEntityTypeConfiguration<AdmissionRootCauseReview>
{
    public void Configure(EntityTypeBuilder<AdmissionRootCauseReview> b)
    {
        b.ToTable("support_register_root_cause_reviews");
        b.HasOne<Admission>().WithMany().HasForeignKey(r => r.AdmissionId);
        b.HasIndex(r => r.AdmissionId).IsUnique();
        b.Property(r => r.WhyNoCommunityCetr).HasMaxLength(4000);
        b.Property(r => r.WhatWouldHavePrevented).HasMaxLength(4000);
        b.Property(r => r.Learning).HasMaxLength(4000);
    }
}

internal sealed class CetrSettingsMapping : IEntityTypeConfiguration<CetrSettings>
{
    public void Configure(EntityTypeBuilder<CetrSettings> b)
    {
        b.ToTable("support_register_cetr_settings");
        b.HasKey(s => s.PartnershipId);
    }
}
