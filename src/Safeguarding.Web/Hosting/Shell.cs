using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Hosting;

/// <summary>What the page layout shows around every page: partnership, navigation, demo banner.</summary>
public sealed class Shell(CurrentActor current, SafeguardingDbContext db, IOptions<SafeguardingOptions> options)
{
    public sealed record NavigationItem(string Text, string Href);

    public bool DemoMode => options.Value.DemoMode;

    public string? PartnershipName { get; private set; }
    public string? OrganisationName { get; private set; }
    public Actor? Actor { get; private set; }
    public IReadOnlyList<NavigationItem> Navigation { get; private set; } = [];

    public async Task LoadAsync()
    {
        Actor = await current.GetAsync();
        if (Actor is null)
        {
            // Before sign-in a single-partnership deployment still shows whose service this is.
            var names = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).Take(2).ToListAsync();
            PartnershipName = names.Count == 1 ? names[0] : null;
            return;
        }
        var actorPartnership = Actor.PartnershipId;
        var actorOrganisation = Actor.OrganisationId;
        PartnershipName = await db.Partnerships.AsNoTracking().Where(p => p.Id == actorPartnership).Select(p => p.Name).SingleOrDefaultAsync();
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == actorOrganisation).Select(o => o.Name).SingleOrDefaultAsync();

        var items = new List<NavigationItem> { new("Home", "/") };
        if (Actor.HasAny(Resource.Person, Operation.Read)) items.Add(new("People", "/people"));
        if (Actor.HasAny(Resource.HeldLink, Operation.Review)) items.Add(new("Held links", "/held-links"));
        if (Actor.HasAny(Resource.AggregateFigures, Operation.Read)) items.Add(new("School attendance", "/learners"));
        if (Actor.HasAny(Resource.Attendance, Operation.Read)) items.Add(new("Attendance worklist", "/learners/worklist"));
        if (Actor.HasAny(Resource.RiskAssessment, Operation.Create)) items.Add(new("Risk checklists", "/domestic-abuse/dash"));
        if (Actor.HasAny(Resource.MaracReferral, Operation.Update)) items.Add(new("DRAMM", "/domestic-abuse/dramm"));
        if (Actor.HasAny(Resource.MaracReferral, Operation.Read)) items.Add(new("MARAC", "/domestic-abuse/marac"));
        if (Actor.HasAny(Resource.BreakGlassReview, Operation.Review)) items.Add(new("Break-glass reviews", "/audit/break-glass-reviews"));
        if (Actor.HasAny(Resource.Organisation, Operation.Create)) items.Add(new("Organisations", "/admin/organisations"));
        if (Actor.HasAny(Resource.User, Operation.Read)) items.Add(new("Users", "/admin/users"));
        if (Actor.HasAny(Resource.User, Operation.Read)) items.Add(new("Roles", "/admin/roles"));
        if (Actor.HasAny(Resource.ApiClient, Operation.Read)) items.Add(new("API clients", "/admin/api-clients"));
        if (Actor.HasAny(Resource.LinkageSettings, Operation.Read)) items.Add(new("Matching", "/admin/linkage"));
        if (Actor.HasAny(Resource.DomesticIncident, Operation.Create)) items.Add(new("Upload incidents", "/domestic-abuse/encompass/upload"));
        if (Actor.HasAny(Resource.EncompassNotification, Operation.Create)) items.Add(new("Children to place", "/domestic-abuse/encompass/children-to-place"));
        if (Actor.HasAny(Resource.Quarantine, Operation.Read)) items.Add(new("Records not accepted", "/admin/quarantine"));
        if (Actor.HasAny(Resource.Attendance, Operation.Create)) items.Add(new("EHE and CME registers", "/learners/registers/add"));
        if (Actor.HasAny(Resource.PupilRoll, Operation.Create)) items.Add(new("Import attendance files", "/learners/import"));
        if (Actor.HasAny(Resource.AggregateFigures, Operation.Update)) items.Add(new("Population for CME rate", "/learners/population"));
        if (Actor.Grants.Any(g => g is { Resource: Resource.EncompassNotification, Operation: Operation.Read, Scope: Scope.OwnOrganisation }))
            items.Add(new("Encompass notifications", "/domestic-abuse/encompass/inbox"));
        if (Actor.HasAny(Resource.EncompassNotification, Operation.Review)) items.Add(new("Phone the school", "/domestic-abuse/encompass/phone-the-school"));
        if (Actor.SeesPartnershipFigures) items.Add(new("Encompass timeliness", "/domestic-abuse/encompass/timeliness"));
        if (Actor.HasAny(Resource.Deliveries, Operation.Read)) items.Add(new("Deliveries", "/admin/deliveries"));
        if (Actor.HasAny(Resource.Deliveries, Operation.Read)) items.Add(new("Webhooks", "/admin/webhooks"));
        if (Actor.HasAny(Resource.PupilRoll, Operation.Create)) items.Add(new("Pupil roll", "/learners/rolls"));
        if (Actor.HasAny(Resource.SchoolCalendar, Operation.Read)) items.Add(new("School calendars", "/calendars"));
        Navigation = items;
    }
}
