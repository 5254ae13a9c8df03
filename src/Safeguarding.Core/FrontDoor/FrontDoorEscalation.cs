using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// Watches the Front Door's two clocks as the register's are watched (SupportRegister/CetrEscalation): a contact still
/// undecided after its working day, and an assessment open past its 45th working day, each escalate once to the
/// partnership's Front Door managers by a content-free email (a link to the list only: never the child or the concern).
/// Idempotent: every host may run it.
/// </summary>
public sealed class FrontDoorEscalation(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
{
    public const string ProcessName = "front-door:escalate";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var today = FrontDoorClocks.Today(now);
        var contacts = db.Set<FrontDoorContact>();
        var decisions = await contacts.Where(c => c.DecidedAt == null && c.DecisionDueAt < now && c.DecisionEscalatedAt == null).ToListAsync(ct);
        var assessments = await contacts.Where(c => c.AssessmentDue < today && c.AssessmentCompletedOn == null && c.AssessmentEscalatedAt == null
            && (c.Decision == ContactDecision.Assessment || c.Decision == ContactDecision.StrategyDiscussion)).ToListAsync(ct);
        if (decisions.Count == 0 && assessments.Count == 0) return 0;
        var partnerships = decisions.Concat(assessments).Select(c => c.PartnershipId).Distinct().ToList();
        var managers = await Escalations.PeopleInRoleAsync(db, partnerships, Role.FrontDoorManager, ct);
        var outbox = new Outbox(db);
        var baseUrl = (deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl.TrimEnd('/');
        var decisionEmail = new EmailContent("A Front Door decision is overdue",
            $"A contact has waited more than one working day for the Front Door's decision. The list is in Safeguarding Hub:\n\n{baseUrl}/front-door");
        var assessmentEmail = new EmailContent("A child and family assessment is overdue",
            $"An assessment is open past its 45 working days. The list is in Safeguarding Hub:\n\n{baseUrl}/front-door/assessments");
        foreach (var contact in decisions)
        {
            contact.DecisionEscalatedAt = now;
            foreach (var m in managers[contact.PartnershipId])
                outbox.QueueEmail(contact.PartnershipId, m.Email, decisionEmail, $"front-door-decision/{contact.Id:N}/manager/{m.Id:N}", "Front Door decision overdue", contact.Id);
        }
        foreach (var contact in assessments)
        {
            contact.AssessmentEscalatedAt = now;
            foreach (var m in managers[contact.PartnershipId])
                outbox.QueueEmail(contact.PartnershipId, m.Email, assessmentEmail, $"front-door-assessment/{contact.Id:N}/manager/{m.Id:N}", "Assessment overdue", contact.Id);
        }
        if (!await Escalations.SaveOrGiveWayAsync(db, ProcessName, "Front Door clocks", ct)) return 0;
        return decisions.Count + assessments.Count;
    }
}
