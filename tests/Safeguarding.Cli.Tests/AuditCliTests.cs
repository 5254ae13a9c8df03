using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

public sealed class AuditCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The test database, with the checkpoint file and key in a folder of the test's own.</summary>
    private static CliRunner Runner(TestDatabase database, string folder) => new(Cli.RunAsync, new Dictionary<string, string?>(CliRunner.Settings(database))
    {
        ["Safeguarding:Audit:CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.log"),
        ["Safeguarding:Audit:SigningKeyFile"] = Path.Combine(folder, "keys", "audit-signing.key"),
    });

    [Theory, BothDatabases]
    public async Task Checkpoint_signs_the_head_and_verify_then_catches_a_chain_rewritten_with_recomputed_hashes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await using (var db = database.NewContext())
                for (var i = 0; i < 4; i++)
                    await new AuditTrail(db).RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"person-{i}", AuditOutcome.Allowed, ct: Ct);
            var cli = Runner(database, folder);

            var signed = await cli.RunAsync("audit", "checkpoint");
            Assert.Equal(0, signed.ExitCode);
            Assert.Contains("Signed entry 4", signed.Output);
            Assert.True(File.Exists(Path.Combine(folder, "keys", "audit-signing.key.pub")));
            var intact = await cli.RunAsync("audit", "verify");
            Assert.Equal(0, intact.ExitCode);
            Assert.Contains("1 signed checkpoints match, the last at entry 4", intact.Output);

            // Entry 2 rewritten, and every hash after it recomputed, by someone with the database but not the key.
            await using (var db = database.NewContext())
            {
                await AuditTampering.LiftGuardAsync(db, Ct);
                await AuditTampering.RewriteAndRecomputeAsync(db, 2);
            }

            var broken = await cli.RunAsync("audit", "verify");
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("broken at entry 1", broken.Error);
            Assert.Contains("entry 4 differs from the checkpoint signed at", broken.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
