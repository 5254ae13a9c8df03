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
    private static IEnumerable<(Role Role, Grant Grant)> EdSelfAssessmentAndNavigatorGrants => [];

    // Police serious violence incidents and Project Shield's figures.
    private static IEnumerable<(Role Role, Grant Grant)> ShieldFiguresGrants => [];

    // Project Shield's daily list and the area serious youth violence meetings.
    private static IEnumerable<(Role Role, Grant Grant)> ShieldListGrants => [];

    // Risk Outside The Home conferences and National Referral Mechanism referrals.
    private static IEnumerable<(Role Role, Grant Grant)> RothAndNrmGrants => [];

    // Under-18 maternity bookings' exploitation screening and the young offender institution's resettlement meeting.
    private static IEnumerable<(Role Role, Grant Grant)> PregnancyAndResettlementGrants => [];
}
