using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// Return reminders on both databases: each agency that has not submitted gets one reminder when the due date is five
/// working days away or nearer and one when it has passed, never twice; a submitted return gets none; a return first seen
/// overdue gets the overdue reminder only. Content-free: no title or answer in the email.
/// </summary>
public sealed class ReturnRemindersTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private static async Task<List<string>> KeysAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Set<OutboxMessage>().Where(m => m.About.StartsWith("Assurance return") && !m.DeliveryKey.Contains("/asked/"))
            .OrderBy(m => m.DeliveryKey).Select(m => m.DeliveryKey).ToListAsync(ct);
    }

    private static async Task<int> RunAsync(AssuranceReturnsTests.World w, Instant at, CancellationToken ct)
    {
        w.Clock.Reset(at);
        await using var db = w.Database.NewContext(w.Clock);
        return await new ReturnReminders(db, new AssuranceReturns(db)).RunAsync(ct);
    }

    [Theory, BothDatabases]
    public async Task Each_agency_not_submitted_is_reminded_once_before_the_due_date_and_once_when_overdue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        // Due Friday 18 December 2026: five working days before is Friday 11 December.
        var w = await AssuranceReturnsTests.WorldAsync(database, new LocalDate(2026, 12, 18));
        await using (var db = database.NewContext(w.Clock))
        {
            await new AssuranceReturns(db).SaveAsync(new SaveAnswersOptions(w.PoliceReturn,
                [.. w.Questions.Select(q => new AnswerInput(q, 3, "Evidence"))], Submit: true), As(w.PoliceLead), ct);
        }

        Assert.Equal(0, await RunAsync(w, Instant.FromUtc(2026, 12, 10, 9, 0), ct));
        Assert.Equal(1, await RunAsync(w, Instant.FromUtc(2026, 12, 11, 9, 0), ct));
        Assert.Equal(0, await RunAsync(w, Instant.FromUtc(2026, 12, 18, 9, 0), ct));
        Assert.Equal(1, await RunAsync(w, Instant.FromUtc(2026, 12, 19, 9, 0), ct));
        Assert.Equal(0, await RunAsync(w, Instant.FromUtc(2026, 12, 21, 9, 0), ct));

        Assert.Equal([$"assurance-return/{w.TrustReturn:N}/due-soon/{w.TrustLead.User.Id:N}", $"assurance-return/{w.TrustReturn:N}/overdue/{w.TrustLead.User.Id:N}"],
            await KeysAsync(database, ct));
        await using var check = database.NewContext();
        Assert.All(await check.Set<OutboxMessage>().Select(m => m.Payload).ToListAsync(ct), p => Assert.DoesNotContain("Section 11", p, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_return_first_seen_overdue_gets_the_overdue_reminder_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceReturnsTests.WorldAsync(database, new LocalDate(2026, 12, 4));

        Assert.Equal(2, await RunAsync(w, Instant.FromUtc(2026, 12, 7, 9, 0), ct));
        Assert.Equal(0, await RunAsync(w, Instant.FromUtc(2026, 12, 8, 9, 0), ct));

        var keys = await KeysAsync(database, ct);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Contains("/overdue/", k, StringComparison.Ordinal));
    }
}
