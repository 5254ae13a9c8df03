using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// Delivery locks the notifications it claims, and its save takes the audit chain's lock. A writer that holds the chain's
/// lock while it changes one of those notifications must not deadlock with it: delivery takes the chain's lock before it
/// claims rows, the order every save follows (seen in the browser tests, where the host and a test wrote at once).
/// </summary>
public sealed class DeliveryLockOrderTests
{
    [Theory, BothDatabases]
    public async Task A_writer_holding_the_audit_chain_while_it_changes_a_notification_does_not_deadlock_delivery(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync();
        var later = s.Clock.GetCurrentInstant() + Duration.FromDays(2);

        // The writer: mid-save, holding the chain's lock (on SQLite, the one write lock).
        await using var writer = s.NewContext();
        await using var tx = await writer.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await writer.LockAuditChainAsync(TestContext.Current.CancellationToken);

        var delivering = Task.Run(async () =>
        {
            await using var db = s.NewContext();
            return await s.Delivery(db).DeliverAllReadyAsync();
        });
        if (provider == DatabaseProvider.Postgres) await DeliveryWaitsAsync(s.Database, delivering);

        // Now the writer changes the notification delivery wants, and finishes.
        await writer.EncompassNotifications.Where(n => n.Id == notification.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Deadline, later), TestContext.Current.CancellationToken);
        await tx.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await delivering);
        await using var read = s.NewContext();
        var delivered = await read.EncompassNotifications.AsNoTracking().SingleAsync(n => n.Id == notification.Id, TestContext.Current.CancellationToken);
        Assert.Equal((NotificationStatus.Delivered, later), (delivered.Status, delivered.Deadline));
    }

    /// <summary>Until delivery's transaction is waiting on a lock (in the old order, it held the rows by then).</summary>
    private static async Task DeliveryWaitsAsync(TestDatabase database, Task delivering)
    {
        var name = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND wait_event_type = 'Lock'", admin);
        waiting.Parameters.AddWithValue("name", name!);
        while ((long)(await waiting.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
        {
            Assert.False(delivering.IsCompleted, "delivery finished while the writer held the audit chain's lock");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
