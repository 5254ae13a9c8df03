using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class AuditCheckpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task A_signed_trail_verifies_as_intact_naming_its_checkpoints(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 12, checkpointEvery: 5);
        await using var db = trail.Database.NewContext();

        var result = await trail.VerifyAsync(db);

        Assert.True(result.Intact, result.Message);
        Assert.Contains($"3 signed checkpoints match, the last at entry {trail.Entries}", result.Message);
        var lines = await File.ReadAllLinesAsync(trail.Options.CheckpointFile, Ct);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"v1 {trail.Entries} ", lines[^1]);
    }

    [Theory, BothDatabases]
    public async Task Deleting_every_entry_and_the_head_is_broken_where_the_database_holds_records(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        await using var db = database.NewContext();
        await AuditTampering.LiftGuardAsync(db, Ct);
        await AuditTampering.DeleteAllAsync(db);

        // No checkpoints at all here: the records themselves say the trail cannot be empty.
        var result = await new AuditTrail(db).VerifyAsync(ct: Ct);

        Assert.False(result.Intact);
        Assert.Equal(1, result.FirstBrokenSequence);
        Assert.Contains("every entry was deleted", result.Message);
    }

    [Theory, BothDatabases]
    public async Task Entries_deleted_from_the_end_with_the_head_moved_back_are_named_by_the_checkpoint_that_saw_them(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 10, checkpointEvery: 10);
        await using var db = trail.Database.NewContext();
        await AuditTampering.LiftGuardAsync(db, Ct);
        await AuditTampering.TruncateTailAsync(db, trail.Entries - 2);

        Assert.True((await new AuditTrail(db).VerifyAsync(ct: Ct)).Intact, "the chain alone cannot see it");
        var result = await trail.VerifyAsync(db);

        Assert.False(result.Intact);
        Assert.Equal(trail.Entries - 2, result.FirstBrokenSequence);
        Assert.Contains($"names entry {trail.Entries}", result.Message);
    }

    [Theory, BothDatabases]
    public async Task A_checkpoint_line_not_signed_by_the_key_is_refused(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 4, checkpointEvery: 2);
        // The attacker signs a rewritten head with a key of their own.
        var own = trail.Options with { SigningKeyFile = Path.Combine(trail.Folder, "attacker", "key"), CheckpointFile = Path.Combine(trail.Folder, "attacker.log") };
        await using (var db = trail.Database.NewContext()) await AuditCheckpoints.WriteAsync(db, own, ct: Ct);
        await File.AppendAllLinesAsync(trail.Options.CheckpointFile, await File.ReadAllLinesAsync(own.CheckpointFile, Ct), Ct);

        await using var check = trail.Database.NewContext();
        var result = await trail.VerifyAsync(check);

        Assert.False(result.Intact);
        Assert.Contains("line 3 of", result.Message);
        Assert.Contains("not a checkpoint signed by the audit key", result.Message);
    }

    [Theory, BothDatabases]
    public async Task A_missing_checkpoint_file_is_broken_once_the_installation_signs_checkpoints(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 3, checkpointEvery: 3);
        File.Delete(trail.Options.CheckpointFile);
        await using var db = trail.Database.NewContext();

        var result = await trail.VerifyAsync(db);

        Assert.False(result.Intact);
        Assert.Contains("no signed checkpoint", result.Message);
    }

    [Theory, BothDatabases]
    public async Task Verify_checks_against_the_pinned_public_key_not_a_key_file_that_was_replaced(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 3, checkpointEvery: 3);
        var pinned = (await File.ReadAllTextAsync(trail.Options.PublicKeyFile, Ct)).Trim();
        // Someone replaces the key files with their own and re-signs the file's checkpoints.
        File.Delete(trail.Options.SigningKeyFile);
        File.Delete(trail.Options.PublicKeyFile);
        File.Delete(trail.Options.CheckpointFile);
        await using (var db = trail.Database.NewContext()) await AuditCheckpoints.WriteAsync(db, trail.Options, ct: Ct);

        await using var check = trail.Database.NewContext();
        Assert.True((await new AuditTrail(check).VerifyAsync(AuditCheckpoints.Read(trail.Options), ct: Ct)).Intact);
        var result = await new AuditTrail(check).VerifyAsync(AuditCheckpoints.Read(trail.Options with { PublicKey = pinned }), ct: Ct);
        Assert.False(result.Intact);
        Assert.Contains("not a checkpoint signed by the audit key", result.Message);
    }

    [Theory, BothDatabases]
    public async Task A_head_that_no_longer_matches_its_entry_is_not_signed(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 3, checkpointEvery: 3);
        await using var db = trail.Database.NewContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_head SET \"LastHash\" = {0}", new string('a', 64));

        await Assert.ThrowsAsync<InvalidOperationException>(() => AuditCheckpoints.WriteAsync(db, trail.Options, ct: Ct));
        Assert.Single(await File.ReadAllLinesAsync(trail.Options.CheckpointFile, Ct));
    }

    [Theory, BothDatabases]
    public async Task A_checkpoint_is_written_only_when_the_chain_has_grown_past_the_last_one(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 2, checkpointEvery: 2);
        await using var db = trail.Database.NewContext();

        Assert.Null(await AuditCheckpoints.WriteAsync(db, trail.Options, afterSequence: trail.Entries, Ct));
        await new AuditTrail(db).RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", "p", AuditOutcome.Allowed, ct: Ct);
        Assert.Equal(trail.Entries + 1, (await AuditCheckpoints.WriteAsync(db, trail.Options, afterSequence: trail.Entries, Ct))!.Sequence);
    }
}
