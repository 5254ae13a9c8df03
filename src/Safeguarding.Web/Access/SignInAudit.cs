using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Access;

/// <summary>Every sign-in attempt on a known account, allowed or refused, goes into the audit trail.</summary>
public static class SignInAudit
{
    public static ProcessContext Process(HttpContext http, User? user = null) =>
        new("web:sign-in",
            user is null ? null : new Actor(user.PartnershipId, user.OrganisationId, user.DisplayName, new HashSet<Role>(), UserId: user.Id),
            FromAddress: http.Connection.RemoteIpAddress?.ToString());

    public static async Task RecordAsync(SafeguardingDbContext db, HttpContext http, User user, AuditOutcome outcome, string how)
    {
        db.ChangeTracker.Clear();
        await new AuditTrail(db).RecordAsync(Process(http, user), AuditActions.SignIn, nameof(User), user.Id.ToString(), outcome, how);
    }
}
