using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.FrontDoor.FrontDoorWorld;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// An overdue decision and an overdue assessment each escalate once to the Front Door managers, by an email that names
/// neither the child nor the concern; a clock still running, or stopped in time, escalates nothing.
/// </summary>
public sealed class FrontDoorEscalationTests
{
    // Monday 2 November 2026, 10:00 London (GMT): the decision is due Tuesday at 10:00.
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 2, 10, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> EscalateAsync(FrontDoorWorld w)
    {
        await using var db = w.NewContext();
        return await new FrontDoorEscalation(db).RunAsync(Ct);
    }

    [Theory, BothDatabases]
    public async Task An_overdue_decision_and_an_overdue_assessment_each_escalate_once_to_the_managers_by_a_content_free_email(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(database, Monday);
        var late = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.Child.Id, "Bruising on the arm; says dad was angry."), As(w.KeyAdult), Ct));
        var inTime = await w.WithAsync(c => c.RecordAsync(new RecordContactOptions(w.OtherChild.Id, "Hungry every morning."), As(w.OtherKeyAdult), Ct));
        await w.WithAsync(c => c.DecideAsync(new DecideContactOptions(inTime, ContactDecision.Assessment, "Neglect suspected."), As(w.Practitioner), Ct));

        // Tuesday 09:59: nothing is overdue yet.
        w.Clock.Reset(Instant.FromUtc(2026, 11, 3, 9, 59));
        Assert.Equal(0, await EscalateAsync(w));
        // Tuesday 10:01: the undecided contact escalates, once.
        w.Clock.Reset(Instant.FromUtc(2026, 11, 3, 10, 1));
        Assert.Equal(1, await EscalateAsync(w));
        Assert.Equal(0, await EscalateAsync(w));

        // The assessment of the other contact is due 45 working days from Monday: 7 January 2027 (the bank holidays of
        // 25 and 28 December and 1 January not counted). The day after, it escalates once.
        LocalDate? due;
        await using (var db = w.NewContext())
            due = await db.Set<FrontDoorContact>().Where(c => c.Id == inTime).Select(c => c.AssessmentDue).SingleAsync(Ct);
        w.Clock.Reset(Instant.FromUtc(2027, 1, 7, 18, 0));
        Assert.Equal(new LocalDate(2027, 1, 7), due);
        Assert.Equal(0, await EscalateAsync(w));
        w.Clock.Reset(Instant.FromUtc(2027, 1, 8, 9, 0));
        Assert.Equal(1, await EscalateAsync(w));
        Assert.Equal(0, await EscalateAsync(w));

        await using var check = w.NewContext();
        var mail = await check.Set<OutboxMessage>().AsNoTracking().Where(m => m.AboutId == late || m.AboutId == inTime)
            .Where(m => m.Destination == w.Manager.Email).ToListAsync(Ct);
        mail = [.. mail.OrderBy(m => m.CreatedAt)];
        Assert.Equal([late, inTime], mail.Select(m => m.AboutId));
        Assert.Contains("/front-door", mail[0].Payload, StringComparison.Ordinal);
        Assert.Contains("/front-door/assessments", mail[1].Payload, StringComparison.Ordinal);
        Assert.All(mail, m =>
        {
            Assert.DoesNotContain(w.Child.FamilyName, m.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(w.OtherChild.FamilyName, m.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain("dad", m.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain("Neglect", m.Payload, StringComparison.Ordinal);
        });
        // The practitioner, the social worker and the schools get none of these.
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.Destination == w.Practitioner.Email || m.Destination == w.SocialWorker.Email, Ct));
    }
}
