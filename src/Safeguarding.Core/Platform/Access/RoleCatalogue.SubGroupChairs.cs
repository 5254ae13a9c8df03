using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// A sub-group's chair writes the yearly report's sections of their own sub-group. The grant is not across the
// partnership: YearlyReports lets it reach only the sections whose sub-group names the user as chair (by user id), and
// never the draft, the figures page, editions or sign-off, which need grants across the partnership.
public static partial class RoleCatalogue
{
    private static IEnumerable<(Role Role, Grant Grant)> SubGroupChairGrants =>
    [
        (Role.SubGroupChair, new(YearlyReport, Update, RelatedRecords)),
    ];
}
