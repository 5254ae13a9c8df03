using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Users;

public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Email, string Organisation, IReadOnlyList<Role> Roles, bool Mfa, bool Disabled);

    public List<Row> Users { get; private set; } = [];
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        CanAdd = AccessPolicy.Decide(actor, Resource.User, Operation.Create).Allowed;
        var partnership = actor.PartnershipId;
        Users = (await db.Users.AsNoTracking().Include(u => u.Roles)
                .Where(u => u.PartnershipId == partnership)
                .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u, Organisation = o.Name })
                .OrderBy(x => x.Organisation).ThenBy(x => x.u.DisplayName)
                .ToListAsync())
            .Select(x => new Row(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.Organisation, x.u.Roles.Select(r => r.Role).Order().ToList(), x.u.TwoFactorEnabled, x.u.IsDisabled))
            .ToList();
        // Staff names and emails are personal data too.
        db.QueueAudit(await current.ProcessAsync(), Safeguarding.Core.Platform.Audit.AuditActions.Read, nameof(Safeguarding.Core.Platform.Users.User), null,
            Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed, $"{Users.Count} users listed");
        await db.SaveChangesAsync();
    }
}
