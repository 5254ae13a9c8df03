using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Hosting;

/// <summary>What the page layout shows around every page: partnership, navigation, demo banner.</summary>
public sealed class Shell(CurrentActor current, SafeguardingDbContext db, IOptions<SafeguardingOptions> options)
{
    public sealed record NavigationItem(string Text, string Href, string Section = "");

    /// <summary>A part of the service in the top navigation, with its pages beneath when a role has many.</summary>
    public sealed record NavigationSection(string Text, string Href, IReadOnlyList<NavigationItem> Items);

    /// <summary>A role with more pages than this sees sections in the top navigation and the section's pages below it.</summary>
    public const int MostItemsUngrouped = 7;

    private bool _loaded;

    private const string PeopleSection = "People", DomesticAbuse = "Domestic abuse", Learners = "Learners", Administration = "Administration";
    private const string Exploitation = "Exploitation";

    public bool DemoMode => options.Value.DemoMode;

    public string? PartnershipName { get; private set; }
    public string? OrganisationName { get; private set; }
    public Actor? Actor { get; private set; }
    public IReadOnlyList<NavigationItem> Navigation { get; private set; } = [];

    /// <summary>
    /// The top navigation: every page when a role has few, otherwise one entry per section (leading to its first page),
    /// so that no role sees rows of links.
    /// </summary>
    public IReadOnlyList<NavigationSection> Sections { get; private set; } = [];

    /// <summary>The one page of the navigation the path belongs to: the longest that starts it, so only one is highlighted.</summary>
    public NavigationItem? CurrentItem(PathString path) => Navigation
        .Where(i => path.Equals(i.Href, StringComparison.OrdinalIgnoreCase) || (i.Href != "/" && path.StartsWithSegments(i.Href, StringComparison.OrdinalIgnoreCase)))
        .MaxBy(i => i.Href.Length);

    /// <summary>The section whose pages are listed under the top navigation on this path, when the navigation is grouped.</summary>
    public NavigationSection? CurrentSection(PathString path) =>
        CurrentItem(path) is { } item ? Sections.FirstOrDefault(s => s.Items.Count > 1 && s.Items.Contains(item)) : null;

    public async Task LoadAsync()
    {
        // A page may load it before the layout does (the status page): once per request is enough.
        if (_loaded) return;
        _loaded = true;
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
        if (Actor.HasAny(Resource.Person, Operation.Read)) items.Add(new("People", "/people", PeopleSection));
        if (Actor.HasAny(Resource.HeldLink, Operation.Review)) items.Add(new("Held links", "/held-links", PeopleSection));
        if (Actor.HasAny(Resource.AggregateFigures, Operation.Read)) items.Add(new("School attendance", "/learners", Learners));
        if (Actor.HasAny(Resource.Attendance, Operation.Read)) items.Add(new("Attendance worklist", "/learners/worklist", Learners));
        if (Actor.HasAny(Resource.RiskAssessment, Operation.Create)) items.Add(new("Risk checklists", "/domestic-abuse/dash", DomesticAbuse));
        if (Actor.HasAny(Resource.MaracReferral, Operation.Update)) items.Add(new("DRAMM", "/domestic-abuse/dramm", DomesticAbuse));
        if (Actor.HasAny(Resource.MaracReferral, Operation.Read) || Actor.SeesPartnershipFigures) items.Add(new("MARAC", "/domestic-abuse/marac", DomesticAbuse));
        if (Actor.HasAny(Resource.MaracReferral, Operation.Create)) items.Add(new("Refer to MARAC", "/domestic-abuse/marac/refer", DomesticAbuse));
        if (Actor.HasAny(Resource.Meeting, Operation.Read)) items.Add(new("My meetings", "/meetings/mine", DomesticAbuse));
        if (Actor.HasAny(Resource.ChildrensSocialWorkReferral, Operation.Update)) items.Add(new("Referrals from the DRAMM", "/domestic-abuse/referrals/social-work", DomesticAbuse));
        if (Actor.HasAny(Resource.IdvaReferral, Operation.Update)) items.Add(new("Cases allocated to you", "/domestic-abuse/referrals/idva", DomesticAbuse));
        if (Actor.HasAny(Resource.BreakGlassReview, Operation.Review)) items.Add(new("Break-glass reviews", "/audit/break-glass-reviews", Administration));
        if (Actor.HasAny(Resource.Organisation, Operation.Create)) items.Add(new("Organisations", "/admin/organisations", Administration));
        if (Actor.HasAny(Resource.User, Operation.Read)) items.Add(new("Users", "/admin/users", Administration));
        if (Actor.HasAny(Resource.User, Operation.Read)) items.Add(new("Roles", "/admin/roles", Administration));
        if (Actor.HasAny(Resource.ApiClient, Operation.Read)) items.Add(new("API clients", "/admin/api-clients", Administration));
        if (Actor.HasAny(Resource.LinkageSettings, Operation.Read)) items.Add(new("Matching", "/admin/linkage", Administration));
        if (Actor.HasAny(Resource.DomesticIncident, Operation.Create)) items.Add(new("Upload incidents", "/domestic-abuse/encompass/upload", DomesticAbuse));
        if (Actor.HasAny(Resource.EncompassNotification, Operation.Create)) items.Add(new("Children to place", "/domestic-abuse/encompass/children-to-place", DomesticAbuse));
        if (Actor.HasAny(Resource.Quarantine, Operation.Read)) items.Add(new("Records not accepted", "/admin/quarantine", Administration));
        if (Actor.HasAny(Resource.Attendance, Operation.Create)) items.Add(new("EHE and CME registers", "/learners/registers/add", Learners));
        if (Actor.HasAny(Resource.PupilRoll, Operation.Create)) items.Add(new("Import attendance files", "/learners/import", Learners));
        if (Actor.HasAny(Resource.AggregateFigures, Operation.Update)) items.Add(new("Population for CME rate", "/learners/population", Learners));
        if (Actor.Grants.Any(g => g is { Resource: Resource.EncompassNotification, Operation: Operation.Read, Scope: Scope.OwnOrganisation }))
            items.Add(new("Encompass notifications", "/domestic-abuse/encompass/inbox", DomesticAbuse));
        if (Actor.HasAny(Resource.EncompassNotification, Operation.Review)) items.Add(new("Phone the school", "/domestic-abuse/encompass/phone-the-school", DomesticAbuse));
        if (Actor.SeesPartnershipFigures) items.Add(new("Encompass timeliness", "/domestic-abuse/encompass/timeliness", DomesticAbuse));
        if (Actor.HasAny(Resource.Deliveries, Operation.Read)) items.Add(new("Deliveries", "/admin/deliveries", Administration));
        if (Actor.HasAny(Resource.Deliveries, Operation.Read)) items.Add(new("Webhooks", "/admin/webhooks", Administration));
        if (Actor.HasAny(Resource.PartnershipSettings, Operation.Read)) items.Add(new("Pathway settings", "/admin/settings", Administration));
        if (Actor.HasAny(Resource.SafetyPlan, Operation.Read)) items.Add(new("Safety plans", "/domestic-abuse/safety-plans", DomesticAbuse));
        if (Actor.SeesPartnershipFigures) items.Add(new("Safety plan figures", "/domestic-abuse/safety-plan-figures", DomesticAbuse));
        // The roll page is entered with Create and shows the setting's uploads with Read: offered only to who holds both.
        if (Actor.HasAny(Resource.PupilRoll, Operation.Create) && Actor.HasAny(Resource.PupilRoll, Operation.Read)) items.Add(new("Pupil roll", "/learners/rolls", Learners));
        if (Actor.HasAny(Resource.SchoolCalendar, Operation.Read)) items.Add(new("School calendars", "/calendars", Learners));
        // Offered to those with a list to work or files to send; a MACE attendee reads intelligence from the meeting's page.
        if (Enum.GetValues<Core.Exploitation.Intelligence.IntelligenceList>().Any(l => Core.Exploitation.Intelligence.IntelligenceItems.HasList(Actor, l))
            || Actor.HasAny(Resource.IntelligenceItem, Operation.Create))
            items.Add(new("Police intelligence", "/exploitation/intelligence", Exploitation));
        if (Actor.HasAny(Resource.PartnershipSettings, Operation.Update)) items.Add(new("PIM settings", "/exploitation/intelligence/settings", Administration));
        // The ward's self-assessments for the ED nurse; the Navigator's lists for the service and the trust's referrers.
        if (Actor.HasAny(Resource.EdSelfAssessment, Operation.Update)) items.Add(new("Self-assessments", "/health/self-assessments", "Health"));
        if (Actor.HasAny(Resource.NavigatorReferral, Operation.Read)) items.Add(new("A&E Navigator", "/exploitation/navigator", Exploitation));
        // Under-18 maternity bookings' screening (midwives, the Front Door), and the YOI's release plans for the resettlement team only.
        if (Actor.HasAny(Resource.MaternityBooking, Operation.Update)) items.Add(new("Under-18 bookings", "/exploitation/maternity", Exploitation));
        if (Actor.Roles.Contains(Role.ResettlementPractitioner)) items.Add(new("Release plans", "/exploitation/resettlement", Exploitation));
        ShieldNavigation(items);
        // ROTH: the chairs and service managers who keep every clock; NRM: the first responders who refer.
        if (Actor.Grants.Any(g => g is { Resource: Resource.RothCase, Operation: Operation.Read, Scope: Scope.WholePartnership })) items.Add(new("ROTH conferences", "/exploitation/roth", Exploitation));
        if (Actor.HasAny(Resource.NrmReferral, Operation.Create)) items.Add(new("NRM referrals", "/exploitation/nrm", Exploitation));
        // The Dynamic Support Register: for who keeps it, leads entries, or sees pupils' and patients' under consent.
        if (Actor.HasAny(Resource.SupportRegisterEntry, Operation.Read)) items.Add(new("Support register", "/support-register", "Health"));
        if (Core.SupportRegister.RegisterFigures.MayRead(Actor)) items.Add(new("Support register figures", "/support-register/figures", "Health"));
        // The emergency department's record (issue 14): the trust's ED nurse, the council's CME/NEET lead, a setting's roll differences.
        if (Actor.HasAny(Resource.EdAttendance, Operation.Read)) items.Add(new("ED attendances", "/health/ed-attendances", "Health"));
        if (Actor.Grants.Any(g => g is { Resource: Resource.EducationSignposting, Operation: Operation.Read, Scope: Scope.WholePartnership }))
            items.Add(new("Education signposting", "/learners/signposting", Learners));
        // The partnership's own business (issue 16), one section: returns for the sub-group and each agency's lead; the plan and training for its keepers and figures readers.
        if (Actor.HasAny(Resource.AssuranceReturn, Operation.Read)) items.Add(new("Assurance returns", "/assurance/returns", "Partnership"));
        if (Actor.SeesPartnershipFigures || Actor.HasAny(Resource.PartnershipPlan, Operation.Read)) items.Add(new("Priorities and work plans", "/assurance/plan", "Partnership"));
        if (Core.Assurance.Training.TrainingFigures.MayRead(Actor)) items.Add(new("Training and campaigns", "/assurance/training", "Partnership"));
        // The Front Door (issue 16): its lists for who reads contacts; the contacts their organisation sent for everyone else who may send one.
        if (Actor.HasAny(Resource.FrontDoorContact, Operation.Read)) items.Add(new("Front Door contacts", "/front-door", PeopleSection));
        else if (Actor.HasAny(Resource.FrontDoorContactOutcome, Operation.Read)) items.Add(new("Contacts sent to the Front Door", "/front-door/sent", PeopleSection));
        // Case audits (the business manager, and auditors while named), practice reviews, and the voice (the board's view; a form for practitioners).
        if (Actor.HasAny(Resource.CaseAudit, Operation.Read)) items.Add(new("Case audits", "/assurance/case-audits", "Partnership"));
        if (Actor.HasAny(Resource.PracticeReview, Operation.Read)) items.Add(new("Practice reviews", "/assurance/practice-reviews", "Partnership"));
        if (Actor.HasAny(Resource.VoiceFeedback, Operation.Read)) items.Add(new("Children's voice", "/assurance/voice", "Partnership"));
        else if (Actor.HasAny(Resource.VoiceFeedback, Operation.Create)) items.Add(new("Record a child's feedback", "/assurance/voice/new", "Partnership"));
        // The yearly report (issue 16): the business manager drafts it, the three lead partners sign its editions off.
        if (Actor.HasAny(Resource.YearlyReport, Operation.Read)) items.Add(new("Yearly report", "/assurance/report", "Partnership"));
        // A sub-group's chair writes their sub-group's sections and reads nothing else of the report.
        else if (Actor.HasAny(Resource.YearlyReport, Operation.Update)) items.Add(new("Your report sections", "/assurance/report/sections", "Partnership"));
        Navigation = items;
        Sections = items.Count - 1 <= MostItemsUngrouped
            ? items.Select(i => new NavigationSection(i.Text, i.Href, [i])).ToList()
            : items.GroupBy(i => i.Section == "" ? i.Text : i.Section)
                .Select(g => new NavigationSection(g.Key, g.First().Href, g.ToList()))
                .ToList();
    }

    /// <summary>Project Shield (issue 14): the list for the Front Door and the meeting's members, the area meetings for who runs them or sits on one.</summary>
    private void ShieldNavigation(List<NavigationItem> items)
    {
        if (Core.Exploitation.Shield.ShieldList.ReadsTheList(Actor!)) items.Add(new("Project Shield", "/exploitation/shield", Exploitation));
        if (Actor!.Roles.Any(r => r is Role.FrontDoorPractitioner or Role.FrontDoorManager or Role.VoluntarySectorPartner or Role.PoliceExploitationLead
                or Role.EarlyHelpPractitioner or Role.YouthJusticeManager or Role.LiaisonAndDiversionPractitioner))
            items.Add(new("Area meetings", "/exploitation/shield-areas", Exploitation));
        if (Actor.HasAny(Resource.PartnershipSettings, Operation.Update)) items.Add(new("Project Shield settings", "/exploitation/shield-settings", Administration));
    }
}
