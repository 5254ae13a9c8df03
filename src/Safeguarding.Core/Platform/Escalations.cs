using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform;

/// <summary>
/// What every overdue clock's escalation shares (the Front Door's, the register's C(E)TRs, ROTH's, PIM's): finding the
/// people of a role to tell, and saving the escalation marks with their emails in one save that gives way to another
/// host that escalated the same clocks a moment earlier (the delivery keys are unique).
/// </summary>
public static class Escalations
{
    /// <summary>Everyone enabled with an email who holds the role, by partnership: the people an overdue clock escalates to.</summary>
    public static async Task<ILookup<Guid, (Guid Id, string Email)>> PeopleInRoleAsync(SafeguardingDbContext db, IReadOnlyCollection<Guid> partnerships, Role role,
        CancellationToken ct) =>
        (await db.Users.AsNoTracking()
            .Where(u => partnerships.Contains(u.PartnershipId) && !u.IsDisabled && u.Email != null && u.Roles.Any(r => r.Role == role))
            .Select(u => new { u.Id, u.PartnershipId, u.Email }).ToListAsync(ct))
        .ToLookup(u => u.PartnershipId, u => (u.Id, u.Email!));

    /// <summary>
    /// Saves the run as the background process named, or gives way: false when another host escalated the same clocks
    /// first (a delivery key already taken), whose run then stands.
    /// </summary>
    public static async Task<bool> SaveOrGiveWayAsync(SafeguardingDbContext db, string processName, string purpose, CancellationToken ct)
    {
        db.Process = new ProcessContext(processName, null, purpose, "background", SummariseWrites: true);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
