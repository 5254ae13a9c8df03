using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// The Front Door's contacts, referral decisions and assessments (issue 16).
public static partial class RoleCatalogue
{
    // The Front Door decides and assesses every contact of the partnership (and records the public's); children's social
    // work reads them: a team manager all, a social worker those about children linked to their organisation. Anyone who
    // may see a child may send a contact about them, at the reach of their Person Read, and reads back only what their own
    // organisation sent, in the referrer's words (FrontDoorContactOutcome, never the reason or the factors).
    private static IEnumerable<(Role Role, Grant Grant)> FrontDoorGrants =>
    [
        (Role.FrontDoorPractitioner, new(FrontDoorContact, Create, WholePartnership)),
        (Role.FrontDoorPractitioner, new(FrontDoorContact, Read, WholePartnership)),
        (Role.FrontDoorPractitioner, new(FrontDoorContact, Update, WholePartnership)),
        (Role.FrontDoorManager, new(FrontDoorContact, Create, WholePartnership)),
        (Role.FrontDoorManager, new(FrontDoorContact, Read, WholePartnership)),
        (Role.FrontDoorManager, new(FrontDoorContact, Update, WholePartnership)),
        (Role.TeamManager, new(FrontDoorContact, Read, WholePartnership)),
        (Role.SocialWorker, new(FrontDoorContact, Read, RelatedRecords)),
        .. Definitions.SelectMany(d => d.Value.Grants.Where(g => g is { Resource: Person, Operation: Read })
            .SelectMany(g => new[] { (d.Key, new Grant(FrontDoorContact, Create, g.Scope)), (d.Key, new Grant(FrontDoorContactOutcome, Read, OwnOrganisation)) })),
    ];
}
