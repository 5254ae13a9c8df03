using System.Globalization;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary>
/// Killing an import or the dispatcher at any moment and starting it again loses nothing, makes nothing twice and
/// leaves the audit chain intact. A few trials per target on every run; scripts/drills/crash.sh runs 200 (set
/// SAFEGUARDING_CRASH_TRIALS), and SAFEGUARDING_CRASH_SEED replays a failure's kill moments.
/// </summary>
public sealed class CrashDrillTests
{
    [Theory, BothDatabases]
    public Task Killing_the_encompass_batch_intake_and_restarting_it_loses_and_duplicates_nothing(DatabaseProvider provider) =>
        DrillAsync(CrashTarget.EncompassImport, provider);

    [Theory, BothDatabases]
    public Task Killing_the_attendance_import_and_restarting_it_loses_and_duplicates_nothing(DatabaseProvider provider) =>
        DrillAsync(CrashTarget.AttendanceImport, provider);

    [Theory, BothDatabases]
    public Task Killing_the_outbox_dispatcher_and_restarting_it_loses_and_duplicates_nothing(DatabaseProvider provider) =>
        DrillAsync(CrashTarget.OutboxDispatch, provider);

    private static async Task DrillAsync(CrashTarget target, DatabaseProvider provider)
    {
        var trials = int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARDING_CRASH_TRIALS"), CultureInfo.InvariantCulture, out var t) ? t : 1;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARDING_CRASH_SEED"), CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next(1, int.MaxValue);
        var output = TestContext.Current.TestOutputHelper;
        var result = await CrashDrill.RunAsync(target, provider, trials, seed, line => output?.WriteLine(line));
        if (Environment.GetEnvironmentVariable("SAFEGUARDING_CRASH_REPORT") is { Length: > 0 } report)
            await File.AppendAllTextAsync(report, result + Environment.NewLine);

        // The seed is in every message: SAFEGUARDING_CRASH_SEED=<seed> replays the same kill moments.
        Assert.True(result.Lost == 0, $"Lost records: {result}");
        Assert.True(result.Duplicated == 0, $"Duplicated records: {result}");
        Assert.True(result.ChainBroken == 0, $"Audit chain broken: {result}");
        // At-least-once over SMTP: at most the one mail in flight at each kill goes again, under the same Message-ID.
        Assert.True(result.Resent <= result.Trials, $"More mail resent than one per kill: {result}");
    }
}
