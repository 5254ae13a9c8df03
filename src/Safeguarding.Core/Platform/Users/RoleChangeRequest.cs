using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Users;

/// <summary>
/// An administrator's change to their own roles, waiting for a second administrator: nobody grants themselves access
/// alone. Decided once, by someone other than the person who asked.
/// </summary>
public sealed class RoleChangeRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The account to change, which is also the account of the administrator who asked.</summary>
    public Guid UserId { get; set; }
    /// <summary>The roles asked for, by name, comma-separated.</summary>
    public required string Roles { get; set; }
    public Instant RequestedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public Instant? DecidedAt { get; set; }
    public bool? Approved { get; set; }

    public IReadOnlyList<Role> RoleList =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToList();

    public static string Join(IEnumerable<Role> roles) => string.Join(',', roles.Distinct().Order());
}

internal sealed class RoleChangeRequestMapping : IEntityTypeConfiguration<RoleChangeRequest>
{
    public void Configure(EntityTypeBuilder<RoleChangeRequest> b)
    {
        b.ToTable("platform_role_change_requests");
        b.Property(r => r.Roles).HasMaxLength(2000);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId);
        b.HasIndex(r => new { r.PartnershipId, r.DecidedAt });
        b.Ignore(r => r.RoleList);
    }
}
