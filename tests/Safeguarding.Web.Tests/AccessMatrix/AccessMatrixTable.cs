using Safeguarding.Core.Platform.Access;
using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Web.Tests.AccessMatrix.Need;
using static Safeguarding.Web.Tests.AccessMatrix.RecordKind;

namespace Safeguarding.Web.Tests.AccessMatrix;

/// <summary>Who may reach an endpoint at all.</summary>
public enum Need
{
    /// <summary>Anyone, signed in or not (sign-in, status pages, health). Tried anonymously only.</summary>
    Public,
    /// <summary>Any signed-in user or API client; there is nothing to grant.</summary>
    SignedIn,
    /// <summary>A grant of <see cref="Row.Resource"/> x <see cref="Row.Operation"/>, in scope of the record when there is one.</summary>
    Granted,
    /// <summary>A grant scoped to the whole partnership: a list or figures across every organisation (the DRAMM list, Encompass timeliness).</summary>
    GrantAcrossPartnership,
    /// <summary>A grant, and a role that may use break-glass (the break-glass request page).</summary>
    GrantAndBreakGlass,
    /// <summary>An API client holding the grant; a signed-in person is refused (FHIR).</summary>
    ApiClientGrant,
    /// <summary>A grant, or the partnership's figures (the MARAC page is also the MARAC volume, for the business manager).</summary>
    GrantOrPartnershipFigures,
    /// <summary>A grant scoped to the whole partnership, or the partnership's figures (the register's figures: the complex-needs unit or a figures reader).</summary>
    GrantAcrossPartnershipOrPartnershipFigures,
}

/// <summary>The record an endpoint acts on, named by its route (or <c>?setting=</c>).</summary>
public enum RecordKind
{
    None,
    /// <summary>A person in the index (facts: their links and the seal).</summary>
    PersonId,
    /// <summary>A police incident (facts: the force that sent it).</summary>
    IncidentId,
    /// <summary>An Operation Encompass notification (facts: the setting it is for).</summary>
    NotificationId,
    /// <summary>A DASH assessment (facts: the organisation that assessed).</summary>
    AssessmentId,
    /// <summary>An organisation named by <c>?setting=</c> (facts: that organisation).</summary>
    SettingId,
    /// <summary>
    /// A record of a kind the matrix world does not build (a merge, a match review, a held record, a user, a meeting, a
    /// child waiting to be placed): tried once with an id no record has, so the grant check is proved and the answer to
    /// a caller who passes it is 404.
    /// </summary>
    UnknownId,
}

/// <summary>One row of the matrix: an endpoint, what it needs, and the record it acts on.</summary>
/// <param name="Endpoint">"METHOD route" as the endpoint data names it, with <c>?handler=Name</c> for a named page handler.</param>
/// <param name="RecordResource">When the record is checked for another grant than the folder's (a DASH page needs
/// RiskAssessment Create to enter, and Read or Update on the assessment itself).</param>
/// <param name="SealApplies">False where the grant is to something about the record rather than the record (the access log of a
/// sealed person is read under AuditTrail Read).</param>
public sealed record Row(string Endpoint, Need Need, Resource? Resource = null, Operation? Operation = null, RecordKind Record = None,
    Resource? RecordResource = null, Operation? RecordOperation = null, bool SealApplies = true)
{
    public override string ToString() => Endpoint;
}

/// <summary>
/// The documented answer for every page handler, API endpoint and FHIR interaction (docs/security.md, "Access matrix").
/// A row says what the endpoint needs; the answer for a role and a record follows from <see cref="AccessPolicy"/>:
/// allowed when the role's grants allow it in scope, otherwise 403 with one denial audit entry. A record in another
/// partnership is not found (404): its existence is not revealed.
/// </summary>
public static class AccessMatrixTable
{
    private static Row R(string endpoint, Resource resource, Operation operation, RecordKind record = None,
        Resource? recordResource = null, Operation? recordOperation = null) =>
        new(endpoint, Granted, resource, operation, record, recordResource, recordOperation);

    public static readonly IReadOnlyList<Row> Rows =
    [
        // Signing in and the pages everyone may see.
        new("GET /account/sign-in", Public), new("POST /account/sign-in", Public),
        new("GET /account/sign-in/code", Public), new("POST /account/sign-in/code", Public),
        new("GET /account/mfa-setup", Public), new("POST /account/mfa-setup", Public),
        new("POST /account/external-sign-in", Public), new("GET /account/external-sign-in?handler=Callback", Public),
        new("GET /account/access-denied", Public), new("GET /account/sign-out", Public), new("POST /account/sign-out", Public),
        new("GET /accessibility", Public), new("GET /status/{code:int}", Public), new("POST /status/{code:int}", Public),
        new("GET /health/live", Public), new("GET /health/ready", Public), new("GET /openapi/{documentName}.json", Public),
        new("GET /api-reference", Public),
        new("GET /", SignedIn), new("GET /Index", SignedIn),
        new("GET /account/confirm-identity", SignedIn), new("POST /account/confirm-identity", SignedIn),

        // Administration.
        R("GET /admin/organisations", Organisation, Read),
        R("GET /admin/organisations/add", Organisation, Create), R("POST /admin/organisations/add", Organisation, Create),
        R("GET /admin/users", User, Read),
        R("GET /admin/users/add", User, Create), R("POST /admin/users/add", User, Create),
        // A change to one's own roles waits here for a second administrator.
        R("GET /admin/users/role-changes", User, Update), R("POST /admin/users/role-changes", User, Update),
        R("GET /admin/users/{id:guid}", User, Read, UnknownId), R("POST /admin/users/{id:guid}", User, Update, UnknownId),
        R("GET /admin/roles", User, Read),
        R("GET /admin/api-clients", ApiClient, Read), R("POST /admin/api-clients?handler=Revoke", ApiClient, Update),
        R("GET /admin/api-clients/add", ApiClient, Create), R("POST /admin/api-clients/add", ApiClient, Create),
        R("GET /admin/linkage", LinkageSettings, Read), R("POST /admin/linkage", LinkageSettings, Update),
        R("POST /admin/linkage?handler=Train", LinkageSettings, Update),
        R("GET /admin/deliveries", Deliveries, Read), R("POST /admin/deliveries?handler=Retry", Deliveries, Update),
        R("GET /admin/quarantine", Quarantine, Read),
        R("GET /admin/quarantine/{id:guid}", Quarantine, Read, UnknownId),
        R("POST /admin/quarantine/{id:guid}?handler=Release", Quarantine, Update, UnknownId),
        R("POST /admin/quarantine/{id:guid}?handler=Discard", Quarantine, Update, UnknownId),
        R("GET /admin/webhooks", Deliveries, Read),
        R("GET /admin/webhooks/setting", Deliveries, Read, SettingId), R("POST /admin/webhooks/setting", Deliveries, Update, SettingId),
        R("POST /admin/webhooks/setting?handler=Renew", Deliveries, Update, SettingId),
        R("POST /admin/webhooks/setting?handler=TurnOff", Deliveries, Update, SettingId),

        // The audit trail.
        R("GET /audit/break-glass-reviews", BreakGlassReview, Review), R("POST /audit/break-glass-reviews", BreakGlassReview, Review),
        new("GET /audit/people/{id:guid}", Granted, AuditTrail, Read, PersonId, SealApplies: false),

        // People.
        R("GET /people", Person, Read), R("POST /people", Person, Read),
        R("GET /people/{id:guid}", Person, Read, PersonId),
        new("GET /people/{id:guid}/break-glass", GrantAndBreakGlass, Person, Read, PersonId),
        new("POST /people/{id:guid}/break-glass", GrantAndBreakGlass, Person, Read, PersonId),
        // A child protection plan: the folder needs Person Read; the child's plans need ChildProtectionPlan Read (social
        // workers on their cases, team managers), recording or ending one needs Update.
        R("GET /people/{id:guid}/child-protection-plan", Person, Read, PersonId, ChildProtectionPlan, Read),
        R("POST /people/{id:guid}/child-protection-plan?handler=Record", Person, Read, PersonId, ChildProtectionPlan, Update),
        R("POST /people/{id:guid}/child-protection-plan?handler=End", Person, Read, PersonId, ChildProtectionPlan, Update),
        // Possible matches name people across every agency: the list is for those who may update any person, as deciding is.
        new("GET /people/review", GrantAcrossPartnership, Person, Update),
        // A record that would give its sender a child held elsewhere waits here for the Front Door or the education lead.
        R("GET /held-links", HeldLink, Review),
        R("GET /held-links/{id:guid}", HeldLink, Review, UnknownId), R("POST /held-links/{id:guid}", HeldLink, Review, UnknownId),
        R("GET /people/review/{id:guid}", Person, Update, UnknownId), R("POST /people/review/{id:guid}", Person, Update, UnknownId),
        R("GET /people/merges/{id:guid}/undo", Person, Update, UnknownId), R("POST /people/merges/{id:guid}/undo", Person, Update, UnknownId),
        // Issue 12, the chronology: opened like the record (Person Read on the person); each line within by its module's
        // own decision, the rest counted by ADR-019. The PDF export is the same read, audited as an export.
        R("GET /people/{id:guid}/chronology/{handler?}", Person, Read, PersonId),
        R("GET /people/{id:guid}/chronology/{handler?}?handler=Pdf", Person, Read, PersonId),

        // Learners: attendance, rolls, registers, figures.
        R("GET /learners", AggregateFigures, Read), R("GET /learners?handler=Csv", AggregateFigures, Read),
        R("GET /learners?handler=RegistersCsv", AggregateFigures, Read),
        R("GET /learners/worklist", Attendance, Read),
        R("GET /learners/children/{id:guid}", Attendance, Read, PersonId),
        R("GET /learners/import", PupilRoll, Create), R("POST /learners/import", PupilRoll, Create),
        R("GET /learners/population", AggregateFigures, Update), R("POST /learners/population", AggregateFigures, Update),
        R("GET /learners/registers/add", Attendance, Create), R("POST /learners/registers/add", Attendance, Create),
        // The folder needs PupilRoll Read and the page PupilRoll Create; every role that reads rolls may send them.
        R("GET /learners/rolls", PupilRoll, Read), R("POST /learners/rolls", PupilRoll, Read),

        // School calendars.
        R("GET /calendars", SchoolCalendar, Read),
        R("GET /calendars/calendar", SchoolCalendar, Read, SettingId), R("GET /calendars/calendar?handler=Download", SchoolCalendar, Read, SettingId),
        R("POST /calendars/calendar", SchoolCalendar, Read, SettingId, SchoolCalendar, Update),
        R("POST /calendars/calendar?handler=Upload", SchoolCalendar, Read, SettingId, SchoolCalendar, Update),

        // Domestic abuse: DASH, DRAMM, MARAC, Operation Encompass.
        R("GET /domestic-abuse/dash", RiskAssessment, Create),
        R("GET /domestic-abuse/dash/start/{incidentId:guid}", RiskAssessment, Create, IncidentId, DomesticIncident, Read),
        R("POST /domestic-abuse/dash/start/{incidentId:guid}", RiskAssessment, Create, IncidentId, DomesticIncident, Read),
        R("GET /domestic-abuse/dash/{id:guid}/question/{key}", RiskAssessment, Create, AssessmentId, RiskAssessment, Read),
        R("POST /domestic-abuse/dash/{id:guid}/question/{key}", RiskAssessment, Create, AssessmentId, RiskAssessment, Update),
        R("GET /domestic-abuse/dash/{id:guid}/check", RiskAssessment, Create, AssessmentId, RiskAssessment, Read),
        R("POST /domestic-abuse/dash/{id:guid}/check", RiskAssessment, Create, AssessmentId, RiskAssessment, Update),
        R("GET /domestic-abuse/dash/{id:guid}/child/{n:int}", RiskAssessment, Create, AssessmentId, RiskAssessment, Read),
        R("POST /domestic-abuse/dash/{id:guid}/child/{n:int}", RiskAssessment, Create, AssessmentId, RiskAssessment, Update),
        R("GET /domestic-abuse/dash/{id:guid}/done", RiskAssessment, Create, AssessmentId, RiskAssessment, Read),
        new("GET /domestic-abuse/dramm", GrantAcrossPartnership, RiskAssessment, Read),
        R("GET /domestic-abuse/dramm/triage", MaracReferral, Update), R("POST /domestic-abuse/dramm/triage", MaracReferral, Update),
        // The Front Door's forty incidents (issue 12, front-door): no further action and assignment for several cases of the
        // list at once (the list's own grant, then triage's for each case), and the incident page (its own force or the Front Door).
        new("POST /domestic-abuse/dramm?handler=NoFurtherAction", GrantAcrossPartnership, RiskAssessment, Read),
        new("POST /domestic-abuse/dramm?handler=Assign", GrantAcrossPartnership, RiskAssessment, Read),
        R("GET /domestic-abuse/dramm/incidents/{id:guid}", RiskAssessment, Read, IncidentId, DomesticIncident, Read),
        new("GET /domestic-abuse/marac", GrantOrPartnershipFigures, MaracReferral, Read), R("POST /domestic-abuse/marac?handler=List", MaracReferral, Update),
        R("GET /domestic-abuse/encompass/inbox", EncompassNotification, Read),
        R("GET /domestic-abuse/encompass/inbox/{id:guid}", EncompassNotification, Read, NotificationId),
        R("POST /domestic-abuse/encompass/inbox/{id:guid}", EncompassNotification, Read, NotificationId, EncompassNotification, Update),
        R("GET /domestic-abuse/encompass/phone-the-school", EncompassNotification, Review),
        R("POST /domestic-abuse/encompass/phone-the-school?handler=Done", EncompassNotification, Review),
        R("POST /domestic-abuse/encompass/phone-the-school?handler=Undo", EncompassNotification, Review),
        R("GET /domestic-abuse/encompass/phone-the-school/breach/{id:guid}", EncompassNotification, Review, UnknownId),
        R("POST /domestic-abuse/encompass/phone-the-school/breach/{id:guid}", EncompassNotification, Review, UnknownId),
        new("GET /domestic-abuse/encompass/timeliness", GrantAcrossPartnership, AggregateFigures, Read),
        new("GET /domestic-abuse/encompass/timeliness?handler=Csv", GrantAcrossPartnership, AggregateFigures, Read),
        R("GET /domestic-abuse/encompass/upload", DomesticIncident, Create), R("POST /domestic-abuse/encompass/upload", DomesticIncident, Create),
        R("GET /domestic-abuse/encompass/children-to-place", EncompassNotification, Create),
        R("GET /domestic-abuse/encompass/children-to-place/{id:guid}", EncompassNotification, Create, UnknownId),
        R("POST /domestic-abuse/encompass/children-to-place/{id:guid}", EncompassNotification, Create, UnknownId),

        // Issue 12, the DSL at 08:20 (dsl-inbox): support given after acknowledging; an organisation's phone number.
        R("POST /domestic-abuse/encompass/inbox/{id:guid}?handler=Support", EncompassNotification, Read, NotificationId, EncompassNotification, Update),
        R("GET /admin/organisations/{id:guid}", Organisation, Update, UnknownId), R("POST /admin/organisations/{id:guid}", Organisation, Update, UnknownId),
        // Issue 12, settings and safety plans: the partnership's pathway settings (administrators; the page is the form,
        // so reading it needs the update grant too), safety plans to review and each plan's changes, and the yearly figure.
        R("GET /admin/settings", PartnershipSettings, Update), R("POST /admin/settings", PartnershipSettings, Update),
        R("GET /domestic-abuse/safety-plans", SafetyPlan, Read),
        R("GET /domestic-abuse/safety-plans/{id:guid}", SafetyPlan, Read, UnknownId),
        R("POST /domestic-abuse/safety-plans/{id:guid}?handler=Measure", SafetyPlan, Read, UnknownId),
        R("POST /domestic-abuse/safety-plans/{id:guid}?handler=Review", SafetyPlan, Read, UnknownId),
        R("POST /domestic-abuse/safety-plans/{id:guid}?handler=End", SafetyPlan, Read, UnknownId),
        new("GET /domestic-abuse/safety-plan-figures", GrantAcrossPartnership, AggregateFigures, Read),
        // Triage outcomes (issue 12, triage-referrals): a walk-in checklist, and the queues of the services triage refers to;
        // a referral is opened and decided only by the service it was sent to.
        R("GET /domestic-abuse/dash/walk-in", RiskAssessment, Create),
        R("POST /domestic-abuse/dash/walk-in?handler=Find", RiskAssessment, Create), R("POST /domestic-abuse/dash/walk-in?handler=Start", RiskAssessment, Create),
        R("GET /domestic-abuse/referrals/social-work", ChildrensSocialWorkReferral, Update),
        R("GET /domestic-abuse/referrals/social-work/{id:guid}", ChildrensSocialWorkReferral, Update, UnknownId),
        R("POST /domestic-abuse/referrals/social-work/{id:guid}", ChildrensSocialWorkReferral, Update, UnknownId),
        R("GET /domestic-abuse/referrals/idva", IdvaReferral, Update),
        R("GET /domestic-abuse/referrals/idva/{id:guid}", IdvaReferral, Update, UnknownId),
        R("POST /domestic-abuse/referrals/idva/{id:guid}", IdvaReferral, Update, UnknownId),

        // PIM (issue 13, exploitation-pim): the lists, an item (opened only by the people it went to: the record filter and the
        // service decide past the grant), the upload, the partnership's PIM times, and who holds a child.
        R("GET /exploitation/intelligence", IntelligenceItem, Read),
        R("GET /exploitation/intelligence/items/{id:guid}", IntelligenceItem, Read, UnknownId),
        R("POST /exploitation/intelligence/items/{id:guid}?handler=Respond", IntelligenceItem, Read, UnknownId),
        R("POST /exploitation/intelligence/items/{id:guid}?handler=SignOff", IntelligenceItem, Read, UnknownId),
        R("POST /exploitation/intelligence/items/{id:guid}?handler=RouteAgain", IntelligenceItem, Read, UnknownId),
        R("GET /exploitation/intelligence/upload", IntelligenceItem, Create), R("POST /exploitation/intelligence/upload", IntelligenceItem, Create),
        R("GET /exploitation/intelligence/settings", PartnershipSettings, Update), R("POST /exploitation/intelligence/settings", PartnershipSettings, Update),
        R("GET /people/{id:guid}/allocation", Person, Read, PersonId, ChildAllocation, Read),
        R("POST /people/{id:guid}/allocation?handler=Allocate", Person, Read, PersonId, ChildAllocation, Create),
        R("POST /people/{id:guid}/allocation?handler=End", Person, Read, PersonId, ChildAllocation, Create),

        // Meetings.
        R("GET /meetings/{id:guid}/{handler?}", Meeting, Read, UnknownId),
        R("GET /meetings/{id:guid}/invitation", Meeting, Read, UnknownId),

        // The MARAC chair and the agencies (issue 12): series, my meetings, referring, the agenda, the meeting's work,
        // minutes and overdue actions. What one may do at a meeting (run it, add research) the services decide past the grant.
        R("GET /meetings/series/add", Meeting, Create), R("POST /meetings/series/add", Meeting, Create),
        R("GET /meetings/mine", Meeting, Read),
        R("GET /meetings/actions", Meeting, Read), R("POST /meetings/actions?handler=Complete", Meeting, Read),
        R("GET /meetings/{id:guid}/minutes", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Research", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Attendance", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Decision", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Action", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Complete", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=WriteMinutes", Meeting, Read, UnknownId),
        R("POST /meetings/{id:guid}/{handler?}?handler=Close", Meeting, Read, UnknownId),
        R("GET /domestic-abuse/marac/agenda", MaracReferral, Update), R("POST /domestic-abuse/marac/agenda", MaracReferral, Update),
        R("GET /domestic-abuse/marac/refer", MaracReferral, Create), R("POST /domestic-abuse/marac/refer", MaracReferral, Create),
        R("GET /domestic-abuse/marac/refer/{id:guid}", MaracReferral, Create, PersonId, Person, Read),
        R("POST /domestic-abuse/marac/refer/{id:guid}", MaracReferral, Create, PersonId, Person, Read),
        // MARAC gaps (issue 12): the referral form finds the person causing harm in the person index.
        R("POST /domestic-abuse/marac/refer/{id:guid}?handler=FindHarm", MaracReferral, Create, PersonId, Person, Read),

        // Child-focused MACE, the screening and the VRMP (issue 13): the child to screen is named by ?personId= (not built
        // here: an empty one is not found); the VRMP is the child's, under Vrmp Read to open and Vrmp Update to change.
        R("GET /exploitation/mace", MaceCase, Update), R("POST /exploitation/mace?handler=List", MaceCase, Update),
        R("GET /exploitation/mace/refer", ExploitationScreening, Create, UnknownId), R("POST /exploitation/mace/refer", ExploitationScreening, Create, UnknownId),
        R("GET /exploitation/mace/screenings/{id:guid}", ExploitationScreening, Read, UnknownId),
        R("GET /exploitation/mace/meetings/{id:guid}/{handler?}", Meeting, Read, UnknownId),
        R("POST /exploitation/mace/meetings/{id:guid}/{handler?}?handler=Analysis", Meeting, Read, UnknownId),
        R("POST /exploitation/mace/meetings/{id:guid}/{handler?}?handler=Find", Meeting, Read, UnknownId),
        R("POST /exploitation/mace/meetings/{id:guid}/{handler?}?handler=Name", Meeting, Read, UnknownId),
        R("POST /exploitation/mace/meetings/{id:guid}/{handler?}?handler=Add", Meeting, Read, UnknownId),
        R("GET /exploitation/mace/vrmp/{id:guid}/{handler?}", Vrmp, Read, PersonId),
        R("POST /exploitation/mace/vrmp/{id:guid}/{handler?}?handler=Save", Vrmp, Read, PersonId, Vrmp, Update),
        R("POST /exploitation/mace/vrmp/{id:guid}/{handler?}?handler=Action", Vrmp, Read, PersonId, Vrmp, Update),
        R("POST /exploitation/mace/vrmp/{id:guid}/{handler?}?handler=Done", Vrmp, Read, PersonId, Vrmp, Update),
        R("POST /exploitation/mace/vrmp/{id:guid}/{handler?}?handler=Review", Vrmp, Read, PersonId, Vrmp, Update),
        R("GET /exploitation/mace/reviews", Vrmp, Update),
        R("GET /exploitation/mace/settings", PartnershipSettings, Read), R("POST /exploitation/mace/settings", PartnershipSettings, Update),
        // Contexts, persons of concern, the link map and new-link alerts (issue 13, exploitation-contexts). Changes on a
        // context are decided by the service past the folder's grant; the map is also figures for analysts; the alerts
        // page lists only the reader's own.
        R("GET /exploitation/contexts", ExploitationContext, Read), R("POST /exploitation/contexts", ExploitationContext, Read),
        R("GET /exploitation/contexts/{id:guid}", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Assess", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Action", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Close", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Outcome", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=FindChild", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Link", ExploitationContext, Read, UnknownId),
        R("POST /exploitation/contexts/{id:guid}?handler=Agenda", ExploitationContext, Read, UnknownId),
        R("GET /exploitation/themes", ExploitationContext, Read), R("POST /exploitation/themes", ExploitationContext, Read),
        R("POST /exploitation/themes?handler=Agenda", ExploitationContext, Read),
        R("GET /exploitation/persons-of-concern", PersonOfConcern, Read), R("POST /exploitation/persons-of-concern", PersonOfConcern, Read),
        R("POST /exploitation/persons-of-concern?handler=Find", PersonOfConcern, Read),
        new("GET /exploitation/map", GrantOrPartnershipFigures, LinkMap, Read),
        new("GET /exploitation/alerts", SignedIn), new("POST /exploitation/alerts?handler=Seen", SignedIn),

        // The JSON API and FHIR.
        new("GET /api/v1/me", SignedIn),
        R("GET /api/v1/people/{id:guid}", Person, Read, PersonId),
        R("POST /api/v1/people", Person, Create),
        R("POST /api/v1/people/source-records", Person, Create),
        R("POST /api/v1/people/lookup", Person, Read),
        R("POST /api/v1/domestic-abuse/incidents", DomesticIncident, Create),
        R("POST /api/v1/exploitation/intelligence", IntelligenceItem, Create),
        // Missing episodes and Silver and Gold's line of sight (issue 13, exploitation-missing): the police's reports by API
        // and file, the holders' list and each episode (GET as strictly as its POSTs), the repeat-missing settings, and the
        // quarterly report with its CSV (figures across the partnership only).
        R("POST /api/v1/exploitation/missing-persons", MissingEpisode, Create),
        R("GET /exploitation/missing", MissingEpisode, Read),
        R("GET /exploitation/missing/{id:guid}", MissingEpisode, Read, UnknownId),
        R("POST /exploitation/missing/{id:guid}?handler=Interview", MissingEpisode, Read, UnknownId),
        R("POST /exploitation/missing/{id:guid}?handler=Strategy", MissingEpisode, Read, UnknownId),
        R("GET /exploitation/missing/upload", MissingEpisode, Create), R("POST /exploitation/missing/upload", MissingEpisode, Create),
        R("GET /exploitation/missing-settings", PartnershipSettings, Update), R("POST /exploitation/missing-settings", PartnershipSettings, Update),
        // Under-18 maternity bookings and the YOI's release plans (issue 14, pregnancy-yoi): the trusts' bookings by API and
        // file, the midwives' list (and the Front Door's referrals from it), each booking with its screening, the screening
        // clock's settings (taking a referral on is the Front Door's: across the partnership); the resettlement team's release
        // plans (their handlers check again in the service; a new plan is for those who run meetings across the partnership).
        R("POST /api/v1/exploitation/maternity-bookings", MaternityBooking, Create),
        R("GET /exploitation/maternity", MaternityBooking, Read), new("POST /exploitation/maternity?handler=Take", GrantAcrossPartnership, MaternityBooking, Update),
        R("GET /exploitation/maternity/{id:guid}", MaternityBooking, Read, UnknownId),
        R("POST /exploitation/maternity/{id:guid}?handler=Screen", MaternityBooking, Read, UnknownId),
        R("GET /exploitation/maternity/upload", MaternityBooking, Create), R("POST /exploitation/maternity/upload", MaternityBooking, Create),
        R("GET /exploitation/maternity-settings", PartnershipSettings, Update), R("POST /exploitation/maternity-settings", PartnershipSettings, Update),
        R("GET /exploitation/resettlement", Meeting, Read),
        new("GET /exploitation/resettlement/new", GrantAcrossPartnership, Meeting, Update),
        new("POST /exploitation/resettlement/new?handler=Find", GrantAcrossPartnership, Meeting, Update),
        new("POST /exploitation/resettlement/new?handler=Create", GrantAcrossPartnership, Meeting, Update),
        R("GET /exploitation/resettlement/{id:guid}", Meeting, Read, UnknownId),
        R("POST /exploitation/resettlement/{id:guid}?handler=ReleaseDate", Meeting, Read, UnknownId),
        R("POST /exploitation/resettlement/{id:guid}?handler=Action", Meeting, Read, UnknownId),
        new("GET /exploitation/line-of-sight", GrantAcrossPartnership, AggregateFigures, Read),
        new("GET /exploitation/line-of-sight?handler=Csv", GrantAcrossPartnership, AggregateFigures, Read),
        // Police serious violence incidents and Project Shield's figures (issue 14, shield-figures): the force's incidents by API
        // and file, and the dashboard with its CSV (figures across the partnership only).
        R("POST /api/v1/exploitation/violence-incidents", ViolenceIncident, Create),
        R("GET /exploitation/violence-incidents/upload", ViolenceIncident, Create), R("POST /exploitation/violence-incidents/upload", ViolenceIncident, Create),
        new("GET /exploitation/shield/figures", GrantAcrossPartnership, AggregateFigures, Read),
        new("GET /exploitation/shield/figures?handler=Csv", GrantAcrossPartnership, AggregateFigures, Read),
        // The ward's self-assessment and the A&E Navigator (issue 14, ed-navigator): the nurse's list, start (search before
        // create), each self-assessment (GET as strictly as its POSTs) and its tablet page (Update, as sending needs it);
        // the Navigator's lists, the referral form, each referral, its figures (the service or the partnership's figures)
        // and the contact-time setting.
        R("GET /health/self-assessments", EdSelfAssessment, Read),
        R("GET /health/self-assessments/start", EdSelfAssessment, Create),
        R("POST /health/self-assessments/start?handler=Find", EdSelfAssessment, Create), R("POST /health/self-assessments/start?handler=Start", EdSelfAssessment, Create),
        R("GET /health/self-assessments/{id:guid}", EdSelfAssessment, Read, UnknownId),
        R("POST /health/self-assessments/{id:guid}?handler=Respond", EdSelfAssessment, Read, UnknownId),
        R("POST /health/self-assessments/{id:guid}?handler=Dash", EdSelfAssessment, Read, UnknownId),
        R("GET /health/self-assessments/{id:guid}/tablet", EdSelfAssessment, Update, UnknownId),
        R("POST /health/self-assessments/{id:guid}/tablet", EdSelfAssessment, Update, UnknownId),
        R("GET /exploitation/navigator", NavigatorReferral, Read),
        R("GET /exploitation/navigator/refer", NavigatorReferral, Create),
        R("POST /exploitation/navigator/refer?handler=Find", NavigatorReferral, Create), R("POST /exploitation/navigator/refer?handler=Refer", NavigatorReferral, Create),
        R("GET /exploitation/navigator/{id:guid}", NavigatorReferral, Read, UnknownId),
        R("POST /exploitation/navigator/{id:guid}?handler=Accept", NavigatorReferral, Read, UnknownId),
        R("POST /exploitation/navigator/{id:guid}?handler=Decline", NavigatorReferral, Read, UnknownId),
        R("POST /exploitation/navigator/{id:guid}?handler=Contact", NavigatorReferral, Read, UnknownId),
        R("POST /exploitation/navigator/{id:guid}?handler=Close", NavigatorReferral, Read, UnknownId),
        new("GET /exploitation/navigator/figures", GrantOrPartnershipFigures, NavigatorReferral, Update),
        new("GET /exploitation/navigator/figures?handler=Csv", GrantOrPartnershipFigures, NavigatorReferral, Update),
        R("GET /exploitation/navigator-settings", PartnershipSettings, Update), R("POST /exploitation/navigator-settings", PartnershipSettings, Update),
        // Project Shield's daily list and the area meetings (issue 14, shield-list): the list across the partnership, a case
        // (GET as strictly as its POST; the Front Door records the outcome), the settings, and the areas' series.
        new("GET /exploitation/shield", GrantAcrossPartnership, ShieldCase, Read),
        new("GET /exploitation/shield/cases/{id:guid}", GrantAcrossPartnership, ShieldCase, Read, UnknownId),
        new("POST /exploitation/shield/cases/{id:guid}", GrantAcrossPartnership, ShieldCase, Read, UnknownId),
        R("GET /exploitation/shield-settings", PartnershipSettings, Update), R("POST /exploitation/shield-settings", PartnershipSettings, Update),
        R("GET /exploitation/shield-areas", Meeting, Read),
        new("GET /exploitation/shield-areas/set-up", GrantAcrossPartnership, Meeting, Create), new("POST /exploitation/shield-areas/set-up", GrantAcrossPartnership, Meeting, Create),
        // ROTH conferences and NRM referrals (issue 14, roth-nrm): the chair's list and each case (its POSTs the chair's,
        // checked again by the service), the strategy discussion for a child; the worker's NRM list, the referral for a
        // child and each referral with the Home Office's decisions.
        R("GET /exploitation/roth", RothCase, Read),
        R("GET /exploitation/roth/new", RothCase, Create, UnknownId), R("POST /exploitation/roth/new", RothCase, Create, UnknownId),
        R("GET /exploitation/roth/{id:guid}/{handler?}", RothCase, Read, UnknownId),
        R("POST /exploitation/roth/{id:guid}/{handler?}?handler=Book", RothCase, Read, UnknownId),
        R("POST /exploitation/roth/{id:guid}/{handler?}?handler=Invite", RothCase, Read, UnknownId),
        R("POST /exploitation/roth/{id:guid}/{handler?}?handler=Held", RothCase, Read, UnknownId),
        R("POST /exploitation/roth/{id:guid}/{handler?}?handler=Action", RothCase, Read, UnknownId),
        R("GET /exploitation/roth/{id:guid}/close", RothCase, Read, UnknownId), R("POST /exploitation/roth/{id:guid}/close", RothCase, Read, UnknownId),
        R("GET /exploitation/nrm", NrmReferral, Read),
        R("GET /exploitation/nrm/refer", NrmReferral, Create, UnknownId), R("POST /exploitation/nrm/refer", NrmReferral, Create, UnknownId),
        R("GET /exploitation/nrm/{id:guid}/{handler?}", NrmReferral, Read, UnknownId),
        R("POST /exploitation/nrm/{id:guid}/{handler?}?handler=Decision", NrmReferral, Read, UnknownId),
        R("POST /exploitation/nrm/{id:guid}/{handler?}?handler=Reconsideration", NrmReferral, Read, UnknownId),
        // The emergency department's record (issue 14, ed-record): the hospital's attendances by API and file, the trust's own
        // list and each attendance; the CME/NEET lead's signposting list (across the partnership) and entries; a setting's roll differences.
        R("POST /api/v1/health/ed-attendances", EdAttendance, Create),
        R("GET /health/ed-attendances", EdAttendance, Read),
        R("GET /health/ed-attendances/{id:guid}", EdAttendance, Read, UnknownId),
        R("POST /health/ed-attendances/{id:guid}?handler=Contact", EdAttendance, Read, UnknownId),
        R("GET /health/ed-attendances/upload", EdAttendance, Create), R("POST /health/ed-attendances/upload", EdAttendance, Create),
        new("GET /learners/signposting", GrantAcrossPartnership, EducationSignposting, Read),
        R("GET /learners/signposting/{id:guid}", EducationSignposting, Update, UnknownId),
        R("POST /learners/signposting/{id:guid}", EducationSignposting, Update, UnknownId),
        R("GET /learners/roll-differences", EducationSignposting, Read),
        R("GET /learners/roll-differences/{id:guid}", EducationSignposting, Update, UnknownId),
        R("POST /learners/roll-differences/{id:guid}", EducationSignposting, Update, UnknownId),
        // The Dynamic Support Register (issue 15): the list, a suggestion for a child, each entry and its forms (the forms
        // refuse on GET as on POST anyone the entry does not let update it, checked on the record).
        R("GET /support-register", SupportRegisterEntry, Read),
        R("GET /support-register/suggest", SupportRegisterEntry, Create, UnknownId), R("POST /support-register/suggest", SupportRegisterEntry, Create, UnknownId),
        R("GET /support-register/{id:guid}", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/{id:guid}/consent", SupportRegisterEntry, Read, UnknownId), R("POST /support-register/{id:guid}/consent", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/{id:guid}/withdraw", SupportRegisterEntry, Read, UnknownId), R("POST /support-register/{id:guid}/withdraw", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/{id:guid}/rating", SupportRegisterEntry, Read, UnknownId), R("POST /support-register/{id:guid}/rating", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/cetrs", SupportRegisterEntry, Update),
        R("GET /support-register/{id:guid}/cetrs", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/cetr-referral", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/cetr-referral", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/admission", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/admission", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/cetrs/book", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/cetrs/book", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/cetr", SupportRegisterEntry, Update, UnknownId),
        R("POST /support-register/{id:guid}/cetr?handler=Panel", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/cetr?handler=Held", SupportRegisterEntry, Update, UnknownId),
        R("POST /support-register/{id:guid}/cetr?handler=Recommendation", SupportRegisterEntry, Update, UnknownId),
        R("POST /support-register/{id:guid}/cetr?handler=Complete", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/discharge", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/discharge", SupportRegisterEntry, Update, UnknownId),
        R("POST /support-register/{id:guid}/discharge?handler=Plan", SupportRegisterEntry, Update, UnknownId),
        R("GET /support-register/{id:guid}/root-cause-review", SupportRegisterEntry, Update, UnknownId), R("POST /support-register/{id:guid}/root-cause-review", SupportRegisterEntry, Update, UnknownId),
        // The unit's settings, reviews and children due a keyworker referral (the whole register); an entry's lead and
        // keyworker forms (refused on GET as on POST to anyone the entry does not let update it, checked on the record).
        new("GET /support-register/settings", GrantAcrossPartnership, SupportRegisterEntry, Update),
        new("POST /support-register/settings", GrantAcrossPartnership, SupportRegisterEntry, Update),
        new("GET /support-register/reviews", GrantAcrossPartnership, SupportRegisterEntry, Update),
        new("POST /support-register/reviews?handler=Build", GrantAcrossPartnership, SupportRegisterEntry, Update),
        new("POST /support-register/reviews?handler=Invite", GrantAcrossPartnership, SupportRegisterEntry, Update),
        new("GET /support-register/keyworkers", GrantAcrossPartnership, SupportRegisterEntry, Read),
        R("GET /support-register/{id:guid}/lead", SupportRegisterEntry, Read, UnknownId), R("POST /support-register/{id:guid}/lead", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/{id:guid}/keyworker-referral", SupportRegisterEntry, Read, UnknownId),
        R("POST /support-register/{id:guid}/keyworker-referral", SupportRegisterEntry, Read, UnknownId),
        R("GET /support-register/{id:guid}/keyworker-referral/{referralId:guid}/allocated", SupportRegisterEntry, Read, UnknownId),
        R("POST /support-register/{id:guid}/keyworker-referral/{referralId:guid}/allocated", SupportRegisterEntry, Read, UnknownId),
        // The register's monthly figures and their CSV: the complex-needs unit (the whole register) or the partnership's figures readers.
        new("GET /support-register/figures", GrantAcrossPartnershipOrPartnershipFigures, SupportRegisterEntry, Read),
        new("GET /support-register/figures?handler=Csv", GrantAcrossPartnershipOrPartnershipFigures, SupportRegisterEntry, Read),
        // The partnership's own business (issue 16): the plan and training figures for the plan's keepers and the figures readers;
        // returns listed for anyone who reads returns (an agency its own); asking and a request's summary for the sub-group
        // across the partnership; one agency's return checked on the record (its own agency or the sub-group), on GET and POST alike.
        new("GET /assurance/plan", GrantAcrossPartnershipOrPartnershipFigures, PartnershipPlan, Read),
        new("POST /assurance/plan?handler=Status", GrantAcrossPartnership, PartnershipPlan, Update),
        new("GET /assurance/training", GrantAcrossPartnershipOrPartnershipFigures, TrainingRecord, Read),
        // The keepers' forms for the plan and the training records: the page is the form, so reading it needs the update grant.
        new("GET /assurance/plan/keep", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=Partner", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=SubGroup", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=Priority", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=Action", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=RelevantAgency", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=RemoveRelevantAgency", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=RemovePartner", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=CorrectPriority", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=RemovePriority", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=CorrectAction", GrantAcrossPartnership, PartnershipPlan, Update),
        new("POST /assurance/plan/keep?handler=RemoveAction", GrantAcrossPartnership, PartnershipPlan, Update),
        new("GET /assurance/training/keep", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Course", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Session", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Places", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Evaluation", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Campaign", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=Upload", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=RemoveCourse", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=RemoveSession", GrantAcrossPartnership, TrainingRecord, Update),
        new("POST /assurance/training/keep?handler=RemoveCampaign", GrantAcrossPartnership, TrainingRecord, Update),
        R("GET /assurance/returns", AssuranceReturn, Read),
        new("GET /assurance/returns/ask", GrantAcrossPartnership, AssuranceReturn, Create),
        new("POST /assurance/returns/ask", GrantAcrossPartnership, AssuranceReturn, Create),
        new("GET /assurance/returns/requests/{id:guid}", GrantAcrossPartnership, AssuranceReturn, Read, UnknownId),
        R("GET /assurance/returns/{id:guid}", AssuranceReturn, Read, UnknownId),
        R("POST /assurance/returns/{id:guid}?handler=Save", AssuranceReturn, Read, UnknownId),
        R("POST /assurance/returns/{id:guid}?handler=Submit", AssuranceReturn, Read, UnknownId),
        R("POST /assurance/returns/{id:guid}?handler=Grade", AssuranceReturn, Read, UnknownId),
        R("POST /assurance/returns/{id:guid}?handler=Respond", AssuranceReturn, Read, UnknownId),
        R("POST /assurance/returns/{id:guid}?handler=Close", AssuranceReturn, Read, UnknownId),
        // Case audits, practice reviews and the children's voice (issue 16): lists by grant; an audit, a case or a review and
        // their forms loaded through the policy for that record on GET and POST alike (the services refuse a reader who may
        // not change it); the board's view needs the voice across the partnership.
        R("GET /assurance/case-audits", CaseAudit, Read),
        R("GET /assurance/case-audits/new", CaseAudit, Create), R("POST /assurance/case-audits/new", CaseAudit, Create),
        R("POST /assurance/case-audits/new?handler=Tool", CaseAudit, Create),
        R("GET /assurance/case-audits/{id:guid}", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/{id:guid}?handler=Sample", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/{id:guid}?handler=Auditor", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/{id:guid}?handler=RemoveAuditor", CaseAudit, Read, UnknownId),
        R("GET /assurance/case-audits/cases/{id:guid}", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/cases/{id:guid}?handler=Answer", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/cases/{id:guid}?handler=Grade", CaseAudit, Read, UnknownId),
        R("POST /assurance/case-audits/cases/{id:guid}?handler=Action", CaseAudit, Read, UnknownId),
        R("GET /assurance/practice-reviews", PracticeReview, Read),
        R("GET /assurance/practice-reviews/new", PracticeReview, Create), R("POST /assurance/practice-reviews/new", PracticeReview, Create),
        R("GET /assurance/practice-reviews/{id:guid}", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=Notify", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=RapidReview", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=Decide", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=LocalReview", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=Publish", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=Recommendation", PracticeReview, Read, UnknownId),
        R("POST /assurance/practice-reviews/{id:guid}?handler=Status", PracticeReview, Read, UnknownId),
        new("GET /assurance/voice", GrantAcrossPartnership, VoiceFeedback, Read),
        new("POST /assurance/voice?handler=Theme", GrantAcrossPartnership, VoiceFeedback, Read),
        new("POST /assurance/voice?handler=Withdraw", GrantAcrossPartnership, VoiceFeedback, Read),
        R("GET /assurance/voice/new", VoiceFeedback, Create), R("POST /assurance/voice/new", VoiceFeedback, Create),
        // The yearly report (issue 16): the list and the editions for its readers; starting, drafting and writing sections
        // for the business manager; signing an edition off for a lead partner. A report or edition of another partnership,
        // or none, is not found.
        new("GET /assurance/report", GrantAcrossPartnership, YearlyReport, Read),
        new("GET /assurance/report/new", GrantAcrossPartnership, YearlyReport, Create), new("POST /assurance/report/new", GrantAcrossPartnership, YearlyReport, Create),
        new("GET /assurance/report/{id:guid}", GrantAcrossPartnership, YearlyReport, Update, UnknownId),
        new("POST /assurance/report/{id:guid}?handler=Edition", GrantAcrossPartnership, YearlyReport, Update, UnknownId),
        // A section: the business manager, or the chair of its sub-group (Update in a narrower scope; the service decides which sections).
        R("GET /assurance/report/{id:guid}/sections/{key}", YearlyReport, Update, UnknownId),
        R("POST /assurance/report/{id:guid}/sections/{key}", YearlyReport, Update, UnknownId),
        new("POST /assurance/report/{id:guid}?handler=Assign", GrantAcrossPartnership, YearlyReport, Update, UnknownId),
        R("GET /assurance/report/sections", YearlyReport, Update),
        // A sub-group and its chair, for the plan's keeper.
        new("GET /assurance/plan/sub-groups/{id:guid}", GrantAcrossPartnership, PartnershipPlan, Update, UnknownId),
        new("POST /assurance/plan/sub-groups/{id:guid}", GrantAcrossPartnership, PartnershipPlan, Update, UnknownId),
        new("POST /assurance/plan/sub-groups/{id:guid}?handler=Remove", GrantAcrossPartnership, PartnershipPlan, Update, UnknownId),
        new("GET /assurance/report/editions/{id:guid}", GrantAcrossPartnership, YearlyReport, Read, UnknownId),
        new("GET /assurance/report/editions/{id:guid}?handler=Pdf", GrantAcrossPartnership, YearlyReport, Read, UnknownId),
        new("GET /assurance/report/editions/{id:guid}/sign-off", GrantAcrossPartnership, YearlyReport, Review, UnknownId),
        new("POST /assurance/report/editions/{id:guid}/sign-off", GrantAcrossPartnership, YearlyReport, Review, UnknownId),
        new("GET /fhir/Flag", ApiClientGrant, HealthFlag, Read),
        new("POST /fhir/Flag/_search", ApiClientGrant, HealthFlag, Read),
        // The Front Door (issue 16): its lists and a contact (the decision and assessment forms refuse, on the record, anyone
        // the contact does not let update it); the form about a child named by ?personId= (not built here: an empty one is
        // not found); the referrer's own contacts; the figures for the partnership's figures readers.
        R("GET /front-door", FrontDoorContact, Read),
        R("GET /front-door/assessments", FrontDoorContact, Read),
        R("GET /front-door/contacts/new", FrontDoorContact, Create, UnknownId), R("POST /front-door/contacts/new", FrontDoorContact, Create, UnknownId),
        R("GET /front-door/contacts/{id:guid}", FrontDoorContact, Read, UnknownId),
        R("POST /front-door/contacts/{id:guid}?handler=Decide", FrontDoorContact, Read, UnknownId),
        R("POST /front-door/contacts/{id:guid}?handler=Assessment", FrontDoorContact, Read, UnknownId),
        R("GET /front-door/sent", FrontDoorContactOutcome, Read),
        R("GET /front-door/sent/{id:guid}", FrontDoorContactOutcome, Read, UnknownId),
        new("GET /front-door/figures", GrantAcrossPartnership, AggregateFigures, Read),
    ];
}
