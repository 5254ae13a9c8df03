using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        CanAdd = AccessPolicy.Decide(actor, Resource.Organisation, Operation.Create).Allowed;
        var partnership = actor.PartnershipId;
        var query = db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership);
        // Roles that only see their own organisation get just that one.
        if (!actor.Grants.Any(g => g.Resource == Resource.Organisation && g.Operation == Operation.Read && g.Scope == Scope.WholePartnership))
            query = query.Where(o => o.Id == actor.OrganisationId);
        Organisations = await query.OrderBy(o => o.Type).ThenBy(o => o.Name).ToListAsync();
    }
}
