using Microsoft.AspNetCore.Identity;
using NodaTime;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Users;

/// <summary>A person who signs in. They act for one organisation in one partnership.</summary>
public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string DisplayName { get; set; }
    public Instant CreatedAt { get; set; }
    public bool IsDisabled { get; set; }
    public List<UserRole> Roles { get; set; } = [];

    /// <summary>
    /// The last authenticator time step accepted: a code for this step or an earlier one is refused. Advanced only by a
    /// conditional update, so two requests racing with one code cannot both win.
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>SHA-256 of the single-use link that lets the person set up their authenticator; the link itself is only emailed.</summary>
    public string? EnrolmentTokenHash { get; set; }
    public Instant? EnrolmentExpiresAt { get; set; }
}

/// <summary>A role held by a user; what the role may do is in <see cref="RoleCatalogue"/>.</summary>
public sealed class UserRole
{
    public Guid UserId { get; set; }
    public Role Role { get; set; }
}
