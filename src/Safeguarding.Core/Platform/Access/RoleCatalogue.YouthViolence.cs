using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// Youth violence and the pathways beside MACE (issue 14). Each part keeps its grants in its own list.
public static partial class RoleCatalogue
{
    // The emergency department's record (Health/EmergencyDepartment) and education signposting from it.
    private static IEnumerable<(Role Role, Grant Grant)> EdRecordGrants => [];

    // The young person's self-assessment on the ward and the A&E Navigator service.
    private static IEnumerable<(Role Role, Grant Grant)> EdSelfAssessmentAndNavigatorGrants => [];

    // Police serious violence incidents and Project Shield's figures.
    private static IEnumerable<(Role Role, Grant Grant)> ShieldFiguresGrants => [];

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
    private static IEnumerable<(Role Role, Grant Grant)> RothAndNrmGrants => [];

    // Under-18 maternity bookings' exploitation screening and the young offender institution's resettlement meeting.
    private static IEnumerable<(Role Role, Grant Grant)> PregnancyAndResettlementGrants => [];
}
