using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Reading a stored city-year back for the measures, step by step, on both databases: the stores are kept in the
/// folder (SQLite file, PostgreSQL database named after the size) so that reruns skip the slow write.
/// Usage: attendance-read [pupils=30000] [runs=5] [folder] [profile: only the fast reader, for a profiler]
/// </summary>
public static class AttendanceReadBench
{
    private static readonly AcademicYear Year = new(2024);

    public static async Task RunAsync(string[] args)
    {
        var pupils = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var folder = Directory.CreateDirectory(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"attendance-bench-{pupils}")).FullName;
        var sqlite = await StoredAsync(DatabaseProvider.Sqlite, folder, pupils);
        List<(DatabaseSettings, Guid)> stores = [sqlite];
        if (Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 })
            stores.Add(await StoredAsync(DatabaseProvider.Postgres, folder, pupils));
        foreach (var (settings, partnershipId) in stores)
        {
            var label = settings.Provider.ToString();
            if (args.Length > 3 && args[3] == "profile")
            {
                // Only the fast reader on one connection, for a profiler.
                Time($"{label} read (fast reader, one connection)", runs, () =>
                {
                    using var db = Context(settings);
                    return StoredEnrolments.ReadAsync(db, partnershipId, Year.StartYear, null, CancellationToken.None, connections: 1).GetAwaiter().GetResult().Count;
                });
                continue;
            }
            Time($"{label} read (before: ADO.NET reader)", runs, () => Before(settings, partnershipId).Count);
            Time($"{label} read (fast reader)", runs, () => Read(settings, partnershipId).Count);
            if (settings.Provider == DatabaseProvider.Sqlite)
                Time($"{label} read (fast reader, one connection)", runs, () =>
                {
                    using var db = Context(settings);
                    return StoredEnrolments.ReadAsync(db, partnershipId, Year.StartYear, null, CancellationToken.None, connections: 1).GetAwaiter().GetResult().Count;
                });
            Time($"{label} read (fast reader, one school)", runs, () => Read(settings, partnershipId, "107001").Count);
            Time($"{label} read + compute", runs, () =>
            {
                var enrolments = Read(settings, partnershipId);
                return AttendanceMeasures.Compute(Year, enrolments).Overall.Enrolments;
            });
        }
    }

    private static List<Enrolment> Read(DatabaseSettings settings, Guid partnershipId, string? urn = null)
    {
        using var db = Context(settings);
        return AttendanceStore.EnrolmentsAsync(db, partnershipId, Year.StartYear, urn).GetAwaiter().GetResult();
    }

    internal static List<Enrolment> Before(DatabaseSettings settings, Guid partnershipId)
    {
        using var db = Context(settings);
        return BeforeAsync(db, partnershipId, Year.StartYear).GetAwaiter().GetResult();
    }

    // The reader as it was before the fast one (commit f6f6b1f), kept to measure the difference in one run.
    private static async Task<List<Enrolment>> BeforeAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default)
    {
        var entity = db.Model.FindEntityType(typeof(Enrolment))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(store)!);
        var postgres = db.Database.IsNpgsql();
        static string Quote(string name) => $"\"{name}\"";
        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {Column(nameof(Enrolment.Id))}, {Column(nameof(Enrolment.Upn))}, {Column(nameof(Enrolment.Urn))}, {Column(nameof(Enrolment.PersonId))}, " +
                $"{Column(nameof(Enrolment.DateOfBirth))}, {Column(nameof(Enrolment.Sex))}, {Column(nameof(Enrolment.YearGroup))}, {Column(nameof(Enrolment.SenProvision))}, " +
                $"{Column(nameof(Enrolment.SenPrimaryNeed))}, {Column(nameof(Enrolment.Fsm))}, {Column(nameof(Enrolment.Sessions))} " +
                $"FROM {Quote(table)} WHERE {Column(nameof(Enrolment.PartnershipId))} = @p AND {Column(nameof(Enrolment.AcademicYear))} = @y" +
                (urn is null ? "" : $" AND {Column(nameof(Enrolment.Urn))} = @u");
            // Parameters made by each column's own type mapping, so a value is written as the provider stores it (SQLite keeps a Guid as text).
            void Add(string name, string property, object value) =>
                command.Parameters.Add(((Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)entity.FindProperty(property)!.GetTypeMapping())
                    .CreateParameter(command, name, value));
            Add("@p", nameof(Enrolment.PartnershipId), partnershipId);
            Add("@y", nameof(Enrolment.AcademicYear), academicYear);
            if (urn is not null) Add("@u", nameof(Enrolment.Urn), urn);
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string s) => shared.TryGetValue(s, out var v) ? v : shared[s] = s;
            var result = new List<Enrolment>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new Enrolment
                {
                    Id = reader.GetGuid(0), PartnershipId = partnershipId, AcademicYear = academicYear, Upn = reader.GetString(1), Urn = Shared(reader.GetString(2)),
                    PersonId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    DateOfBirth = postgres ? reader.GetFieldValue<NodaTime.LocalDate>(4) : ParseDate(reader.GetString(4)),
                    Sex = Shared(reader.GetString(5)), YearGroup = Shared(reader.GetString(6)), SenProvision = Shared(reader.GetString(7)),
                    SenPrimaryNeed = reader.IsDBNull(8) ? null : Shared(reader.GetString(8)), Fsm = reader.GetBoolean(9),
                    Sessions = reader.GetFieldValue<byte[]>(10),
                });
            }
            return result;
        }
        finally
        {
            if (close) await connection.CloseAsync();
        }

        static NodaTime.LocalDate ParseDate(string s) =>
            RegisterFiles.TryDate(s, out var d) ? d : throw new FormatException($"Stored date '{s}' is not YYYY-MM-DD.");
    }



    private static void Time(string what, int runs, Func<long> step)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var pauses = new List<double>();
        var gcs = "";
        long result = 0;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var sw = Stopwatch.StartNew();
            result = step();
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            gcs = $"{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";
            times.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine($"{what}: median {times[times.Count / 2]:F0} ms, best {times[0]:F0} ms (runs {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}), " +
                          $"CPU {cpu[cpu.Count / 2]:F0} ms, GC pauses {pauses.Order().ElementAt(pauses.Count / 2):F0} ms (gen0/1/2 {gcs}), {result:N0}; load {Load()}");
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static SafeguardingDbContext Context(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        settings.Apply(options);
        return new SafeguardingDbContext(options.Options, NodaTime.SystemClock.Instance);
    }

    /// <summary>The city-year stored once in each database, kept for later runs.</summary>
    private static async Task<(DatabaseSettings, Guid)> StoredAsync(DatabaseProvider provider, string folder, int pupils)
    {
        DatabaseSettings settings;
        if (provider == DatabaseProvider.Sqlite)
            settings = new DatabaseSettings(provider, $"Data Source={Path.Combine(folder, "store.db")}", folder);
        else
        {
            var name = $"attendance_bench_{pupils}";
            settings = new DatabaseSettings(provider, new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name }.ConnectionString, folder);
        }
        await using (var db = Context(settings))
        {
            if (await db.Database.CanConnectAsync() && (await db.Database.GetPendingMigrationsAsync()).Any() == false &&
                await db.Partnerships.FirstOrDefaultAsync() is { } existing && await db.Enrolments.AnyAsync())
                return (settings, existing.Id);
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
        }

        var pupilsCsv = Path.Combine(folder, "pupils.csv");
        var marksCsv = Path.Combine(folder, "marks.csv");
        if (!File.Exists(marksCsv)) DemoLearners.WriteCity(pupilsCsv, marksCsv, pupils, Year);
        var problems = new List<RowProblem>();
        var enrolments = RegisterFiles.ReadEnrolments(pupilsCsv, Year, problems);
        RegisterFiles.ApplyMarks(marksCsv, Year, enrolments.ToDictionary(e => RegisterFiles.Key(e.Upn, e.Urn)), problems);
        // Person ids as the person index gives them, with some pupils not (yet) linked.
        foreach (var e in enrolments) e.PersonId = e.Upn.GetHashCode(StringComparison.Ordinal) % 10 == 0 ? null : AttendanceBench.PersonIdOf(e.Upn);
        var data = new TestData(() => Context(settings));
        var partnership = await data.CreatePartnershipAsync();
        var sw = Stopwatch.StartNew();
        await using (var db = Context(settings)) await AttendanceBench.AddEnrolmentsAsync(db, partnership.Id, enrolments);
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"stored {enrolments.Count:N0} enrolments in {provider} in {sw.Elapsed.TotalSeconds:F1} s");
        return (settings, partnership.Id);
    }
}
