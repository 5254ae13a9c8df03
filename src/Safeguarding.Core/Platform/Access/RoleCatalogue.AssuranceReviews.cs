using static Safeguarding.Core.Platform.Access.Operation;
using static Safeguarding.Core.Platform.Access.Resource;
using static Safeguarding.Core.Platform.Access.Scope;

namespace Safeguarding.Core.Platform.Access;

// Case audits, practice reviews and the children's voice (issue 16): the partnership's business.
public static partial class RoleCatalogue
{
    // The business manager sets up audits and reviews and keeps the voice for the board. A case auditor reads and answers
    // only the cases of an audit they are named on while it is open (the audit relates them then: CaseAudits.Facts). The
    // council's service managers and the three lead safeguarding partners (the council's, the ICB's and the police's) are the
    // partners' leads for practice reviews: the rapid review is theirs jointly, so they read them, the child's name included.
    // Practitioners who work with children record feedback forms and the child's voice from their work.
    private static IEnumerable<(Role Role, Grant Grant)> AssuranceReviewsGrants =>
    [
        (Role.PartnershipBusinessManager, new(CaseAudit, Create, WholePartnership)),
        (Role.PartnershipBusinessManager, new(CaseAudit, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(CaseAudit, Update, WholePartnership)),
        (Role.CaseAuditor, new(CaseAudit, Read, RelatedRecords)),
        (Role.CaseAuditor, new(CaseAudit, Update, RelatedRecords)),
        (Role.PartnershipBusinessManager, new(PracticeReview, Create, WholePartnership)),
        (Role.PartnershipBusinessManager, new(PracticeReview, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(PracticeReview, Update, WholePartnership)),
        (Role.ServiceManager, new(PracticeReview, Read, WholePartnership)),
        (Role.SafeguardingPartner, new(PracticeReview, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(VoiceFeedback, Create, WholePartnership)),
        (Role.PartnershipBusinessManager, new(VoiceFeedback, Read, WholePartnership)),
        (Role.PartnershipBusinessManager, new(VoiceFeedback, Update, WholePartnership)),
        (Role.SocialWorker, new(VoiceFeedback, Create, OwnOrganisation)),
        (Role.EarlyHelpPractitioner, new(VoiceFeedback, Create, OwnOrganisation)),
    ];
}
