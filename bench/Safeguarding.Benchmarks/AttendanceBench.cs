using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// A synthetic city-year (issue 5): CSV import into session vectors, storage in SQLite, every measure with every
/// breakdown from storage, against DuckDB over the same files in the same run; and a plain memory scan for the
/// bandwidth bound. Usage: attendance [pupils=137000] [runs=5] [folder] [DuckDB imports=2]
/// </summary>
public static class AttendanceBench
{
    private static readonly AcademicYear Year = new(2024);

    public static async Task RunAsync(string[] args)
    {
        var pupils = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 137_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var folder = Directory.CreateDirectory(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"attendance-bench-{pupils}")).FullName;
        var (pupilsCsv, marksCsv) = CityFiles(folder, pupils);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}");

        // ---- ours: CSV -> vectors ----------------------------------------------------------------------------
        List<Enrolment> enrolments = [];
        MarksResult applied = null!;
        var importTimes = new List<double>();
        for (var r = 0; r < Math.Max(3, runs / 2); r++)
        {
            enrolments = null!;
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var problems = new List<RowProblem>();
            enrolments = RegisterFiles.ReadEnrolments(pupilsCsv, Year, problems);
            var byKey = enrolments.ToDictionary(e => RegisterFiles.Key(e.Upn, e.Urn));
            applied = RegisterFiles.ApplyMarks(marksCsv, Year, byKey, problems);
            importTimes.Add(sw.Elapsed.TotalSeconds);
            if (problems.Count > 0) throw new InvalidOperationException($"the synthetic files should be clean: {problems[0]}");
        }
        var rows = applied.Rows + enrolments.Count;
        var vectorBytes = enrolments.Sum(e => (long)e.Sessions.Length);
        Console.WriteLine($"ours  import CSV -> vectors: median {Median(importTimes):F2} s for {rows:N0} rows = {rows / Median(importTimes) / 1e6:F2} M rows/s " +
                          $"(runs {string.Join(", ", importTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}); vectors {vectorBytes / 1e6:F1} MB, {vectorBytes / (double)enrolments.Count:F0} bytes per enrolment");

        // Known to safeguarding: a deterministic 3% of pupils, as if named in Encompass notifications.
        var knownUpns = enrolments.Select(e => e.Upn).Distinct().Where(u => (u.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 100 < 3).ToHashSet();
        foreach (var e in enrolments) e.PersonId = PersonIdOf(e.Upn);
        var known = knownUpns.Select(PersonIdOf).ToHashSet();

        // ---- ours: store in SQLite (and PostgreSQL when a server is given), then every measure from storage -------
        foreach (var e in enrolments) e.PartnershipId = Guid.Empty;
        var (database, partnershipId, storeSeconds) = await StoreAsync(DatabaseProvider.Sqlite, enrolments);
        await using var _ = database;
        var dbBytes = new FileInfo(Path.Combine(database.Settings.DataDirectory, "safeguarding.db")).Length;
        Console.WriteLine($"ours  store {enrolments.Count:N0} enrolment rows in SQLite (EF Core): {storeSeconds:F1} s; database file {dbBytes / 1e6:F0} MB; load {Load()}");

        // The reader before this one (ADO.NET, a GUID and a date parsed from text per row), for the difference in one run.
        var before = Measure("ours  SQLite, reader before (ADO.NET)", Math.Min(3, runs), () => AttendanceReadBench.Before(database.Settings, partnershipId), known);
        Measure("ours  SQLite, fast reader on two connections", runs, () => Read(database, partnershipId, 2), known);
        var sqlite = Measure("ours  SQLite, fast reader (default: one connection)", runs, () => Read(database, partnershipId, null), known);
        var figures = sqlite.Figures;
        var fromStorage = sqlite.Total;
        var computeOnly = sqlite.Compute;
        Console.WriteLine($"ours  SQLite from storage: {Median(before.Total) / Median(fromStorage):F1}x as fast as before (reading alone {Median(before.Read) / Median(sqlite.Read):F1}x); " +
                          $"{figures.Overall.Enrolments:N0} enrolments counted; PA {figures.Overall.PersistentAbsenceRate:F2}%, overall absence {figures.Overall.OverallAbsenceRate:F2}%");
        var peakOurs = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"ours  peak working set so far (import, store, measures): {peakOurs / 1e6:F0} MB");

        if (Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 })
        {
            var (pg, pgPartnershipId, pgStore) = await StoreAsync(DatabaseProvider.Postgres, enrolments);
            await using var __ = pg;
            Console.WriteLine($"ours  store {enrolments.Count:N0} enrolment rows in PostgreSQL (EF Core): {pgStore:F1} s; load {Load()}");
            Measure("ours  PostgreSQL, reader before (ADO.NET)", Math.Min(3, runs), () => AttendanceReadBench.Before(pg.Settings, pgPartnershipId), known);
            var postgres = Measure("ours  PostgreSQL, fast reader (binary COPY)", runs, () => Read(pg, pgPartnershipId, null), known);
            if (postgres.Figures.Overall.PossibleSessions != figures.Overall.PossibleSessions || postgres.Figures.Overall.PersistentAbsentees != figures.Overall.PersistentAbsentees)
                Console.WriteLine("MISMATCH: PostgreSQL and SQLite give different figures");
        }

        // ---- memory bandwidth of a plain scan -----------------------------------------------------------------
        var (oneThread, allThreads) = ScanBandwidth();
        var scanned = vectorBytes / Median(computeOnly) / 1e9;
        Console.WriteLine($"plain memory scan (1 GB, sum of bytes): {oneThread:F1} GB/s one thread, {allThreads:F1} GB/s all threads; " +
                          $"the measures' compute reads the vectors at {scanned:F2} GB/s = {100 * scanned / allThreads:F0}% of the bandwidth bound " +
                          $"(bound for {vectorBytes / 1e6:F0} MB: {vectorBytes / allThreads / 1e6:F1} ms)");
        var fromFile = dbBytes / Median(fromStorage) / 1e9;
        Console.WriteLine($"from storage (read + compute): the {dbBytes / 1e6:F0} MB SQLite file at {fromFile:F2} GB/s = {100 * fromFile / allThreads:F1}% of the bound " +
                          $"(bound {dbBytes / allThreads / 1e6:F0} ms; the vectors alone: {vectorBytes / Median(fromStorage) / 1e9:F2} GB/s)");

        // ---- DuckDB over the same files -------------------------------------------------------------------------
        var duckImport = new List<double>();
        var duckQuery = new List<double>();
        var duckCpu = new List<double>();
        var self = Process.GetCurrentProcess();
        var duckFile = Path.Combine(folder, "duck.db");
        long duckOverallPossible = 0, duckOverallPa = 0, duckEnrolments = 0;
        // Each import of 52 million rows takes minutes on the shared 2-core machine: a fourth argument of 1 imports once.
        var duckRuns = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        for (var r = 0; r < duckRuns; r++)
        {
            if (File.Exists(duckFile)) File.Delete(duckFile);
            await using var duck = new DuckDBConnection($"Data Source={duckFile}");
            await duck.OpenAsync();
            var sw = Stopwatch.StartNew();
            await Exec(duck, $"CREATE TABLE pupils AS SELECT * FROM read_csv('{pupilsCsv}', header=true, all_varchar=true)");
            await Exec(duck, $"CREATE TABLE marks AS SELECT * FROM read_csv('{marksCsv}', header=true, columns={{'upn':'VARCHAR','urn':'VARCHAR','date':'DATE','session':'VARCHAR','code':'VARCHAR'}})");
            duckImport.Add(sw.Elapsed.TotalSeconds);
            if (r < duckRuns - 1) continue;
            await Exec(duck, "CREATE TABLE known (upn VARCHAR)");
            using (var appender = duck.CreateAppender("known"))
                foreach (var upn in knownUpns) appender.CreateRow().AppendValue(upn).EndRow();
            for (var q = 0; q < runs; q++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var qs = Stopwatch.StartNew();
                await using var cmd = duck.CreateCommand();
                cmd.CommandText = DuckMeasures;
                await using var reader = await cmd.ExecuteReaderAsync();
                var groups = 0;
                while (await reader.ReadAsync())
                {
                    groups++;
                    if (reader.GetString(0) == "overall")
                    {
                        duckEnrolments = reader.GetInt64(2);
                        duckOverallPossible = reader.GetInt64(3);
                        duckOverallPa = reader.GetInt64(7);
                    }
                }
                duckQuery.Add(qs.Elapsed.TotalSeconds);
                self.Refresh();
                duckCpu.Add((self.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }
        if (duckEnrolments != figures.Overall.Enrolments || duckOverallPossible != figures.Overall.PossibleSessions || duckOverallPa != figures.Overall.PersistentAbsentees)
            Console.WriteLine($"MISMATCH: DuckDB enrolments {duckEnrolments}, possible {duckOverallPossible}, PA {duckOverallPa} against ours {figures.Overall.Enrolments}, {figures.Overall.PossibleSessions}, {figures.Overall.PersistentAbsentees}");
        else
            Console.WriteLine($"check: DuckDB and ours agree on enrolments ({duckEnrolments:N0}), possible sessions ({duckOverallPossible:N0}) and persistent absentees ({duckOverallPa:N0})");
        Console.WriteLine($"duck  import CSV -> table: median {Median(duckImport):F2} s = {rows / Median(duckImport) / 1e6:F2} M rows/s; ours is {Median(duckImport) / Median(importTimes):F2}x as fast");
        Console.WriteLine($"duck  CPU per query: median {Median(duckCpu) * 1000:F0} ms against ours from SQLite {Median(sqlite.Cpu) * 1000:F0} ms ({Median(duckCpu) / Median(sqlite.Cpu):F1}x); load {Load()}");
        Console.WriteLine($"duck  all measures, all breakdowns, from its table: median {Median(duckQuery) * 1000:F0} ms; ours from storage is {Median(duckQuery) / Median(fromStorage):F1}x as fast " +
                          $"(compute alone {Median(duckQuery) / Median(computeOnly):F0}x)");
        Console.WriteLine($"peak working set of the process after DuckDB: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        File.Delete(duckFile);
    }

    /// <summary>The city-year's two files in the folder, generated (deterministically) when not there yet.</summary>
    internal static (string Pupils, string Marks) CityFiles(string folder, int pupils)
    {
        var pupilsCsv = Path.Combine(folder, "pupils.csv");
        var marksCsv = Path.Combine(folder, "marks.csv");
        if (!File.Exists(marksCsv))
        {
            var g = Stopwatch.StartNew();
            var (enrolmentCount, markCount) = DemoLearners.WriteCity(pupilsCsv, marksCsv, pupils, Year);
            Console.WriteLine($"generated {enrolmentCount:N0} enrolments and {markCount:N0} marks in {g.Elapsed.TotalSeconds:F1} s ({new FileInfo(marksCsv).Length / 1e9:F2} GB)");
        }
        return (pupilsCsv, marksCsv);
    }

    private sealed record Steps(List<double> Total, List<double> Read, List<double> Compute, List<double> Cpu, AttendanceFigures Figures);

    /// <summary>Reads and computes <paramref name="runs"/> times; prints medians, the best run, CPU time and the load average.</summary>
    private static Steps Measure(string what, int runs, Func<List<Enrolment>> read, HashSet<Guid> known)
    {
        List<double> total = [], reading = [], compute = [], cpu = [];
        AttendanceFigures figures = null!;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var loaded = read();
            var load = sw.Elapsed.TotalSeconds;
            figures = AttendanceMeasures.Compute(Year, loaded, [], known);
            total.Add(sw.Elapsed.TotalSeconds);
            reading.Add(load);
            compute.Add(sw.Elapsed.TotalSeconds - load);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        Console.WriteLine($"{what}: every measure from storage median {Median(total) * 1000:F0} ms, best {total.Min() * 1000:F0} ms " +
                          $"(read {Median(reading) * 1000:F0} + compute {Median(compute) * 1000:F0} ms; runs {string.Join(", ", total.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)))}); " +
                          $"CPU {Median(cpu) * 1000:F0} ms; load {Load()}");
        return new Steps(total, reading, compute, cpu, figures);
    }

    private static List<Enrolment> Read(TestDatabase database, Guid partnershipId, int? connections)
    {
        using var db = database.NewContext();
        return StoredEnrolments.ReadAsync(db, partnershipId, Year.StartYear, null, CancellationToken.None, connections).GetAwaiter().GetResult();
    }

    private static async Task<(TestDatabase, Guid, double)> StoreAsync(DatabaseProvider provider, List<Enrolment> enrolments)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var store = Stopwatch.StartNew();
        await using (var db = database.NewContext()) await AddEnrolmentsAsync(db, partnership.Id, enrolments);
        return (database, partnership.Id, store.Elapsed.TotalSeconds);
    }

    /// <summary>Stores a year's enrolments for the partnership, in chunks with one summarised audit entry each.</summary>
    internal static async Task AddEnrolmentsAsync(SafeguardingDbContext db, Guid partnershipId, List<Enrolment> enrolments)
    {
        db.Process = ProcessContext.System("bench:attendance") with { SummariseWrites = true };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in enrolments.Chunk(20_000))
        {
            foreach (var e in chunk)
            {
                e.PartnershipId = partnershipId;
                db.Enrolments.Add(e);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static string Load() => AttendanceReadBench.Load();

    internal static Guid PersonIdOf(string upn)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Text.Encoding.ASCII.GetBytes(upn.AsSpan(0, 13), bytes);
        bytes[13] = 0;
        return new Guid(bytes);
    }

    // The same rules as AttendanceRules, in SQL: in scope 5-15 on 31 August 2024, sixth half term (from 2 June 2025)
    // left out for those aged 15, enrolments with no possible session dropped, exact integer thresholds.
    private const string DuckMeasures = """
        WITH m AS (
          -- Each enrolment's marks counted by class first (all year, and before the sixth half term for 15-year-olds).
          SELECT upn, urn,
                 count(*) FILTER (WHERE code IN ('/','\','L','K','V','P','W','B')) AS present_all,
                 count(*) FILTER (WHERE code IN ('C','C1','C2','E','I','M','J1','R','S','T','H')) AS auth_all,
                 count(*) FILTER (WHERE code IN ('G','N','O','U')) AS unauth_all,
                 count(*) FILTER (WHERE code IN ('/','\','L','K','V','P','W','B') AND date < DATE '2025-06-02') AS present_early,
                 count(*) FILTER (WHERE code IN ('C','C1','C2','E','I','M','J1','R','S','T','H') AND date < DATE '2025-06-02') AS auth_early,
                 count(*) FILTER (WHERE code IN ('G','N','O','U') AND date < DATE '2025-06-02') AS unauth_early
          FROM marks GROUP BY upn, urn
        ), p AS (
          SELECT upn, urn, CAST(date_of_birth AS DATE) AS dob, sex, year_group, sen_provision,
                 coalesce(nullif(sen_primary_need, ''), 'none') AS need, fsm,
                 CASE WHEN year_group IN ('N1','N2','R','1','2','3','4','5','6') THEN 'primary'
                      WHEN year_group IN ('7','8','9','10','11') THEN 'secondary'
                      WHEN year_group IN ('12','13','14') THEN 'sixth form' ELSE 'other' END AS phase,
                 CASE WHEN upn IN (SELECT upn FROM known) THEN 'known to safeguarding' ELSE 'all others' END AS status
          FROM pupils
          WHERE CAST(date_of_birth AS DATE) BETWEEN DATE '2008-09-01' AND DATE '2019-08-31'
        ), e AS (
          SELECT p.urn, p.phase, p.year_group, p.sex, p.sen_provision, p.need, p.fsm, p.status,
                 CASE WHEN p.dob <= DATE '2009-08-31' THEN m.present_early ELSE m.present_all END AS present,
                 CASE WHEN p.dob <= DATE '2009-08-31' THEN m.auth_early ELSE m.auth_all END AS auth,
                 CASE WHEN p.dob <= DATE '2009-08-31' THEN m.unauth_early ELSE m.unauth_all END AS unauth
          FROM m JOIN p ON m.upn = p.upn AND m.urn = p.urn
        ), s AS (
          SELECT *, present + auth + unauth AS possible FROM e WHERE present + auth + unauth > 0
        )
        SELECT CASE WHEN GROUPING(urn, phase, year_group, sex, sen_provision, need, fsm, status) = 255 THEN 'overall' ELSE 'group' END AS level,
               coalesce(urn, phase, year_group, sex, sen_provision, need, fsm, status) AS value,
               count(*) AS enrolments, sum(possible)::BIGINT AS possible, sum(present)::BIGINT AS present, sum(auth)::BIGINT AS auth, sum(unauth)::BIGINT AS unauth,
               count(*) FILTER (WHERE 10 * (auth + unauth) >= possible) AS pa,
               count(*) FILTER (WHERE 2 * (auth + unauth) >= possible) AS severe,
               100.0 * sum(auth + unauth) / sum(possible) AS overall_rate,
               100.0 * count(*) FILTER (WHERE 10 * (auth + unauth) >= possible) / count(*) AS pa_rate
        FROM s
        GROUP BY GROUPING SETS ((), (urn), (phase), (year_group), (sex), (sen_provision), (need), (fsm), (status))
        """;

    private static async Task Exec(DuckDBConnection duck, string sql)
    {
        await using var cmd = duck.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Sums a 1 GB array of bytes (too big for any cache), once on one thread and once on all: the rate no scan can beat.</summary>
    private static (double OneThread, double AllThreads) ScanBandwidth()
    {
        var buffer = new byte[1 << 30];
        new Random(1).NextBytes(buffer.AsSpan(0, 1 << 20));
        for (var i = 1 << 20; i < buffer.Length; i += 1 << 20) buffer.AsSpan(0, 1 << 20).CopyTo(buffer.AsSpan(i));
        var one = new List<double>();
        var all = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            var sum = Sum(buffer, 0, buffer.Length);
            one.Add(buffer.Length / sw.Elapsed.TotalSeconds / 1e9);
            sw.Restart();
            var threads = Environment.ProcessorCount;
            var part = buffer.Length / threads;
            var sums = new long[threads];
            Parallel.For(0, threads, t => sums[t] = Sum(buffer, t * part, part));
            all.Add(buffer.Length / sw.Elapsed.TotalSeconds / 1e9);
            if (sum != sums.Sum()) throw new InvalidOperationException("the scans disagree");
        }
        return (Median(one), Median(all));

        // Reads every byte once as 64-bit lanes: a checksum, the least work a scan can do per byte.
        static long Sum(byte[] data, int start, int length)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(data.AsSpan(start, length));
            Vector256<ulong> a = Vector256<ulong>.Zero, b = Vector256<ulong>.Zero;
            var i = 0;
            for (; i <= words.Length - 8; i += 8)
            {
                a += Vector256.Create<ulong>(words.Slice(i, 4));
                b += Vector256.Create<ulong>(words.Slice(i + 4, 4));
            }
            var total = Vector256.Sum(a + b);
            for (; i < words.Length; i++) total += words[i];
            return (long)total;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string RuntimeInfo() => $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                                            $"{(Vector256.IsHardwareAccelerated ? "AVX2" : "no 256-bit vectors")}";
}
