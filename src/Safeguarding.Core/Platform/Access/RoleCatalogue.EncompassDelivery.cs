using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// Operation Encompass delivery: a setting's Key Adults read and acknowledge their own setting's notifications
    /// (the council's education lead for home-educated children and children missing education); the Front Door
    /// chases those not acknowledged and records breaches (Review); police and the partnership see the timeliness
    /// figures; administrators see and retry failed deliveries.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> EncompassDeliveryGrants =>
    [
        (Role.SchoolKeyAdult, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.EducationLead, new(EncompassNotification, Read, OwnOrganisation)),
        (Role.EducationLead, new(EncompassNotification, Update, OwnOrganisation)),
        (Role.FrontDoorPractitioner, new(EncompassNotification, Review, WholePartnership)),
        (Role.FrontDoorManager, new(EncompassNotification, Review, WholePartnership)),
        (Role.PoliceDomesticAbuse, new(AggregateFigures, Read, WholePartnership)),
        (Role.SystemAdministrator, new(Deliveries, Read, WholePartnership)),
        (Role.SystemAdministrator, new(Deliveries, Update, WholePartnership)),
    ];
}
