using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// Youth violence and the pathways beside MACE (issue 14). Each part keeps its grants in its own list.
public static partial class RoleCatalogue
{
    // The emergency department's record (Health/EmergencyDepartment) and education signposting from it.
    // The trust's ED safeguarding nurse sends its attendances (by file; the people in them go to the person index) and reads
    // its own trust's; the council's CME/NEET lead alone reads and acts on possible CME cases and NEET entries; a setting's
    // data manager and Key Adult (or college lead) see and close their own roll differences, which carry nothing clinical.
    private static IEnumerable<(Role Role, Grant Grant)> EdRecordGrants =>
    [
        (Role.EdSafeguardingNurse, new(EdAttendance, Create, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(EdAttendance, Read, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(Person, Create, WholePartnership)),
        (Role.CmeNeetLead, new(EducationSignposting, Read, WholePartnership)),
        (Role.CmeNeetLead, new(EducationSignposting, Update, WholePartnership)),
        (Role.SettingDataManager, new(EducationSignposting, Read, OwnOrganisation)),
        (Role.SettingDataManager, new(EducationSignposting, Update, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(EducationSignposting, Read, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(EducationSignposting, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EducationSignposting, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EducationSignposting, Update, OwnOrganisation)),
    ];

    // The young person's self-assessment on the ward and the A&E Navigator service.
    // The ED nurse starts self-assessments and reads and answers their own trust's; finds or records the young person
    // through the person index; starts the young people's DASH and the exploitation screening from one; and refers to the
    // Navigator (as the trust's health safeguarding practitioners do), reading back their own trust's referrals. The
    // navigator service reads and works every referral and sees its figures (AggregateFigures holders see them too).
    private static IEnumerable<(Role Role, Grant Grant)> EdSelfAssessmentAndNavigatorGrants =>
    [
        (Role.EdSafeguardingNurse, new(EdSelfAssessment, Create, WholePartnership)),
        (Role.EdSafeguardingNurse, new(EdSelfAssessment, Read, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(EdSelfAssessment, Update, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(Person, Create, WholePartnership)),
        (Role.EdSafeguardingNurse, new(RiskAssessment, Create, WholePartnership)),
        (Role.EdSafeguardingNurse, new(RiskAssessment, Read, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(RiskAssessment, Update, OwnOrganisation)),
        (Role.EdSafeguardingNurse, new(ExploitationScreening, Create, WholePartnership)),
        (Role.EdSafeguardingNurse, new(NavigatorReferral, Create, WholePartnership)),
        (Role.EdSafeguardingNurse, new(NavigatorReferral, Read, OwnOrganisation)),
        (Role.HealthSafeguardingPractitioner, new(NavigatorReferral, Create, WholePartnership)),
        (Role.HealthSafeguardingPractitioner, new(NavigatorReferral, Read, OwnOrganisation)),
        (Role.AeNavigator, new(NavigatorReferral, Read, WholePartnership)),
        (Role.AeNavigator, new(NavigatorReferral, Update, WholePartnership)),
    ];

    // Police serious violence incidents and Project Shield's figures.
    // The police exploitation lead uploads the force's file (the force's systems use the violence-incidents:write scope).
    // Project Shield's dashboard is figures only: AggregateFigures across the partnership, which its readers already hold.
    private static IEnumerable<(Role Role, Grant Grant)> ShieldFiguresGrants => [
        (Role.PoliceExploitationLead, new(ViolenceIncident, Create, OwnOrganisation)),
    ];

    // Project Shield's daily list and the area serious youth violence meetings.
    // The Front Door runs the daily meeting: it reads the whole list and records outcomes. The meeting's members read the
    // list (the police sergeant, early help, youth justice, liaison and diversion); children's social work sits as the Front
    // Door. Early help, liaison and diversion and the voluntary partners of the area meetings reach meetings as attendees
    // (the engine's relationship) and complete their own organisation's actions.
    private static IEnumerable<(Role Role, Grant Grant)> ShieldListGrants =>
    [
        (Role.FrontDoorPractitioner, new(ShieldCase, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(ShieldCase, Update, WholePartnership)),
        (Role.FrontDoorManager, new(ShieldCase, Read, WholePartnership)),
        (Role.FrontDoorManager, new(ShieldCase, Update, WholePartnership)),
        (Role.PoliceExploitationLead, new(ShieldCase, Read, WholePartnership)),
        (Role.EarlyHelpPractitioner, new(ShieldCase, Read, WholePartnership)),
        (Role.YouthJusticeManager, new(ShieldCase, Read, WholePartnership)),
        (Role.LiaisonAndDiversionPractitioner, new(ShieldCase, Read, WholePartnership)),
        (Role.EarlyHelpPractitioner, new(Meeting, Read, RelatedRecords)),
        (Role.EarlyHelpPractitioner, new(Meeting, Update, RelatedRecords)),
        (Role.LiaisonAndDiversionPractitioner, new(Meeting, Read, RelatedRecords)),
        (Role.LiaisonAndDiversionPractitioner, new(Meeting, Update, RelatedRecords)),
        (Role.VoluntarySectorPartner, new(Meeting, Read, RelatedRecords)),
        (Role.VoluntarySectorPartner, new(Meeting, Update, RelatedRecords)),
    ];

    // Risk Outside The Home conferences and National Referral Mechanism referrals.
    // ROTH: the child's workers (their agency linked to the child) and the chair record the strategy discussion; the chair
    // runs the conferences on the engine, for the series their organisation chairs only (each child's ROTH series, made
    // with the first booking; Meeting Create and Update for their own organisation), reads meetings as an attendee
    // (invited by name to each conference booked) and reads every case; the service manager reads every case
    // (overdue clocks escalate to them). NRM: first responders (social work, the exploitation team, youth justice, the
    // police's exploitation lead) refer children they may open and record the Home Office's decisions on their
    // organisation's referrals; managers read them.
    private static IEnumerable<(Role Role, Grant Grant)> RothAndNrmGrants =>
    [
        (Role.ConferenceChair, new(RothCase, Create, WholePartnership)),
        (Role.ConferenceChair, new(RothCase, Read, WholePartnership)),
        (Role.ConferenceChair, new(RothCase, Update, WholePartnership)),
        (Role.ConferenceChair, new(Meeting, Create, OwnOrganisation)),
        (Role.ConferenceChair, new(Meeting, Read, RelatedRecords)),
        (Role.ConferenceChair, new(Meeting, Update, OwnOrganisation)),
        (Role.ConferenceChair, new(Person, Read, WholePartnership)),
        (Role.ConferenceChair, new(ExploitationContext, Read, WholePartnership)),
        (Role.ServiceManager, new(RothCase, Read, WholePartnership)),
        (Role.SocialWorker, new(RothCase, Create, RelatedRecords)),
        (Role.SocialWorker, new(RothCase, Read, RelatedRecords)),
        (Role.TeamManager, new(RothCase, Create, RelatedRecords)),
        (Role.TeamManager, new(RothCase, Read, RelatedRecords)),
        (Role.ExploitationPractitioner, new(RothCase, Create, RelatedRecords)),
        (Role.ExploitationPractitioner, new(RothCase, Read, RelatedRecords)),
        .. NrmFirstResponder(Role.SocialWorker, RelatedRecords),
        .. NrmFirstResponder(Role.ExploitationPractitioner, RelatedRecords),
        .. NrmFirstResponder(Role.YouthJusticeWorker, RelatedRecords),
        .. NrmFirstResponder(Role.PoliceExploitationLead, WholePartnership),
        (Role.TeamManager, new(NrmReferral, Read, RelatedRecords)),
        (Role.ServiceManager, new(NrmReferral, Read, WholePartnership)),
    ];

    /// <summary>A first responder refers a child they may open, and reads and updates their organisation's referrals.</summary>
    private static IEnumerable<(Role Role, Grant Grant)> NrmFirstResponder(Role role, Scope create) =>
    [
        (role, new(NrmReferral, Create, create)),
        (role, new(NrmReferral, Read, OwnOrganisation)),
        (role, new(NrmReferral, Update, OwnOrganisation)),
    ];

    // Under-18 maternity bookings' exploitation screening and the young offender institution's resettlement meeting.
    // The midwife screens her own trust's bookings (and sends its file through the person index); the Front Door takes the
    // referrals to children's social work the screenings make; the resettlement team runs its public protection meeting
    // on the engine, as MACE chairs run theirs.
    private static IEnumerable<(Role Role, Grant Grant)> PregnancyAndResettlementGrants => [
        (Role.MaternitySafeguardingMidwife, new(MaternityBooking, Create, OwnOrganisation)),
        (Role.MaternitySafeguardingMidwife, new(MaternityBooking, Read, OwnOrganisation)),
        (Role.MaternitySafeguardingMidwife, new(MaternityBooking, Update, OwnOrganisation)),
        (Role.MaternitySafeguardingMidwife, new(Person, Create, WholePartnership)),
        (Role.MaternitySafeguardingMidwife, new(ExploitationScreening, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(MaternityBooking, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(MaternityBooking, Update, WholePartnership)),
        (Role.FrontDoorManager, new(MaternityBooking, Read, WholePartnership)),
        (Role.FrontDoorManager, new(MaternityBooking, Update, WholePartnership)),
        (Role.ResettlementPractitioner, new(Meeting, Create, WholePartnership)),
        (Role.ResettlementPractitioner, new(Meeting, Read, WholePartnership)),
        (Role.ResettlementPractitioner, new(Meeting, Update, WholePartnership)),
        // A child in custody whom the partnership does not yet know is recorded from the new release plan page (search before create).
        (Role.ResettlementPractitioner, new(Person, Create, WholePartnership)),
    ];
}
