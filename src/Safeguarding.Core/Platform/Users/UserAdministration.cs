using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Platform.Users;

public sealed record UserRow(Guid Id, string Name, string Email, string Organisation, IReadOnlyList<Role> Roles, bool Mfa, bool Disabled);

/// <summary>A user to edit, with the name of the organisation they work for.</summary>
public sealed record UserToEdit(User User, string OrganisationName);

/// <summary>
/// A person to give an account. With an identity provider's issuer and subject they sign in through their
/// organisation; the initial password is for the first sign-in otherwise.
/// </summary>
public sealed record AddUserOptions(string DisplayName, string Email, Guid OrganisationId, IReadOnlyCollection<Role> Roles, string? OidcIssuer = null, string? OidcSubject = null,
    string? PhoneNumber = null);

/// <summary>
/// The account made and its initial password (shown once, never stored or emailed), or the identity store's reasons.
/// The authenticator is set up through a single-use link emailed to the person (<see cref="AuthenticatorEnrolment"/>).
/// </summary>
public sealed record AddedUser(User? User, string? InitialPassword, IReadOnlyList<string> Errors);

/// <summary>
/// Roles, whether disabled, and the work phone number when it is to change: <see cref="Phone"/> null leaves the number
/// as it is, so a caller changing something else never wipes it; a <see cref="PhoneNumberChange"/> sets it, or removes it.
/// </summary>
public sealed record ChangeUserOptions(Guid UserId, IReadOnlyCollection<Role> Roles, bool Disabled, PhoneNumberChange? Phone = null);

/// <summary>A new work phone number (checked as a UK number by the page), or none: null or blank removes the number.</summary>
public sealed record PhoneNumberChange(string? PhoneNumber)
{
    public static readonly PhoneNumberChange Remove = new((string?)null);
}

/// <summary>The roles an administrator asks for on their own account; another administrator decides.</summary>
public sealed record RequestOwnRolesOptions(IReadOnlyCollection<Role> Roles);

public sealed record DecideRoleChangeOptions(Guid RequestId, bool Approve);

/// <summary>A change to an administrator's own roles waiting for a second administrator; Own when the reader asked for it.</summary>
public sealed record PendingRoleChange(Guid Id, Guid UserId, string Name, IReadOnlyList<Role> Current, IReadOnlyList<Role> Requested, bool Own);

/// <summary>The partnership's user accounts, for administrators. Staff names and emails are personal data: listing and opening are audited.</summary>
public sealed class UserAdministration(SafeguardingDbContext db, UserManager<User> users, AuthenticatorEnrolment enrolment)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var partnership = actor.PartnershipId;
        var rows = (await db.Users.AsNoTracking().Include(u => u.Roles)
                .Where(u => u.PartnershipId == partnership)
                .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u, Organisation = o.Name })
                .OrderBy(x => x.Organisation).ThenBy(x => x.u.DisplayName)
                .ToListAsync(ct))
            .Select(x => new UserRow(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.Organisation, x.u.Roles.Select(r => r.Role).Order().ToList(), x.u.TwoFactorEnabled, x.u.IsDisabled))
            .ToList();
        db.QueueAudit(process, AuditActions.Read, nameof(User), null, AuditOutcome.Allowed, $"{rows.Count} users listed");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>The user, without auditing (for a form answered again); null when the partnership has no such user.</summary>
    public async Task<UserToEdit?> FindAsync(Guid userId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, userId);
        var partnership = actor.PartnershipId;
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId && u.PartnershipId == partnership, ct);
        if (user is null) return null;
        var organisation = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new UserToEdit(user, organisation);
    }

    /// <summary>The user, opened for an administrator to read: audited.</summary>
    public async Task<UserToEdit?> OpenAsync(Guid userId, ProcessContext process, CancellationToken ct = default)
    {
        var found = await FindAsync(userId, process, ct);
        if (found is null) return null;
        db.QueueAudit(process, AuditActions.Read, nameof(User), userId.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return found;
    }

    public async Task<bool> EmailInUseAsync(string email) => await users.FindByEmailAsync(email.Trim()) is not null;

    public async Task<AddedUser> AddAsync(AddUserOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create, null);
        db.Process = process;
        var email = options.Email.Trim();
        var user = new User
        {
            PartnershipId = actor.PartnershipId,
            OrganisationId = options.OrganisationId,
            DisplayName = options.DisplayName.Trim(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            PhoneNumber = UkPhoneNumbers.Tidy(options.PhoneNumber),
            CreatedAt = db.Clock.GetCurrentInstant(),
            Roles = options.Roles.Distinct().Select(r => new UserRole { Role = r }).ToList(),
        };
        var password = UserAccounts.NewPassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded && !string.IsNullOrWhiteSpace(options.OidcIssuer))
            created = await users.AddLoginAsync(user, new UserLoginInfo(options.OidcIssuer.Trim(), options.OidcSubject!.Trim(), "Organisation sign-in"));
        if (!created.Succeeded) return new AddedUser(null, null, created.Errors.Select(e => e.Description).ToList());
        // The password alone does not set up the authenticator: that takes the link emailed to the person.
        await enrolment.IssueAsync(user, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AddedUser(user, password, []);
    }

    /// <summary>
    /// Emails a new set-up link (the old one stops working) to a user who has not set up their authenticator yet.
    /// False when the partnership has no such user or they already have an authenticator.
    /// </summary>
    public async Task<bool> SendEnrolmentLinkAsync(Guid userId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, userId);
        var partnership = actor.PartnershipId;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.PartnershipId == partnership && !u.IsDisabled, ct);
        if (user is null || user.TwoFactorEnabled) return false;
        db.Process = process;
        await enrolment.IssueAsync(user, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sets the user's roles, whether the account is disabled and, when given, the phone number. A new security stamp ends their other sessions, so a removed role stops working at once.</summary>
    public async Task ChangeAsync(ChangeUserOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, options.UserId);
        var partnership = actor.PartnershipId;
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == options.UserId && u.PartnershipId == partnership, ct)
                   ?? throw new NotFoundException(nameof(User), options.UserId.ToString());
        // Nobody changes their own roles alone: that goes through RequestOwnRolesAsync and a second administrator.
        if (user.Id == actor.UserId && !user.Roles.Select(r => r.Role).ToHashSet().SetEquals(options.Roles))
            throw new ForbiddenException(nameof(User), options.UserId.ToString(), "a change to your own roles needs a second administrator");
        db.Process = process;
        SetRoles(user, options.Roles);
        user.IsDisabled = options.Disabled;
        if (options.Phone is { } phone) user.PhoneNumber = UkPhoneNumbers.Tidy(phone.PhoneNumber);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Asks for a change to the actor's own roles. Nothing changes until another administrator approves it.</summary>
    public async Task<RoleChangeRequest> RequestOwnRolesAsync(RequestOwnRolesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var userId = actor.UserId ?? throw new ForbiddenException(nameof(User), null, "only a person has roles to change");
        Demand(actor, Operation.Update, userId);
        db.Process = process;
        var request = new RoleChangeRequest
        {
            PartnershipId = actor.PartnershipId,
            UserId = userId,
            Roles = RoleChangeRequest.Join(options.Roles),
            RequestedAt = db.Clock.GetCurrentInstant(),
        };
        db.Set<RoleChangeRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>Changes to administrators' own roles waiting for a decision in the actor's partnership, oldest first.</summary>
    public async Task<IReadOnlyList<PendingRoleChange>> PendingRoleChangesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, null);
        var partnership = actor.PartnershipId;
        var pending = await db.Set<RoleChangeRequest>().AsNoTracking()
            .Where(r => r.PartnershipId == partnership && r.DecidedAt == null)
            .Join(db.Users.Include(u => u.Roles), r => r.UserId, u => u.Id, (r, u) => new { r, u })
            .ToListAsync(ct);
        return pending.OrderBy(x => x.r.RequestedAt)
            .Select(x => new PendingRoleChange(x.r.Id, x.u.Id, x.u.DisplayName, x.u.Roles.Select(r => r.Role).Order().ToList(), x.r.RoleList, x.u.Id == actor.UserId))
            .ToList();
    }

    /// <summary>
    /// A second administrator approves or refuses a change to someone's own roles; the person who asked cannot decide it.
    /// False when the partnership has no such request waiting.
    /// </summary>
    public async Task<bool> DecideRoleChangeAsync(DecideRoleChangeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, options.RequestId);
        var partnership = actor.PartnershipId;
        var request = await db.Set<RoleChangeRequest>()
            .SingleOrDefaultAsync(r => r.Id == options.RequestId && r.PartnershipId == partnership && r.DecidedAt == null, ct);
        if (request is null) return false;
        if (request.UserId == actor.UserId)
            throw new ForbiddenException(nameof(RoleChangeRequest), request.Id.ToString(), "nobody approves a change to their own roles");
        db.Process = process;
        request.DecidedAt = db.Clock.GetCurrentInstant();
        request.DecidedByUserId = actor.UserId;
        request.Approved = options.Approve;
        if (!options.Approve)
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Id == request.UserId, ct);
        SetRoles(user, request.RoleList);
        // Saves the request's decision with the roles, and ends the person's other sessions.
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    private static void SetRoles(User user, IEnumerable<Role> roles)
    {
        var wanted = roles.Distinct().ToHashSet();
        user.Roles.RemoveAll(r => !wanted.Contains(r.Role));
        user.Roles.AddRange(wanted.Where(r => user.Roles.All(x => x.Role != r)).Select(r => new UserRole { UserId = user.Id, Role = r }));
    }

    private static void Demand(Actor actor, Operation operation, Guid? userId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.User, operation);
        if (!decision.Allowed) throw new ForbiddenException(nameof(User), userId?.ToString(), decision.Reason);
    }
}
