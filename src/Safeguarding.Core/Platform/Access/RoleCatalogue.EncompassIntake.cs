using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// Operation Encompass intake: police send incidents, the Front Door reads them and places children no roll
    /// finds, settings send their rolls and calendars, the council's education lead keeps the EHE and CME registers
    /// and the default calendar.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> EncompassIntakeGrants =>
    [
        (Role.PoliceDomesticAbuse, new(DomesticIncident, Create, OwnOrganisation)),
        (Role.PoliceDomesticAbuse, new(DomesticIncident, Read, OwnOrganisation)),
        (Role.FrontDoorPractitioner, new(DomesticIncident, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(EncompassNotification, Create, WholePartnership)),
        (Role.FrontDoorManager, new(DomesticIncident, Read, WholePartnership)),
        (Role.FrontDoorManager, new(EncompassNotification, Create, WholePartnership)),
        // A roll is the setting's own records of its pupils, sent to the person index.
        (Role.SchoolKeyAdult, new(Person, Create, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(Person, Create, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Create, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Create, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Update, OwnOrganisation)),
        (Role.EducationLead, new(PupilRoll, Read, WholePartnership)),
        (Role.EducationLead, new(PupilRoll, Create, WholePartnership)),
        (Role.EducationLead, new(PupilRoll, Update, WholePartnership)),
        (Role.EducationLead, new(Attendance, Read, WholePartnership)),
        (Role.EducationLead, new(Attendance, Create, WholePartnership)),
        (Role.EducationLead, new(Attendance, Update, WholePartnership)),
        (Role.EducationLead, new(Person, Create, WholePartnership)),
    ];
}
