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
    // ROTH: the child's workers (their agency linked to the child) and the chair record the strategy discussion; the chair
    // runs the conferences on the engine (whole partnership) and reads every case; the service manager reads every case
    // (overdue clocks escalate to them). NRM: first responders (social work, the exploitation team, youth justice, the
    // police's exploitation lead) refer children they may open and record the Home Office's decisions on their
    // organisation's referrals; managers read them.
    private static IEnumerable<(Role Role, Grant Grant)> RothAndNrmGrants =>
    [
        (Role.ConferenceChair, new(RothCase, Create, WholePartnership)),
        (Role.ConferenceChair, new(RothCase, Read, WholePartnership)),
        (Role.ConferenceChair, new(RothCase, Update, WholePartnership)),
        (Role.ConferenceChair, new(Meeting, Create, WholePartnership)),
        (Role.ConferenceChair, new(Meeting, Read, WholePartnership)),
        (Role.ConferenceChair, new(Meeting, Update, WholePartnership)),
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
    private static IEnumerable<(Role Role, Grant Grant)> PregnancyAndResettlementGrants => [];
}
