using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// Contacts from the emergency department to the Front Door (issue 16).
public static partial class RoleCatalogue
{
    // The trust's ED safeguarding nurse acts on their own trust's attendances: from one, they send a contact about the
    // child to the Front Door (once), and read the outcome back in the referrer's words (FrontDoorContactOutcome, which
    // their Person Read already gives for their own organisation's contacts).
    private static IEnumerable<(Role Role, Grant Grant)> EdContactGrants =>
    [
        (Role.EdSafeguardingNurse, new(EdAttendance, Update, OwnOrganisation)),
    ];
}
