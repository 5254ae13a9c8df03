using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- micro          (BenchmarkDotNet: hashing, policy)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- audit 200000   (append and verify on both databases)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- linkage febrl4|ons 5  (record linkage, docs/benchmarks.md)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- linkage synthetic 3 1000000
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- linkage concentrated 5 20000 5000  (issue 19: concentrated names, twins)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- linkage all 3  (issue 19: FEBRL4, ONS, concentrated 20k x 5k and 1M x 1M)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- arrivals 1000000 500 both  (person index on arrival, issue 3)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- attendance 137000 5  (city-year attendance against DuckDB, issue 5)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- attendance-read 30000 5  (reading a stored city-year, both databases)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- load 1000000 50 120  (issue 18: the running host under 50 users)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- dramm-list 20000 5 both  (issue 12: a day's DRAMM list of 20,000 cases)
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- link-map 5000 9 both  (issue 13: the map after each new link)
if (args.FirstOrDefault() == "link-map")
{
    await Safeguarding.Benchmarks.LinkMapBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "dramm-list")
{
    await Safeguarding.Benchmarks.DrammListBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "load")
{
    await Safeguarding.Benchmarks.LoadBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "attendance-read")
{
    await Safeguarding.Benchmarks.AttendanceReadBench.RunAsync(args[1..]);
    return;
}
// bench/attendance-files.sh 137000 3  (issue 19: the whole `safeguard attendance measures` command beside DuckDB, each its own process)
if (args.FirstOrDefault() == "attendance-files")
{
    await Safeguarding.Benchmarks.AttendanceFilesBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "attendance-files-steps")
{
    Safeguarding.Benchmarks.AttendanceFilesBench.Steps(args[1..]);
    return;
}
if (args.FirstOrDefault() == "attendance-files-duck")
{
    await Safeguarding.Benchmarks.AttendanceFilesBench.DuckAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "attendance")
{
    await Safeguarding.Benchmarks.AttendanceBench.RunAsync(args[1..]);
    return;
}
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- encompass-delivery 10000 25000 1000 both  (issue 4: inbox + outbox)
if (args.FirstOrDefault() == "encompass-delivery")
{
    await Safeguarding.Benchmarks.EncompassDeliveryBench.RunAsync(args[1..]);
    return;
}
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- encompass-intake 10000 25000 150000 3 both  (issue 4: intake against the roll)
if (args.FirstOrDefault() == "encompass-intake")
{
    await Safeguarding.Benchmarks.EncompassIntakeBench.RunAsync(args[1..]);
    return;
}
// dotnet run -c Release --project bench/Safeguarding.Benchmarks -- encompass-api 300 both  (issue 4: one incident through the API, p95)
if (args.FirstOrDefault() == "encompass-api")
{
    await Safeguarding.Benchmarks.EncompassApiBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "arrivals")
{
    await Safeguarding.Benchmarks.ArrivalsBench.RunAsync(args[1..]);
    return;
}
if (args.FirstOrDefault() == "linkage")
{
    Safeguarding.Benchmarks.Linkage.LinkageBench.Run(args[1..]);
    return;
}
if (args.FirstOrDefault() == "audit")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        await AuditTrailBench.RunAsync(provider, count, runs);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AuditChainBench).Assembly).Run(args.Skip(args.FirstOrDefault() == "micro" ? 1 : 0).ToArray());

/// <summary>What one audit entry costs to chain, and one access decision to make.</summary>
[MemoryDiagnoser]
public class AuditChainBench
{
    private readonly AuditEntry _entry = new()
    {
        Sequence = 123_456, At = NodaTime.SystemClock.Instance.GetCurrentInstant(), PartnershipId = Guid.NewGuid(), ActorUserId = Guid.NewGuid(),
        ActorName = "Front Door practitioner", OrganisationId = Guid.NewGuid(), Action = AuditActions.Read, ResourceType = "Person",
        ResourceId = Guid.NewGuid().ToString(), Process = "web:/People/Record", Outcome = AuditOutcome.Allowed, FromAddress = "10.1.2.3",
        PreviousHash = AuditChain.GenesisHash, Hash = "",
    };

    private readonly Actor _keyAdult = new(Guid.Empty, Guid.NewGuid(), "Key Adult", new HashSet<Role> { Role.SchoolKeyAdult });
    private RecordFacts _pupil = null!;

    [GlobalSetup]
    public void Setup() => _pupil = new RecordFacts(Guid.Empty, LinkedOrganisationIds: [Guid.NewGuid(), _keyAdult.OrganisationId]);

    [Benchmark]
    public string ComputeHash() => AuditChain.ComputeHash(_entry);

    [Benchmark]
    public bool DecidePersonRead() => AccessPolicy.Decide(_keyAdult, Resource.Person, Operation.Read, _pupil).Allowed;
}

/// <summary>Appending reads to the chain in batches, then verifying the whole chain, on a real database.</summary>
public static class AuditTrailBench
{
    public static async Task RunAsync(DatabaseProvider provider, int count, int runs)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var process = ProcessContext.System("bench");
        var append = Stopwatch.StartNew();
        for (var done = 0; done < count; done += 1000)
        {
            await using var db = database.NewContext();
            for (var i = 0; i < 1000; i++)
                db.QueueAudit(process, AuditActions.Read, "Person", Guid.NewGuid().ToString(), AuditOutcome.Allowed);
            await db.SaveChangesAsync();
        }
        append.Stop();

        var times = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            await using var db = database.NewContext();
            var watch = Stopwatch.StartNew();
            var result = await new AuditTrail(db).VerifyAsync();
            watch.Stop();
            if (!result.Intact || result.EntriesChecked != count) throw new InvalidOperationException(result.Message);
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"{provider}: appended {count:N0} entries in {append.Elapsed.TotalSeconds:F1} s ({count / append.Elapsed.TotalSeconds:N0}/s, batches of 1,000); " +
            $"verify median {median:F2} s over {runs} runs ({count / median:N0} entries/s)");
    }
}
