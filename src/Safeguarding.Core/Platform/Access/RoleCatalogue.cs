using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

/// <summary>
/// Every role's grants, in one place, so that the policy can be read, reviewed and tested as a matrix.
/// Anything not listed is denied.
/// </summary>
public static partial class RoleCatalogue
{
    private static readonly Grant[] PartnershipPeopleRead = [new(Person, Read, WholePartnership)];

    private static readonly Dictionary<Role, RoleDefinition> Definitions = new()
    {
        [Role.SystemAdministrator] = new("System administrator", "Runs the service: organisations, users, roles and API clients in any partnership it hosts.",
            [new(Organisation, Read, WholePartnership), new(Organisation, Create, WholePartnership), new(Organisation, Update, WholePartnership),
             new(User, Read, WholePartnership), new(User, Create, WholePartnership), new(User, Update, WholePartnership),
             new(ApiClient, Read, WholePartnership), new(ApiClient, Create, WholePartnership), new(ApiClient, Update, WholePartnership),
             new(AuditTrail, Read, WholePartnership), new(LinkageSettings, Read, WholePartnership), new(LinkageSettings, Update, WholePartnership)],
            CanBreakGlass: false),
        [Role.PartnershipAdministrator] = new("Partnership administrator", "Looks after the partnership's organisations, users and API clients, and reviews break-glass access.",
            [new(Organisation, Read, WholePartnership), new(Organisation, Create, WholePartnership), new(Organisation, Update, WholePartnership),
             new(User, Read, WholePartnership), new(User, Create, WholePartnership), new(User, Update, WholePartnership),
             new(ApiClient, Read, WholePartnership), new(ApiClient, Create, WholePartnership), new(ApiClient, Update, WholePartnership),
             new(AuditTrail, Read, WholePartnership), new(BreakGlassReview, Review, WholePartnership),
             new(LinkageSettings, Read, WholePartnership), new(LinkageSettings, Update, WholePartnership),
             new(Quarantine, Read, WholePartnership), new(Quarantine, Update, WholePartnership),
             new(Deliveries, Read, WholePartnership), new(Deliveries, Update, WholePartnership)],
            CanBreakGlass: false),
        [Role.PoliceDomesticAbuse] = new("Police (domestic abuse)", "Records domestic incidents and the children in them.",
            [.. PartnershipPeopleRead, new(Person, Create, WholePartnership), new(Person, Update, OwnOrganisation), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.PoliceIntelligence] = new("Police (intelligence)", "Shares intelligence about children at risk of exploitation.",
            [.. PartnershipPeopleRead, new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.FrontDoorPractitioner] = new("Front Door practitioner", "Triages contacts and referrals in the multi-agency safeguarding hub.",
            [.. PartnershipPeopleRead, new(Person, Create, WholePartnership), new(Person, Update, WholePartnership), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.FrontDoorManager] = new("Front Door manager", "Oversees the Front Door's decisions and reviews break-glass access.",
            [.. PartnershipPeopleRead, new(Person, Create, WholePartnership), new(Person, Update, WholePartnership), new(Organisation, Read, WholePartnership),
             new(AuditTrail, Read, WholePartnership), new(BreakGlassReview, Review, WholePartnership), new(AggregateFigures, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.SocialWorker] = new("Social worker", "Works with children and families on their cases.",
            [new(Person, Read, RelatedRecords), new(Person, Update, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.TeamManager] = new("Team manager", "Manages a social work team, sees its cases and sealed records, reviews break-glass access.",
            [.. PartnershipPeopleRead, new(Person, Update, WholePartnership), new(SealedRecord, Read, WholePartnership), new(Organisation, Read, WholePartnership),
             new(AuditTrail, Read, WholePartnership), new(BreakGlassReview, Review, WholePartnership), new(AggregateFigures, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.SchoolKeyAdult] = new("School Key Adult (DSL)", "The designated safeguarding lead: sees their own pupils only.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, OwnOrganisation)],
            CanBreakGlass: false),
        [Role.CollegeSafeguardingLead] = new("College safeguarding lead", "Sees their own students only.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, OwnOrganisation)],
            CanBreakGlass: false),
        [Role.HealthSafeguardingPractitioner] = new("Health safeguarding practitioner", "Safeguarding team in a trust or the ICB.",
            [.. PartnershipPeopleRead, new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.GpPractice] = new("GP practice", "Sees flags for the practice's registered patients only.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, OwnOrganisation)],
            CanBreakGlass: false),
        [Role.Idva] = new("IDVA", "Independent domestic violence adviser: supports the victims allocated to them.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.YouthJusticeWorker] = new("Youth justice worker", "Works with the young people the service supervises.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.Analyst] = new("Analyst", "Prepares figures: aggregates only, never a person's record.",
            [new(AggregateFigures, Read, WholePartnership), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.EducationLead] = new("Council education lead", "Children missing education, elective home education and attendance for the council.",
            [new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.SettingDataManager] = new("School or college data manager", "Sends the setting's pupil roll and keeps its calendar; sees no child's record.",
            [new(Organisation, Read, OwnOrganisation)],
            CanBreakGlass: false),
        [Role.PartnershipBusinessManager] = new("Partnership business manager", "Runs the partnership's business: figures, assurance and the yearly report.",
            [new(AggregateFigures, Read, WholePartnership), new(Organisation, Read, WholePartnership), new(AuditTrail, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.PoliceExploitationLead] = new("Police child exploitation lead", "Sends police intelligence and missing-person reports about children; sits on MACE.",
            [.. PartnershipPeopleRead, new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.ExploitationPractitioner] = new("Exploitation team practitioner", "Works with children at risk of exploitation and the places and groups around them.",
            [new(Person, Read, RelatedRecords), new(Person, Update, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.YouthJusticeManager] = new("Youth justice manager", "Manages youth justice workers: allocates the young people the service supervises and signs off their work.",
            [new(Person, Read, RelatedRecords), new(Person, Update, RelatedRecords), new(Organisation, Read, WholePartnership), new(AggregateFigures, Read, WholePartnership)],
            CanBreakGlass: true),
        [Role.MaceChair] = new("MACE chair", "Chairs child-focused and contextual MACE meetings.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership), new(AggregateFigures, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.ServiceManager] = new("Service manager", "Manages children's services teams: overdue work escalates to them after the team manager.",
            [.. PartnershipPeopleRead, new(Organisation, Read, WholePartnership), new(AggregateFigures, Read, WholePartnership)],
            CanBreakGlass: true),
        // Youth violence and the pathways beside MACE (issue 14): each part adds its grants in RoleCatalogue.YouthViolence.cs.
        [Role.EdSafeguardingNurse] = new("Emergency department safeguarding nurse", "Sees the department's own attendances and young people's self-assessments, and refers on.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.CmeNeetLead] = new("Council CME and NEET lead", "Follows up possible children missing education and signposts young people not in education, employment or training.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.AeNavigator] = new("A&E navigator", "Accepts referrals of young people aged 11 to 25 from the hospital, makes contact and supports them.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.EarlyHelpPractitioner] = new("Early help practitioner", "Sits on Project Shield's daily meeting and takes on early help for the young people it refers.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.LiaisonAndDiversionPractitioner] = new("Liaison and diversion practitioner", "Health in police custody and courts: sits on Project Shield's daily meeting.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.VoluntarySectorPartner] = new("Voluntary sector partner", "A voluntary or third-sector member of an area serious youth violence meeting.",
            [new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.ConferenceChair] = new("Child protection conference chair", "Chairs child protection conferences, Risk Outside The Home ones included, and keeps their clocks.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.MaternitySafeguardingMidwife] = new("Maternity safeguarding midwife", "Screens every under-18 booked for pregnancy for exploitation.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        [Role.ResettlementPractitioner] = new("Resettlement practitioner", "The young offender institution's resettlement team: custody and release planning.",
            [new(Person, Read, RelatedRecords), new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        // The Dynamic Support Register (issue 15): its grants are in RoleCatalogue.SupportRegister.cs.
        [Role.ComplexNeedsCoordinator] = new("ICB complex-needs coordinator", "The ICB's complex-needs unit: keeps the Dynamic Support Register and receives C(E)TR referrals.",
            [.. PartnershipPeopleRead, new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        // Assurance (issue 16): its grants are in RoleCatalogue.YearlyReport.cs.
        [Role.AgencySafeguardingLead] = new("Agency safeguarding lead", "Answers their own organisation's assurance returns and sees only those.",
            [new(Organisation, Read, OwnOrganisation)],
            CanBreakGlass: false),
        // Case audits, practice reviews and the children's voice (issue 16): grants in RoleCatalogue.AssuranceReviews.cs.
        [Role.CaseAuditor] = new("Case auditor", "An agency's auditor on a multi-agency case audit: reads the cases of the audits they are named on while open, and answers for the agency.",
            [new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        // The yearly report (issue 16): its grants are in RoleCatalogue.YearlyReport.cs.
        [Role.SafeguardingPartner] = new("Lead safeguarding partner", "A lead partner (council, ICB or police): reads the yearly report's editions and signs them off, and reads the partnership's practice reviews.",
            [new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
        // The sub-groups' chairs (issue 16): their grant is in RoleCatalogue.SubGroupChairs.cs.
        [Role.SubGroupChair] = new("Sub-group chair", "Chairs a sub-group of the partnership: writes the yearly report's sections their sub-group owns.",
            [new(Organisation, Read, WholePartnership)],
            CanBreakGlass: false),
    };

    /// <summary>
    /// Grants each module adds, kept next to the module's access rules in a <c>RoleCatalogue.{Module}.cs</c>
    /// file of this folder; listed here so the whole matrix is still read and tested from one place.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> ModuleGrants => [
        .. PlatformGrants,
        .. PeopleGrants,
        .. LearnersGrants,
        .. DomesticAbuseGrants,
        .. ExploitationGrants,
        .. EdRecordGrants,
        .. EdSelfAssessmentAndNavigatorGrants,
        .. ShieldFiguresGrants,
        .. ShieldListGrants,
        .. RothAndNrmGrants,
        .. PregnancyAndResettlementGrants,
        .. SupportRegisterGrants,
        .. AssuranceReturnsGrants,
        .. FrontDoorGrants,
        .. AssuranceReviewsGrants,
        .. YearlyReportGrants,
        .. SubGroupChairGrants,
        .. EdContactGrants,
    ];

    private static readonly Lazy<Dictionary<Role, RoleDefinition>> WithModules = new(() =>
        Definitions.ToDictionary(d => d.Key, d => d.Value with
        {
            Grants = [.. d.Value.Grants.Concat(ModuleGrants.Where(m => m.Role == d.Key).Select(m => m.Grant)).Distinct()],
        }));

    public static RoleDefinition Describe(Role role) => WithModules.Value[role];

    public static IReadOnlyCollection<Grant> GrantsOf(Role role) => WithModules.Value[role].Grants;

    public static IEnumerable<Role> All => Enum.GetValues<Role>();
}

public sealed record RoleDefinition(string Name, string Description, IReadOnlyCollection<Grant> Grants, bool CanBreakGlass);
