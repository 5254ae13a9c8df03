using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Platform;

// The Platform module's tables, all prefixed "platform_".

internal sealed class PartnershipMapping : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.ToTable("platform_partnerships");
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Code).HasMaxLength(64);
        b.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("platform_organisations");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Urn).HasMaxLength(6);
        b.Property(o => o.OdsCode).HasMaxLength(6);
        b.Property(o => o.PoliceForceCode).HasMaxLength(2);
        b.Property(o => o.PhoneNumber).HasMaxLength(30);
        b.Property(o => o.SafeguardingMailbox).HasMaxLength(OrganisationMailboxes.MaxLength);
        b.HasOne<Partnership>().WithMany().HasForeignKey(o => o.PartnershipId);
        b.HasIndex(o => new { o.PartnershipId, o.Urn }).IsUnique();
        b.HasIndex(o => new { o.PartnershipId, o.OdsCode }).IsUnique();
        b.HasIndex(o => new { o.PartnershipId, o.Type });
        b.Ignore(o => o.Identifier);
    }
}

internal sealed class UserMapping : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("platform_users");
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.EnrolmentTokenHash).HasMaxLength(64);
        // Written only by conditional updates (AuthenticatorEnrolment, OneTimeAuthenticatorCodes): Identity's store saves
        // every column of the user it holds, and a stale copy must not put back a used link or an older step.
        foreach (var written in new[] { nameof(User.LastAuthenticatorStep), nameof(User.EnrolmentTokenHash), nameof(User.EnrolmentExpiresAt) })
            b.Property(written).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        b.HasOne<Partnership>().WithMany().HasForeignKey(u => u.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId);
        b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId);
    }
}

internal sealed class UserRoleMapping : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> b)
    {
        b.ToTable("platform_user_roles");
        b.HasKey(r => new { r.UserId, r.Role });
    }
}

internal sealed class ApiClientMapping : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("platform_api_clients");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.ClientId).HasMaxLength(100);
        b.Property(c => c.SecretHash).HasMaxLength(64);
        b.Property(c => c.Scopes).HasMaxLength(1000);
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        b.Ignore(c => c.ScopeSet);
    }
}

internal sealed class BreakGlassAccessMapping : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> b)
    {
        b.ToTable("platform_break_glass_accesses");
        b.Property(x => x.ResourceType).HasMaxLength(100);
        b.Property(x => x.ResourceId).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.UserId, x.ResourceType, x.ResourceId });
        b.HasIndex(x => new { x.PartnershipId, x.ReviewedAt });
    }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("platform_audit_entries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.ResourceType).HasMaxLength(100);
        b.Property(e => e.ResourceId).HasMaxLength(200);
        b.Property(e => e.Purpose).HasMaxLength(2000);
        b.Property(e => e.Process).HasMaxLength(200);
        b.Property(e => e.FromAddress).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(4000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.ResourceType, e.ResourceId });
        b.HasIndex(e => new { e.ActorUserId, e.At });
    }
}

internal sealed class AuditHeadMapping : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("platform_audit_head");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.LastHash).HasMaxLength(64);
    }
}

internal sealed class UserLoginMapping : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>
{
    // LoginProvider holds the OpenID Connect issuer and ProviderKey the subject: users are keyed by both.
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>> b) => b.ToTable("platform_user_logins");
}

internal sealed class UserClaimMapping : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>> b) => b.ToTable("platform_user_claims");
}

internal sealed class UserTokenMapping : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>> b) => b.ToTable("platform_user_tokens");
}

internal sealed class IdempotentRequestMapping : IEntityTypeConfiguration<Idempotency.IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotentRequest> b)
    {
        b.ToTable("platform_idempotent_requests");
        b.Property(r => r.Caller).HasMaxLength(100);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
    }
}

internal sealed class QuarantinedRecordMapping : IEntityTypeConfiguration<Imports.QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<Imports.QuarantinedRecord> b)
    {
        b.ToTable("platform_quarantined_records");
        b.Property(r => r.Kind).HasMaxLength(64);
        b.Property(r => r.Source).HasMaxLength(300);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
        b.HasIndex(r => new { r.PartnershipId, r.Status, r.Kind, r.ReceivedAt });
    }
}
