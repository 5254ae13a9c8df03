using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

public static partial class RoleCatalogue
{
    /// <summary>
    /// Platform services other modules share. School calendars: a setting's data manager, Key Adult or college
    /// safeguarding lead sees and keeps their own setting's calendar; the council's education lead and the partnership
    /// administrator see and keep any, the council's default included (every setting may see the default, which it
    /// inherits). The system administrator sees and retries failed deliveries from the outbox.
    /// </summary>
    private static IEnumerable<(Role Role, Grant Grant)> PlatformGrants =>
    [
        (Role.SettingDataManager, new(SchoolCalendar, Read, OwnOrganisation)),
        (Role.SettingDataManager, new(SchoolCalendar, Update, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(SchoolCalendar, Read, OwnOrganisation)),
        (Role.SchoolKeyAdult, new(SchoolCalendar, Update, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(SchoolCalendar, Read, OwnOrganisation)),
        (Role.CollegeSafeguardingLead, new(SchoolCalendar, Update, OwnOrganisation)),
        (Role.EducationLead, new(SchoolCalendar, Read, WholePartnership)),
        (Role.EducationLead, new(SchoolCalendar, Update, WholePartnership)),
        (Role.PartnershipAdministrator, new(SchoolCalendar, Read, WholePartnership)),
        (Role.PartnershipAdministrator, new(SchoolCalendar, Update, WholePartnership)),
        (Role.SystemAdministrator, new(Deliveries, Read, WholePartnership)),
        (Role.SystemAdministrator, new(Deliveries, Update, WholePartnership)),
    ];
}
