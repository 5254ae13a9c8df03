using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// The Operation Encompass pages for rolls and calendars: a setting's data manager sends the setting's roll and keeps
    /// its calendar (its pupils go to the person index as the setting's records, which it cannot then read); a setting's
    /// Key Adult sees the setting's roll uploads as well as sending them; a partnership administrator sends any setting's
    /// roll and keeps any calendar, the council's default included, when a setting cannot.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> EncompassPagesGrants =>
    [
        (Role.SettingDataManager, new(PupilRoll, Read, OwnOrganisation)),
        (Role.SettingDataManager, new(PupilRoll, Create, OwnOrganisation)),
        (Role.SettingDataManager, new(PupilRoll, Update, OwnOrganisation)),
        (Role.SettingDataManager, new(Person, Create, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(PupilRoll, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(PupilRoll, Read, OwnOrganisation)),
        (Role.PartnershipAdministrator, new(PupilRoll, Read, WholePartnership)),
        (Role.PartnershipAdministrator, new(PupilRoll, Create, WholePartnership)),
        (Role.PartnershipAdministrator, new(PupilRoll, Update, WholePartnership)),
        (Role.PartnershipAdministrator, new(Person, Create, WholePartnership)),
    ];
}
