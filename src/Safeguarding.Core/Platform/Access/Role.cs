namespace Safeguarding.Core.Platform.Access;

/// <summary>The roles people hold, in the partnership's own words.</summary>
public enum Role
{
    SystemAdministrator,
    PartnershipAdministrator,
    PoliceDomesticAbuse,
    PoliceIntelligence,
    FrontDoorPractitioner,
    FrontDoorManager,
    SocialWorker,
    TeamManager,
    SchoolKeyAdult,
    CollegeSafeguardingLead,
    HealthSafeguardingPractitioner,
    GpPractice,
    Idva,
    YouthJusticeWorker,
    Analyst,
    PartnershipBusinessManager,
    /// <summary>The council's education lead: children missing education, elective home education, attendance.</summary>
    EducationLead,
    /// <summary>A school's or college's data manager: keeps the setting's roll and calendar, sees no child's record.</summary>
    SettingDataManager,
    /// <summary>A police child exploitation lead: sends intelligence (PIM) and missing-person reports, sits on MACE.</summary>
    PoliceExploitationLead,
    /// <summary>A practitioner of the council's exploitation team: holds children at risk of exploitation, runs contexts.</summary>
    ExploitationPractitioner,
    /// <summary>Manages youth justice workers: allocates the young people the service supervises, signs off their work.</summary>
    YouthJusticeManager,
    /// <summary>Chairs child-focused and contextual MACE meetings.</summary>
    MaceChair,
    /// <summary>A children's services service manager: overdue work escalates to them after the team manager.</summary>
    ServiceManager,
    /// <summary>The emergency department's safeguarding nurse (a hospital trust's safeguarding team): the department's own attendances and the young people's self-assessments.</summary>
    EdSafeguardingNurse,
    /// <summary>The council's lead for children missing education and young people not in education, employment or training (NEET signposting).</summary>
    CmeNeetLead,
    /// <summary>An A&amp;E navigator (youth workers in the hospital trust): accepts referrals of 11 to 25-year-olds, makes contact and supports them.</summary>
    AeNavigator,
    /// <summary>An early help practitioner: sits on Project Shield's daily meeting and takes on early help outcomes.</summary>
    EarlyHelpPractitioner,
    /// <summary>A liaison and diversion practitioner (health in police custody and courts): sits on Project Shield's daily meeting.</summary>
    LiaisonAndDiversionPractitioner,
    /// <summary>A voluntary or third-sector member of an area serious youth violence meeting.</summary>
    VoluntarySectorPartner,
    /// <summary>An independent child protection conference chair: chairs ROTH conferences and keeps their clocks.</summary>
    ConferenceChair,
    /// <summary>A maternity safeguarding midwife: screens every under-18 booked for pregnancy for exploitation.</summary>
    MaternitySafeguardingMidwife,
    /// <summary>The young offender institution's resettlement practitioner: custody and release planning at the public protection meeting.</summary>
    ResettlementPractitioner,
    /// <summary>The ICB's complex-needs unit: keeps the Dynamic Support Register and receives its C(E)TR referrals.</summary>
    ComplexNeedsCoordinator,
    /// <summary>An agency's safeguarding lead: answers their own organisation's assurance returns (section 11, section 175) and sees only those.</summary>
    AgencySafeguardingLead,
    /// <summary>An agency's auditor named on a multi-agency case audit: reads the audit's cases while it is open and answers for the agency's part.</summary>
    CaseAuditor,
    /// <summary>A lead safeguarding partner (the council, the ICB or the police): signs off the partnership's yearly report.</summary>
    SafeguardingPartner,
    /// <summary>A sub-group's chair: writes the narrative of the yearly report's sections their sub-group owns, and nothing else of it.</summary>
    SubGroupChair,
}

/// <summary>What a permission is about.</summary>
public enum Resource
{
    /// <summary>A child's or adult's record in the person index.</summary>
    Person,
    /// <summary>A record sealed to all but a few (for example an adopted child's previous identity).</summary>
    SealedRecord,
    Organisation,
    User,
    ApiClient,
    /// <summary>The audit trail: who looked at what.</summary>
    AuditTrail,
    /// <summary>Break-glass accesses waiting for a manager's review.</summary>
    BreakGlassReview,
    /// <summary>Counts and rates with no person in them.</summary>
    AggregateFigures,
    /// <summary>The person index's thresholds and trained model.</summary>
    LinkageSettings,
    /// <summary>Records received that could not be accepted, held with their reason until corrected and released.</summary>
    Quarantine,
    /// <summary>Messages waiting in the outbox and deliveries that failed.</summary>
    Deliveries,
    /// <summary>A police domestic-abuse incident and the children in it.</summary>
    DomesticIncident,
    /// <summary>An Operation Encompass notification to a child's education setting.</summary>
    EncompassNotification,
    /// <summary>Pupil rolls sent by education settings.</summary>
    PupilRoll,
    /// <summary>A child's session marks, suspensions and CME/EHE history.</summary>
    Attendance,
    /// <summary>A DASH (or young people's DASH) risk assessment.</summary>
    RiskAssessment,
    /// <summary>A multi-agency meeting (DRAMM, MARAC, MACE): its agenda, research, decisions and actions.</summary>
    Meeting,
    /// <summary>A referral to MARAC and its case.</summary>
    MaracReferral,
    /// <summary>A victim's safety plan.</summary>
    SafetyPlan,
    /// <summary>A flag on a child's health record (FHIR Flag).</summary>
    HealthFlag,
    /// <summary>A school's or college's calendar (terms, closures, when the day starts), or the council's default.</summary>
    SchoolCalendar,
    /// <summary>A link between a child and an organisation held for the council's decision (People/HeldLink).</summary>
    HeldLink,
    /// <summary>Children's social care's record that a child is subject to a child protection plan (People/ChildProtectionPlan).</summary>
    ChildProtectionPlan,
    /// <summary>The partnership's own numbers for the domestic-abuse pathway and Operation Encompass (DomesticAbuse/PathwaySettings).</summary>
    PartnershipSettings,
    /// <summary>A DRAMM referral to children's social work, which accepts or declines it (Dramm/TriageReferrals).</summary>
    ChildrensSocialWorkReferral,
    /// <summary>A DRAMM allocation to an IDVA service, which accepts it and names a worker (Dramm/TriageReferrals).</summary>
    IdvaReferral,
    /// <summary>Who holds a child: the allocated worker, their team manager and service manager (People/ChildAllocations).</summary>
    ChildAllocation,
    /// <summary>A police intelligence item (PIM) and each child's response and sign-off (Exploitation/Intelligence).</summary>
    IntelligenceItem,
    /// <summary>A child's missing episode (police report and return), its return home interview and any strategy-discussion consideration (Exploitation/Missing).</summary>
    MissingEpisode,
    /// <summary>A child's exploitation screening, through which any agency refers the child to child-focused MACE (Exploitation/Mace).</summary>
    ExploitationScreening,
    /// <summary>A child's vulnerability and risk management plan: risks, actions, reviews (Exploitation/Mace).</summary>
    Vrmp,
    /// <summary>A child's child-focused MACE case: the waiting list, the meeting's analysis and the perpetrators it named (Exploitation/Mace).</summary>
    MaceCase,
    /// <summary>A context (place, online space, peer group, business, accommodation, school) with its assessments and actions (Exploitation/Contexts).</summary>
    ExploitationContext,
    /// <summary>That a person in the index is of concern (a suspected or known perpetrator): never shown to partner agencies.</summary>
    PersonOfConcern,
    /// <summary>A link between a child, a person of concern and a context, and the alert a new one raises.</summary>
    ExploitationLink,
    /// <summary>The link map: groups and connectors among children, persons of concern and contexts.</summary>
    LinkMap,
    /// <summary>An emergency department attendance of a person under 26 (Health/EmergencyDepartment).</summary>
    EdAttendance,
    /// <summary>A possible child-missing-education case or a NEET signposting entry raised from an attendance, with no clinical detail.</summary>
    EducationSignposting,
    /// <summary>A young person's self-assessment on the emergency department's ward tablet and the nurse's response.</summary>
    EdSelfAssessment,
    /// <summary>A referral to the A&amp;E Navigator service, its contact, support and outcome.</summary>
    NavigatorReferral,
    /// <summary>A police incident of serious violence and its victims and suspects (Exploitation/Shield).</summary>
    ViolenceIncident,
    /// <summary>A case on Project Shield's daily youth-violence list, its outcome and actions.</summary>
    ShieldCase,
    /// <summary>A child's Risk Outside The Home child protection pathway: the strategy discussion, conferences and plan.</summary>
    RothCase,
    /// <summary>A National Referral Mechanism referral and the Home Office's decisions on it.</summary>
    NrmReferral,
    /// <summary>A maternity booking of a person under 18 and its exploitation screening.</summary>
    MaternityBooking,
    /// <summary>A child's Dynamic Support Register entry: consent, ratings and their history (SupportRegister).</summary>
    SupportRegisterEntry,
    /// <summary>An agency's assurance return (section 11, section 175, MACE Silver): its answers, grades, challenges and responses (Assurance/Returns).</summary>
    AssuranceReturn,
    /// <summary>The partnership's own structure, priorities by year and sub-groups' work plans (Assurance/Structure).</summary>
    PartnershipPlan,
    /// <summary>The partnership's training courses, sessions, places and evaluations, and its campaigns (Assurance/Training).</summary>
    TrainingRecord,
    /// <summary>A contact to the Front Door about a child: its referral decision and assessment, with the census factors (FrontDoor).</summary>
    FrontDoorContact,
    /// <summary>The referrer's view of a contact their organisation sent: the outcome in words fit for them, never the reason or factors (FrontDoor).</summary>
    FrontDoorContactOutcome,
    /// <summary>A multi-agency case audit: its tool, sample, auditors, answers, grades and actions (Assurance/CaseAudits).</summary>
    CaseAudit,
    /// <summary>A child safeguarding practice review: notification, rapid review, local review and recommendations (Assurance/PracticeReviews).</summary>
    PracticeReview,
    /// <summary>A child's or family's words gathered for the board, with whether they agreed to share them (Assurance/Voice).</summary>
    VoiceFeedback,
    /// <summary>The partnership's yearly report: its draft, its editions and their sign-off (Assurance/Report).</summary>
    YearlyReport,
}

public enum Operation
{
    Read,
    Create,
    Update,
    Delete,
    Review,
}

/// <summary>How far a grant reaches.</summary>
public enum Scope
{
    /// <summary>Every record in the user's partnership.</summary>
    WholePartnership,
    /// <summary>Records owned by the user's own organisation.</summary>
    OwnOrganisation,
    /// <summary>Records of people linked to the user's organisation (its pupils, its registered patients, its cases).</summary>
    RelatedRecords,
}

public sealed record Grant(Resource Resource, Operation Operation, Scope Scope);
