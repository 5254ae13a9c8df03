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
    private static IEnumerable<(Role Role, Grant Grant)> ShieldListGrants => [];

    // Risk Outside The Home conferences and National Referral Mechanism referrals.
    private static IEnumerable<(Role Role, Grant Grant)> RothAndNrmGrants => [];

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
    ];
}
