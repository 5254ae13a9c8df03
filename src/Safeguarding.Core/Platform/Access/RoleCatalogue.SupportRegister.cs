using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// The Dynamic Support Register (issue 15): health-led.
public static partial class RoleCatalogue
{
    // The ICB's complex-needs unit keeps the whole register. Health safeguarding practitioners and social workers read and
    // update the entries they lead (the entry relates them as the named lead practitioner, not their colleagues). A school
    // or college and a GP practice read their pupils' or patients' entries only while consent covers education or the GP
    // (the entry relates them then, and never while suggested or after withdrawal). Anyone who may see a child may
    // suggest them, at the reach of their Person Read.
    private static IEnumerable<(Role Role, Grant Grant)> SupportRegisterGrants =>
    [
        (Role.ComplexNeedsCoordinator, new(SupportRegisterEntry, Create, WholePartnership)),
        (Role.ComplexNeedsCoordinator, new(SupportRegisterEntry, Read, WholePartnership)),
        (Role.ComplexNeedsCoordinator, new(SupportRegisterEntry, Update, WholePartnership)),
        // The unit chairs the register reviews on the meeting engine: it makes and arranges the meetings of the series it
        // chairs (as a conference chair does its ROTH conferences) and sees the meetings it is invited to.
        (Role.ComplexNeedsCoordinator, new(Meeting, Create, OwnOrganisation)),
        (Role.ComplexNeedsCoordinator, new(Meeting, Read, RelatedRecords)),
        (Role.ComplexNeedsCoordinator, new(Meeting, Update, OwnOrganisation)),
        (Role.HealthSafeguardingPractitioner, new(SupportRegisterEntry, Read, RelatedRecords)),
        (Role.HealthSafeguardingPractitioner, new(SupportRegisterEntry, Update, RelatedRecords)),
        (Role.SocialWorker, new(SupportRegisterEntry, Read, RelatedRecords)),
        (Role.SocialWorker, new(SupportRegisterEntry, Update, RelatedRecords)),
        (Role.SchoolKeyAdult, new(SupportRegisterEntry, Read, RelatedRecords)),
        (Role.CollegeSafeguardingLead, new(SupportRegisterEntry, Read, RelatedRecords)),
        (Role.GpPractice, new(SupportRegisterEntry, Read, RelatedRecords)),
        .. Definitions.SelectMany(d => d.Value.Grants.Where(g => g is { Resource: Person, Operation: Read })
            .Select(g => (d.Key, new Grant(SupportRegisterEntry, Create, g.Scope)))),
    ];
}
