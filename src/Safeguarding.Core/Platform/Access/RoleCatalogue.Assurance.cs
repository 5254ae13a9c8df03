using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// The partnership's own business (issue 16): its structure, priorities and work plans, assurance returns, training.
public static partial class RoleCatalogue
{
    // The business manager runs the partnership's structure, the returns its sub-groups ask, and its training records. An
    // agency's safeguarding lead reads and answers the returns asked of their own organisation only (the return is owned by
    // the agency asked), never another agency's, and sees nothing else of the partnership's business.
    private static IEnumerable<(Role Role, Grant Grant)> AssuranceReturnsGrants =>
    [
        (Role.PartnershipBusinessManager, new(AssuranceReturn, Create, WholePartnership)),
        (Role.PartnershipBusinessManager, new(AssuranceReturn, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(AssuranceReturn, Update, WholePartnership)),
        (Role.PartnershipBusinessManager, new(PartnershipPlan, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(PartnershipPlan, Update, WholePartnership)),
        (Role.PartnershipBusinessManager, new(TrainingRecord, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(TrainingRecord, Update, WholePartnership)),
        (Role.AgencySafeguardingLead, new(AssuranceReturn, Read, OwnOrganisation)),
        (Role.AgencySafeguardingLead, new(AssuranceReturn, Update, OwnOrganisation)),
    ];
}
