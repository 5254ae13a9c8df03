using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.ApiClients;

public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public sealed record Row(ApiClient Client, string Organisation);

    public List<Row> Clients { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        CanManage = AccessPolicy.Decide(actor, Resource.ApiClient, Operation.Create).Allowed;
        var partnership = actor.PartnershipId;
        Clients = (await db.ApiClients.AsNoTracking().Where(c => c.PartnershipId == partnership)
                .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { c, o.Name })
                .OrderBy(x => x.Name).ThenBy(x => x.c.Name).ToListAsync())
            .Select(x => new Row(x.c, x.Name)).ToList();
    }

    /// <summary>Revoking takes effect on the client's next call; the record stays for the audit trail.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        if (!AccessPolicy.Decide(actor, Resource.ApiClient, Operation.Update).Allowed)
        {
            throw new ForbiddenException(nameof(ApiClient), id.ToString(), "no role grants Update on ApiClient");
        }
        var partnership = actor.PartnershipId;
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnership);
        if (client is null) return NotFound();
        if (client.RevokedAt is null)
        {
            db.Process = await current.ProcessAsync();
            client.RevokedAt = db.Clock.GetCurrentInstant();
            await db.SaveChangesAsync();
        }
        return Redirect("/admin/api-clients");
    }
}
