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
public sealed record AddUserOptions(string DisplayName, string Email, Guid OrganisationId, IReadOnlyCollection<Role> Roles, string? OidcIssuer = null, string? OidcSubject = null);

/// <summary>The account made and its initial password (shown once, never stored or emailed), or the identity store's reasons.</summary>
public sealed record AddedUser(User? User, string? InitialPassword, IReadOnlyList<string> Errors);

public sealed record ChangeUserOptions(Guid UserId, IReadOnlyCollection<Role> Roles, bool Disabled);

/// <summary>The partnership's user accounts, for administrators. Staff names and emails are personal data: listing and opening are audited.</summary>
public sealed class UserAdministration(SafeguardingDbContext db, UserManager<User> users)
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
            CreatedAt = db.Clock.GetCurrentInstant(),
            Roles = options.Roles.Distinct().Select(r => new UserRole { Role = r }).ToList(),
        };
        var password = UserAccounts.NewPassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded && !string.IsNullOrWhiteSpace(options.OidcIssuer))
            created = await users.AddLoginAsync(user, new UserLoginInfo(options.OidcIssuer.Trim(), options.OidcSubject!.Trim(), "Organisation sign-in"));
        if (!created.Succeeded) return new AddedUser(null, null, created.Errors.Select(e => e.Description).ToList());
        await transaction.CommitAsync(ct);
        return new AddedUser(user, password, []);
    }

    /// <summary>Sets the user's roles and whether the account is disabled. A new security stamp ends their other sessions, so a removed role stops working at once.</summary>
    public async Task ChangeAsync(ChangeUserOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, options.UserId);
        var partnership = actor.PartnershipId;
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == options.UserId && u.PartnershipId == partnership, ct)
                   ?? throw new NotFoundException(nameof(User), options.UserId.ToString());
        db.Process = process;
        var wanted = options.Roles.Distinct().ToHashSet();
        user.Roles.RemoveAll(r => !wanted.Contains(r.Role));
        user.Roles.AddRange(wanted.Where(r => user.Roles.All(x => x.Role != r)).Select(r => new UserRole { UserId = user.Id, Role = r }));
        user.IsDisabled = options.Disabled;
        await users.UpdateSecurityStampAsync(user);
    }

    private static void Demand(Actor actor, Operation operation, Guid? userId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.User, operation);
        if (!decision.Allowed) throw new ForbiddenException(nameof(User), userId?.ToString(), decision.Reason);
    }
}
