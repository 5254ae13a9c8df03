using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// A database whose audit chain has signed checkpoints every few entries (and at its last), with the key and the
/// checkpoint file in a folder of its own: what an insider with the database, but not the key, attacks.
/// </summary>
internal sealed class SignedTrail : IAsyncDisposable
{
    private SignedTrail(TestDatabase database, string folder, AuditCheckpointOptions options, IReadOnlyList<long> checkpointed)
    {
        Database = database;
        Folder = folder;
        Options = options;
        Checkpointed = checkpointed;
    }

    public TestDatabase Database { get; }

    public string Folder { get; }

    public AuditCheckpointOptions Options { get; }

    /// <summary>The entries a checkpoint names, in order.</summary>
    public IReadOnlyList<long> Checkpointed { get; }

    public long Entries => Checkpointed[^1];

    public static async Task<SignedTrail> CreateAsync(DatabaseProvider provider, int reads, int checkpointEvery)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "safeguarding-audit-tests", Guid.NewGuid().ToString("N"));
        var options = new AuditCheckpointOptions(Path.Combine(folder, "audit-checkpoints.log"), Path.Combine(folder, "keys", "audit-signing.key"), null);
        // Real records too (a partnership), as in any installation: their writes are chained like the reads.
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var checkpointed = new List<long>();
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db);
            for (var i = 1; i <= reads; i++)
            {
                await trail.RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"person-{i}", AuditOutcome.Allowed);
                if (i % checkpointEvery == 0 || i == reads)
                    checkpointed.Add((await AuditCheckpoints.WriteAsync(db, options))!.Sequence);
            }
        }
        return new SignedTrail(database, folder, options, checkpointed);
    }

    public async Task<AuditVerification> VerifyAsync(SafeguardingDbContext db) =>
        await new AuditTrail(db).VerifyAsync(AuditCheckpoints.Read(Options));

    /// <summary>The first entry no checkpoint vouches for once entry <paramref name="rewritten"/> onwards are rewritten.</summary>
    public long FirstUnvouchedBefore(long rewritten) => Checkpointed.Where(c => c < rewritten).DefaultIfEmpty(0).Max() + 1;

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
