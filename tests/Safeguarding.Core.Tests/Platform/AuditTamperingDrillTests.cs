using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// The tampering drill (issue 18, figure in docs/security.md): 100 attacks generated on a copy of a signed trail, by
/// someone who can write anything to the database but has not got the signing key. Each runs in a transaction that is
/// rolled back, so each starts from the untouched trail. Verify must call every one broken and name where.
/// </summary>
public sealed class AuditTamperingDrillTests
{
    public enum Attack
    {
        Edit,
        Delete,
        Reorder,
        TruncateTail,
        DeleteAll,
        RewriteAndRecompute,
    }

    private sealed record Outcome(Attack Attack, string Target, long ExpectedFirstBroken, bool NamesACheckpoint, AuditVerification Result)
    {
        public bool Detected =>
            !Result.Intact && Result.FirstBrokenSequence == ExpectedFirstBroken
            && Result.Message.Contains($"entry {ExpectedFirstBroken}", StringComparison.Ordinal)
            && (!NamesACheckpoint || Result.Message.Contains("checkpoint signed at", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_hundred_generated_attacks_are_each_detected_and_the_first_broken_entry_or_the_checkpoint_named(DatabaseProvider provider)
    {
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 60, checkpointEvery: 7);
        var random = new Random(18);
        var attacks = Enum.GetValues<Attack>();
        var outcomes = new List<Outcome>();

        for (var i = 0; i < 100; i++)
        {
            var attack = attacks[i % attacks.Length];
            await using var db = trail.Database.NewContext();
            await using var copy = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await AuditTampering.LiftGuardAsync(db, TestContext.Current.CancellationToken);
            var n = trail.Entries;
            var (target, expected, namesCheckpoint) = attack switch
            {
                Attack.Edit => await Run(random.NextInt64(1, n + 1), k => AuditTampering.EditAsync(db, k), k => k, false),
                // The entry after the gap is the first whose link fails; the message names the one missing.
                Attack.Delete => await Run(random.NextInt64(1, n), k => AuditTampering.DeleteAsync(db, k), k => k + 1, false),
                Attack.Reorder => await Reorder(),
                Attack.TruncateTail => await Run(random.NextInt64(2, n + 1), k => AuditTampering.TruncateTailAsync(db, k), k => k, false),
                Attack.DeleteAll => await Run(1, _ => AuditTampering.DeleteAllAsync(db), _ => 1, false),
                _ => await Run(random.NextInt64(1, n + 1), k => AuditTampering.RewriteAndRecomputeAsync(db, k), trail.FirstUnvouchedBefore, true),
            };
            outcomes.Add(new Outcome(attack, target, expected, namesCheckpoint, await trail.VerifyAsync(db)));
            await copy.RollbackAsync(TestContext.Current.CancellationToken);

            async Task<(string, long, bool)> Reorder()
            {
                var first = random.NextInt64(1, n);
                var second = random.NextInt64(first + 1, n + 1);
                await AuditTampering.SwapAsync(db, first, second);
                return ($"entries {first} and {second}", first, false);
            }
        }

        var missed = outcomes.Where(o => !o.Detected).Select(o => $"{o.Attack} {o.Target}: expected entry {o.ExpectedFirstBroken}, got {o.Result.Message}").ToList();
        Assert.Empty(missed);
        Assert.Equal(100, outcomes.Count(o => o.Detected));
        Assert.All(attacks, a => Assert.Contains(outcomes, o => o.Attack == a));
        // Untouched again after every rollback.
        await using (var check = trail.Database.NewContext())
            Assert.True((await trail.VerifyAsync(check)).Intact);

        static async Task<(string, long, bool)> Run(long k, Func<long, Task> attack, Func<long, long> expected, bool namesCheckpoint)
        {
            await attack(k);
            return ($"entry {k}", expected(k), namesCheckpoint);
        }
    }

    [Theory, BothDatabases]
    public async Task Without_the_signed_checkpoints_a_rewritten_and_recomputed_chain_passes_for_intact(DatabaseProvider provider)
    {
        // The attack the checkpoints exist for: the chain alone cannot see it.
        await using var trail = await SignedTrail.CreateAsync(provider, reads: 20, checkpointEvery: 5);
        await using var db = trail.Database.NewContext();
        await AuditTampering.LiftGuardAsync(db, TestContext.Current.CancellationToken);
        await AuditTampering.RewriteAndRecomputeAsync(db, 3);

        Assert.True((await new AuditTrail(db).VerifyAsync(ct: TestContext.Current.CancellationToken)).Intact);
        var signed = await trail.VerifyAsync(db);
        Assert.False(signed.Intact);
        Assert.Equal(1, signed.FirstBrokenSequence);
    }
}
