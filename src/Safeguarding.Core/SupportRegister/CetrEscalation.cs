using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.SupportRegister;

/// <summary>
/// Watches the register's clocks as ROTH's are watched (Exploitation/Roth/RothEscalation): a C(E)TR referral, a
/// post-admission or an inpatient C(E)TR past its due day escalates to the complex-needs unit, who are sent a
/// content-free email (a link to their queue only). Each clock escalates once; a later clock escalates again.
/// Idempotent: every host may run it.
/// </summary>
public sealed class CetrEscalation(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
{
    public const string ProcessName = "cetr:escalate";
    public const string Path = "/support-register/cetrs";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var today = SupportRegisterEntries.Today(now);
        var referrals = await db.Set<SupportRegisterEntry>().Where(e => e.Status == SupportRegisterStatus.OnRegister && e.ReferralDue < today
            && (e.ReferralEscalatedDue == null || e.ReferralEscalatedDue != e.ReferralDue)).ToListAsync(ct);
        var cetrs = await db.Set<Cetr>().Where(c => c.Due < today && c.HeldOn == null && c.ClosedAt == null
            && (c.EscalatedDue == null || c.EscalatedDue != c.Due)).ToListAsync(ct);
        if (referrals.Count == 0 && cetrs.Count == 0) return 0;
        var partnerships = referrals.Select(e => e.PartnershipId).Concat(cetrs.Select(c => c.PartnershipId)).Distinct().ToList();
        var unit = await Escalations.PeopleInRoleAsync(db, partnerships, Role.ComplexNeedsCoordinator, ct);
        var outbox = new Outbox(db);
        var baseUrl = (deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl.TrimEnd('/');
        var content = new EmailContent("A C(E)TR clock is overdue",
            $"A C(E)TR referral or review on the Dynamic Support Register is past its due date. The queue is in Safeguarding Hub:\n\n{baseUrl}{Path}");
        foreach (var entry in referrals)
        {
            entry.ReferralEscalatedDue = entry.ReferralDue;
            foreach (var u in unit[entry.PartnershipId])
                outbox.QueueEmail(entry.PartnershipId, u.Email, content, $"cetr-referral/{entry.Id:N}/unit/{u.Id:N}/{entry.ReferralDue:yyyy-MM-dd}", "C(E)TR referral overdue", entry.Id);
        }
        foreach (var cetr in cetrs)
        {
            (cetr.EscalatedDue, cetr.EscalatedAt) = (cetr.Due, now);
            foreach (var u in unit[cetr.PartnershipId])
                outbox.QueueEmail(cetr.PartnershipId, u.Email, content, $"cetr/{cetr.Id:N}/unit/{u.Id:N}/{cetr.Due:yyyy-MM-dd}", "C(E)TR overdue", cetr.Id);
        }
        if (!await Escalations.SaveOrGiveWayAsync(db, ProcessName, "C(E)TR clocks", ct)) return 0;
        return referrals.Count + cetrs.Count;
    }
}
