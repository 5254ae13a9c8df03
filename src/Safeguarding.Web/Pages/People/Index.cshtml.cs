using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// Find a person. The search is a POST so that names never appear in a URL or a log; results only ever
/// include people the user may open, and each search is audited (without its terms).
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    public List<Person>? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await current.RequireAsync();
        var terms = (Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0 || terms.Any(t => t.Length > 100))
        {
            ModelState.AddModelError(nameof(Name), "Enter a given name, a family name or both");
            return Page();
        }

        var partnership = actor.PartnershipId;
        var query = db.People.AsNoTracking().Where(p => p.PartnershipId == partnership);
        foreach (var term in terms.Select(t => t.ToUpperInvariant()))
            query = query.Where(p => p.GivenName.ToUpper().StartsWith(term) || p.FamilyName.ToUpper().StartsWith(term));

        var grants = actor.Grants.Where(g => g.Resource == Resource.Person && g.Operation == Operation.Read).ToList();
        if (grants.All(g => g.Scope != Scope.WholePartnership))
        {
            var org = actor.OrganisationId;
            query = query.Where(p => p.RecordedByOrganisationId == org || p.Links.Any(l => l.OrganisationId == org));
        }
        if (!actor.Grants.Any(g => g.Resource == Resource.SealedRecord && g.Operation == Operation.Read))
            query = query.Where(p => !p.IsSealed);

        Results = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).Take(50).ToListAsync();
        db.QueueAudit(await current.ProcessAsync(), "search", PersonRecords.ResourceType, null, AuditOutcome.Allowed, $"{Results.Count} results shown");
        await db.SaveChangesAsync();
        return Page();
    }
}
