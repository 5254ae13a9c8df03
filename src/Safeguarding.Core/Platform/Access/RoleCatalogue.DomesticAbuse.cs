using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// The domestic-abuse pathway and the meeting engine. For meetings, RelatedRecords means "meetings the user is a
// current attendee of": agenda subjects are shown to attendees only (Meetings.MeetingRecords).
public static partial class RoleCatalogue
{
    private static IEnumerable<(Role Role, Grant Grant)> DomesticAbuseGrants =>
    [
        // Police officers complete DASH at the scene and sit on DRAMM and MARAC.
        (Role.PoliceDomesticAbuse, new(RiskAssessment, Create, WholePartnership)),
        (Role.PoliceDomesticAbuse, new(RiskAssessment, Read, OwnOrganisation)),
        (Role.PoliceDomesticAbuse, new(RiskAssessment, Update, OwnOrganisation)),
        (Role.PoliceDomesticAbuse, new(MaracReferral, Create, WholePartnership)),
        (Role.PoliceDomesticAbuse, new(Meeting, Read, RelatedRecords)),
        (Role.PoliceDomesticAbuse, new(Meeting, Update, RelatedRecords)),

        // The Front Door runs the DRAMM list, triage, MARAC listing and the flags.
        (Role.FrontDoorPractitioner, new(RiskAssessment, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(RiskAssessment, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(RiskAssessment, Update, WholePartnership)),
        (Role.FrontDoorPractitioner, new(MaracReferral, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(MaracReferral, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(MaracReferral, Update, WholePartnership)),
        (Role.FrontDoorPractitioner, new(SafetyPlan, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(SafetyPlan, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(Meeting, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(Meeting, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(Meeting, Update, WholePartnership)),
        (Role.FrontDoorPractitioner, new(HealthFlag, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(HealthFlag, Update, WholePartnership)),
        (Role.FrontDoorManager, new(RiskAssessment, Create, WholePartnership)),
        (Role.FrontDoorManager, new(RiskAssessment, Read, WholePartnership)),
        (Role.FrontDoorManager, new(RiskAssessment, Update, WholePartnership)),
        (Role.FrontDoorManager, new(MaracReferral, Create, WholePartnership)),
        (Role.FrontDoorManager, new(MaracReferral, Read, WholePartnership)),
        (Role.FrontDoorManager, new(MaracReferral, Update, WholePartnership)),
        (Role.FrontDoorManager, new(SafetyPlan, Create, WholePartnership)),
        (Role.FrontDoorManager, new(SafetyPlan, Read, WholePartnership)),
        (Role.FrontDoorManager, new(Meeting, Create, WholePartnership)),
        (Role.FrontDoorManager, new(Meeting, Read, WholePartnership)),
        (Role.FrontDoorManager, new(Meeting, Update, WholePartnership)),
        (Role.FrontDoorManager, new(HealthFlag, Read, WholePartnership)),
        (Role.FrontDoorManager, new(HealthFlag, Update, WholePartnership)),

        // IDVAs assess, refer, agree safety plans with the victims they support, and attend.
        (Role.Idva, new(RiskAssessment, Create, WholePartnership)),
        (Role.Idva, new(RiskAssessment, Read, OwnOrganisation)),
        (Role.Idva, new(RiskAssessment, Update, OwnOrganisation)),
        (Role.Idva, new(MaracReferral, Create, WholePartnership)),
        (Role.Idva, new(SafetyPlan, Create, WholePartnership)),
        (Role.Idva, new(SafetyPlan, Read, OwnOrganisation)),
        (Role.Idva, new(Meeting, Read, RelatedRecords)),
        (Role.Idva, new(Meeting, Update, RelatedRecords)),

        // Social workers and the emergency department's safeguarding team assess and refer; they attend as invited.
        (Role.SocialWorker, new(RiskAssessment, Create, WholePartnership)),
        (Role.SocialWorker, new(RiskAssessment, Read, OwnOrganisation)),
        (Role.SocialWorker, new(RiskAssessment, Update, OwnOrganisation)),
        (Role.SocialWorker, new(MaracReferral, Create, WholePartnership)),
        (Role.SocialWorker, new(Meeting, Read, RelatedRecords)),
        (Role.SocialWorker, new(Meeting, Update, RelatedRecords)),
        (Role.TeamManager, new(Meeting, Read, RelatedRecords)),
        (Role.TeamManager, new(Meeting, Update, RelatedRecords)),
        (Role.HealthSafeguardingPractitioner, new(RiskAssessment, Create, WholePartnership)),
        (Role.HealthSafeguardingPractitioner, new(RiskAssessment, Read, OwnOrganisation)),
        (Role.HealthSafeguardingPractitioner, new(RiskAssessment, Update, OwnOrganisation)),
        (Role.HealthSafeguardingPractitioner, new(MaracReferral, Create, WholePartnership)),
        (Role.HealthSafeguardingPractitioner, new(Meeting, Read, RelatedRecords)),
        (Role.HealthSafeguardingPractitioner, new(Meeting, Update, RelatedRecords)),

        // Referrals from triage: children's social work (its social workers and team managers) decides those to it across
        // the partnership; an IDVA service sees and accepts only the allocations to its own organisation.
        (Role.SocialWorker, new(ChildrensSocialWorkReferral, Read, WholePartnership)),
        (Role.SocialWorker, new(ChildrensSocialWorkReferral, Update, WholePartnership)),
        (Role.TeamManager, new(ChildrensSocialWorkReferral, Read, WholePartnership)),
        (Role.TeamManager, new(ChildrensSocialWorkReferral, Update, WholePartnership)),
        (Role.Idva, new(IdvaReferral, Read, OwnOrganisation)),
        (Role.Idva, new(IdvaReferral, Update, OwnOrganisation)),
        // A walk-in checklist: IDVAs and the emergency department's safeguarding team find the person they may read, or
        // send the person index their own record of them (it links to the person the index holds, or starts one).
        (Role.Idva, new(Person, Create, WholePartnership)),
        (Role.HealthSafeguardingPractitioner, new(Person, Create, WholePartnership)),

        // A GP practice's staff see flags for the practice's registered patients only.
        (Role.GpPractice, new(HealthFlag, Read, RelatedRecords)),

        // Operation Encompass intake: police send incidents; the Front Door reads them and notifies the children's settings.
        (Role.PoliceDomesticAbuse, new(DomesticIncident, Create, OwnOrganisation)),
        (Role.PoliceDomesticAbuse, new(DomesticIncident, Read, OwnOrganisation)),
        (Role.FrontDoorPractitioner, new(DomesticIncident, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(EncompassNotification, Create, WholePartnership)),
        (Role.FrontDoorManager, new(DomesticIncident, Read, WholePartnership)),
        (Role.FrontDoorManager, new(EncompassNotification, Create, WholePartnership)),

        // Operation Encompass delivery: a setting's Key Adults read and acknowledge their own setting's notifications
        // (the council's education lead for home-educated children and children missing education); the Front Door
        // chases those not acknowledged and records breaches (Review); police see the timeliness figures.
        (Role.SchoolKeyAdult, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.EducationLead, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.EducationLead, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.FrontDoorPractitioner, new(EncompassNotification, Review, WholePartnership)),
        (Role.FrontDoorManager, new(EncompassNotification, Review, WholePartnership)),
        (Role.PoliceDomesticAbuse, new(AggregateFigures, Read, WholePartnership)),

        // Settings and safety plans (issue 12): administrators keep the partnership's pathway settings; those who agree
        // safety plans review, add to and end them (an IDVA service its own).
        (Role.PartnershipAdministrator, new(PartnershipSettings, Read, WholePartnership)),
        (Role.PartnershipAdministrator, new(PartnershipSettings, Update, WholePartnership)),
        (Role.FrontDoorPractitioner, new(SafetyPlan, Update, WholePartnership)),
        (Role.FrontDoorManager, new(SafetyPlan, Update, WholePartnership)),
        (Role.Idva, new(SafetyPlan, Update, OwnOrganisation)),
    ];
}
