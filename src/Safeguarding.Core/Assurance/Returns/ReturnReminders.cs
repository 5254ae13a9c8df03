using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.Assurance.Returns;

/// <summary>
/// Reminds agencies of the returns they have not submitted, as the register's clocks are watched
/// (SupportRegister/CetrEscalation): once when the due date is <see cref="WorkingDaysBefore"/> working days away or
/// nearer, and once when it has passed. Each goes to the agency's safeguarding leads as a content-free email (a link to
/// the returns list). A return already overdue when first seen gets the overdue reminder only. Idempotent: every host may run it.
/// </summary>
public sealed class ReturnReminders(SafeguardingDbContext db, AssuranceReturns returns)
{
    public const string ProcessName = "assurance-returns:remind";
    public const int WorkingDaysBefore = 5;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = AssuranceReturns.Today(db.Clock.GetCurrentInstant());
        var soon = WorkingDays.Add(today, WorkingDaysBefore);
        var due = await (from a in db.Set<AssuranceReturn>()
                         join r in db.Set<ReturnRequest>() on a.RequestId equals r.Id
                         where (a.Status == ReturnStatus.NotStarted || a.Status == ReturnStatus.Draft)
                               && (r.Due < today && a.OverdueReminderSentAt == null || r.Due <= soon && r.Due >= today && a.ReminderSentAt == null)
                         select new { Return = a, r.Due }).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var now = db.Clock.GetCurrentInstant();
        var outbox = new Outbox(db);
        var soonEmail = returns.Email("An assurance return is due soon", "An assurance return asked of your organisation is due soon and has not been submitted. It is in Safeguarding Hub:");
        var overdueEmail = returns.Email("An assurance return is overdue", "An assurance return asked of your organisation is past its due date and has not been submitted. It is in Safeguarding Hub:");
        foreach (var group in due.GroupBy(d => d.Return.PartnershipId))
        {
            var leads = (await returns.LeadsAsync(group.Key, [.. group.Select(d => d.Return)], ct)).ToLookup(l => l.Return.Id, l => l.Lead);
            foreach (var d in group)
            {
                var overdue = d.Due < today;
                var (kind, content) = overdue ? ("overdue", overdueEmail) : ("due-soon", soonEmail);
                // An overdue return's reminder before the due date is past use: it is marked sent with the overdue one.
                d.Return.ReminderSentAt ??= now;
                if (overdue) d.Return.OverdueReminderSentAt = now;
                foreach (var lead in leads[d.Return.Id])
                    outbox.QueueEmail(group.Key, lead.Email, content, $"assurance-return/{d.Return.Id:N}/{kind}/{lead.Id:N}", $"Assurance return {kind}", d.Return.Id);
            }
        }
        // Another host may have sent the same reminders a moment earlier (the delivery keys are unique): its run stands.
        return await Escalations.SaveOrGiveWayAsync(db, ProcessName, "assurance return reminders", ct) ? due.Count : 0;
    }
}
