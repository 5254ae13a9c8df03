using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// The yearly report (issue 16): the business manager drafts it and makes its editions; the three lead safeguarding
// partners read the editions and sign them off (Review). Nobody else: the draft holds figures not yet suppressed.
public static partial class RoleCatalogue
{
    private static IEnumerable<(Role Role, Grant Grant)> YearlyReportGrants =>
    [
        (Role.PartnershipBusinessManager, new(YearlyReport, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(YearlyReport, Create, WholePartnership)),
        (Role.PartnershipBusinessManager, new(YearlyReport, Update, WholePartnership)),
        (Role.SafeguardingPartner, new(YearlyReport, Read, WholePartnership)),
        (Role.SafeguardingPartner, new(YearlyReport, Review, WholePartnership)),
    ];
}
