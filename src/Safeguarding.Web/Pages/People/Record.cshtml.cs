using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>One person's record. Opening it is decided by the policy and audited, allowed or not.</summary>
public sealed class RecordModel(CurrentActor current, PersonRecords records, SafeguardingDbContext db) : PageModel
{
    public Person? Person { get; private set; }
    public Household? Household { get; private set; }
    public List<(string Organisation, PersonLinkKind Kind)> Links { get; private set; } = [];
    public AccessDecision? Decision { get; private set; }
    public bool CanSeeAccessLog { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var opening = await records.OpenAsync(actor, id, await current.ProcessAsync());
        if (!opening.Found) return NotFound();
        Decision = opening.Decision;
        if (!opening.Decision.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Person = opening.Person;
        if (Person!.HouseholdId is { } householdId)
            Household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId);
        var orgIds = Person.Links.Select(l => l.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Links = Person.Links.Select(l => (names.GetValueOrDefault(l.OrganisationId, "Unknown organisation"), l.Kind)).ToList();
        CanSeeAccessLog = actor.HasAny(Resource.AuditTrail, Operation.Read);
        return Page();
    }
}
