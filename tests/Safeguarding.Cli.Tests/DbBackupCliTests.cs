using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// The SQLite backup drill, short: <c>db backup</c> copies the database while another writer keeps adding to it, and
/// the copy is whole (integrity check), its audit chain verifies, and it holds everything written before the backup.
/// </summary>
public sealed class DbBackupCliTests
{
    private static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        new CliRunner(Cli.RunAsync, settings).RunAsync(args);

    [Theory, BothDatabases]
    public async Task A_backup_taken_while_writes_go_on_is_whole_and_its_audit_chain_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        await data.CreateOrganisationAsync(partnership.Id);
        var target = Path.Combine(database.Settings.DataDirectory, $"backup-{Guid.NewGuid():N}.db");
        if (provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL has its own tools for this; the command says so rather than half-doing it.
            var refused = await RunAsync(CliRunner.Settings(database), "db", "backup", "--to", target);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("pg_basebackup", refused.Error);
            return;
        }

        long before;
        await using (var db = database.NewContext()) before = await db.AuditEntries.LongCountAsync();
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = database.NewContext();
                await new AuditTrail(db).RecordAsync(ProcessContext.System("test:writer"), AuditActions.Read, "Person", $"p{writes}", AuditOutcome.Allowed);
                writes++;
            }
        });
        while (Volatile.Read(ref writes) < 5) await Task.Delay(10);

        var backup = await RunAsync(CliRunner.Settings(database), "db", "backup", "--to", target);
        var writesAtBackup = Volatile.Read(ref writes);
        await Task.Delay(100);
        await stop.CancelAsync();
        await writer;

        Assert.Equal((0, ""), (backup.ExitCode, backup.Error));
        // The console wraps a long line (the path) at its width: read the words, not the lines.
        Assert.Contains("the copy passed its integrity check", Regex.Replace(backup.Output, @"\s+", " "));
        var copy = new Dictionary<string, string?>(CliRunner.Settings(database)) { ["ConnectionStrings:Safeguarding"] = $"Data Source={target}" };
        var verify = await RunAsync(copy, "audit", "verify");
        Assert.Equal((0, ""), (verify.ExitCode, verify.Error));

        // The copy is the database at one moment: every entry before the backup began, each as in the database.
        await using var source = database.NewContext();
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={target}", database.Settings.DataDirectory).Apply(options);
        await using var restored = new SafeguardingDbContext(options.Options, NodaTime.SystemClock.Instance);
        var copied = await restored.AuditEntries.OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).ToListAsync();
        Assert.InRange(copied.Count, before + 5, before + writesAtBackup + 1);
        var last = copied[^1].Sequence;
        var originals = await source.AuditEntries.Where(a => a.Sequence <= last).OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).ToListAsync();
        Assert.Equal(originals, copied);
        Assert.True(await source.AuditEntries.LongCountAsync() > copied.Count, "The writer went on after the backup.");

        var again = await RunAsync(CliRunner.Settings(database), "db", "backup", "--to", target);
        Assert.Equal((1, $"Error: {target} already exists; give a new file name."), (again.ExitCode, again.Error.Trim()));
    }
}
