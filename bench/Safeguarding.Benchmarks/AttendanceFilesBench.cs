using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 19, part 1: a city-year of attendance from the two CSV files, as a council analyst would compare it. The whole
/// <c>safeguard attendance measures</c> command, run as its own process exactly as a user runs it, against DuckDB
/// computing the same figures (overall and per school) from the same two files in one SQL statement, also in a
/// process of its own. Runs are interleaved (ours first, then DuckDB first, and so on); each is timed by
/// <c>/usr/bin/time</c> (wall, user and system CPU, peak resident set). The figures of every run are checked to be
/// identical. Usage: attendance-files [pupils=137000] [runs=3] [folder] [cli=path of safeguard.dll]
/// </summary>
public static class AttendanceFilesBench
{
    private static readonly AcademicYear Year = new(2024);

    private static readonly string[] Counts =
        ["enrolments", "possible_sessions", "present_sessions", "authorised_absence_sessions", "unauthorised_absence_sessions", "persistent_absentees", "severe_absentees"];

    public static async Task RunAsync(string[] args)
    {
        var pupils = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 137_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var folder = Directory.CreateDirectory(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"attendance-files-{pupils}")).FullName;
        var cli = args.Length > 3 ? args[3] : FindCli();
        var (pupilsCsv, marksCsv) = AttendanceBench.CityFiles(folder, pupils);
        if (!File.Exists("/usr/bin/time")) throw new InvalidOperationException("/usr/bin/time is needed (Debian package 'time'): bench/attendance-files.sh installs it.");
        Console.WriteLine($"files: {pupilsCsv} ({new FileInfo(pupilsCsv).Length / 1e6:F1} MB), {marksCsv} ({new FileInfo(marksCsv).Length / 1e9:F2} GB)");
        Console.WriteLine($"ours: dotnet {cli} attendance measures; DuckDB {DuckVersion()} (DuckDB.NET), in-memory, all cores; {Environment.ProcessorCount} cores");

        // Both read the files from the page cache, as a second look at the same files would: read them once first.
        foreach (var f in new[] { pupilsCsv, marksCsv })
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            var buffer = new byte[1 << 20];
            while (stream.Read(buffer) > 0) { }
        }

        var self = typeof(AttendanceFilesBench).Assembly.Location;
        var ours = new List<Timed>();
        var duck = new List<Timed>();
        for (var r = 0; r < runs; r++)
        {
            var oursOut = Path.Combine(folder, $"ours-{r}.json");
            var duckOut = Path.Combine(folder, $"duck-{r}.json");
            var steps = new (string Who, Func<Timed> Run)[]
            {
                ("ours", () => Timed.Run(["dotnet", cli, "attendance", "measures", "--pupils", pupilsCsv, "--marks", marksCsv, "--out", oursOut])),
                ("duck", () => Timed.Run(["dotnet", self, "attendance-files-duck", pupilsCsv, marksCsv, duckOut])),
            };
            if (r % 2 == 1) Array.Reverse(steps);
            foreach (var (who, run) in steps)
            {
                var load = AttendanceReadBench.Load();
                var t = run();
                (who == "ours" ? ours : duck).Add(t);
                Console.WriteLine($"run {r + 1} {who}: {t}; load before {load}");
            }
            var difference = Compare(oursOut, duckOut);
            Console.WriteLine(difference is null ? $"run {r + 1}: identical figures (overall and every school)" : $"run {r + 1}: MISMATCH {difference}");
            if (difference is not null) Environment.ExitCode = 1;
        }
        var overall = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ours-0.json")))!["overall"]!;
        Console.WriteLine($"figures: {string.Join(", ", Counts.Select(c => $"{c} {overall[c]!.GetValue<long>():N0}"))}");
        var (o, d) = (Median(ours, t => t.Wall), Median(duck, t => t.Wall));
        Console.WriteLine($"median of {runs}: ours {o:F2} s (user {Median(ours, t => t.User):F2}, system {Median(ours, t => t.System):F2}, peak {ours.Max(t => t.PeakMb):N0} MB); " +
                          $"DuckDB {d:F2} s (user {Median(duck, t => t.User):F2}, system {Median(duck, t => t.System):F2}, peak {duck.Max(t => t.PeakMb):N0} MB)");
        Console.WriteLine($"ours takes {o / d:F2} of DuckDB's time ({d / o:F2}x as fast); load now {AttendanceReadBench.Load()}");
        await Task.CompletedTask;
    }

    /// <summary>
    /// The command's steps in this process, for where the time goes: reading the roll, applying the marks, the
    /// measures, each with CPU time, garbage collections and bytes allocated. Usage: attendance-files-steps pupils.csv marks.csv [runs=3]
    /// </summary>
    public static void Steps(string[] args)
    {
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var self = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            var problems = new List<RowProblem>();
            List<Safeguarding.Core.Learners.Enrolment> enrolments = null!;
            Dictionary<string, Safeguarding.Core.Learners.Enrolment> byKey = null!;
            Step("roll", () => { enrolments = RegisterFiles.ReadEnrolments(args[0], Year, problems); byKey = enrolments.ToDictionary(e => RegisterFiles.Key(e.Upn, e.Urn)); });
            Step("marks", () => RegisterFiles.ApplyMarks(args[1], Year, byKey, problems));
            Step("measures", () => AttendanceMeasures.Compute(Year, enrolments));
            Console.WriteLine($"run {r + 1}: {problems.Count} problems; peak working set {self.PeakWorkingSet64 / 1e6:F0} MB");
        }

        void Step(string what, Action action)
        {
            self.Refresh();
            var (cpu, gcs, bytes) = (self.TotalProcessorTime, GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            var sw = Stopwatch.StartNew();
            action();
            var wall = sw.Elapsed.TotalMilliseconds;
            self.Refresh();
            Console.WriteLine($"  {what}: {wall:F0} ms wall, {(self.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, " +
                              $"{GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcs} GCs (gen2 total {GC.CollectionCount(2)}), {(GC.GetTotalAllocatedBytes() - bytes) / 1e6:F0} MB allocated");
        }
    }

    /// <summary>The child process that runs DuckDB's one statement and writes its figures in the shape of measures.json.</summary>
    public static async Task DuckAsync(string[] args)
    {
        var (pupilsCsv, marksCsv, output) = (args[0], args[1], args[2]);
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync();
        await using var cmd = duck.CreateCommand();
        cmd.CommandText = Sql(pupilsCsv, marksCsv);
        await using var reader = await cmd.ExecuteReaderAsync();
        var schools = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        JsonObject? overall = null;
        while (await reader.ReadAsync())
        {
            var figures = new JsonObject();
            for (var i = 0; i < Counts.Length; i++) figures[Counts[i]] = Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
            if (reader.IsDBNull(0)) overall = figures;
            else schools[reader.GetString(0)] = figures;
        }
        var json = new JsonObject { ["overall"] = overall, ["schools"] = new JsonObject(schools.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))) };
        await File.WriteAllTextAsync(output, json.ToJsonString());
    }

    /// <summary>The DfE rules as in AttendanceRules, in one statement over the two files: each enrolment's marks counted by class (before the
    /// sixth half term too), joined to the roll of pupils of compulsory school age, those with no possible session left out, then summed
    /// overall and per school with the exact integer thresholds for persistent (10%) and severe (50%) absence.</summary>
    private static string Sql(string pupilsCsv, string marksCsv)
    {
        static string D(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var oldest = Year.AgeDate.PlusYears(-16).PlusDays(1);   // 15 on 31 August before the year
        var youngest = Year.AgeDate.PlusYears(-5);              // 5 on that day
        var fifteen = Year.AgeDate.PlusYears(-15);              // born on or before: 15, so the sixth half term is left out
        string In(byte first, byte last) => string.Join(",", Enumerable.Range(first, last - first + 1).Select(b => $"'{SessionCodes.ToCode((byte)b).Replace("'", "''")}'"));
        var present = In(SessionCodes.FirstAttending, SessionCodes.LastAttending);
        var authorised = In(SessionCodes.FirstAuthorised, SessionCodes.LastAuthorised);
        var unauthorised = In(SessionCodes.FirstUnauthorised, SessionCodes.LastUnauthorised);
        var sixth = D(Year.SummerSecondHalfStarts);
        const string columns = "{'upn':'VARCHAR','urn':'VARCHAR','date':'DATE','session':'VARCHAR','code':'VARCHAR'}";
        return $"""
            WITH m AS (
              SELECT upn, urn,
                     count(*) FILTER (WHERE code IN ({present})) AS present_all,
                     count(*) FILTER (WHERE code IN ({authorised})) AS auth_all,
                     count(*) FILTER (WHERE code IN ({unauthorised})) AS unauth_all,
                     count(*) FILTER (WHERE code IN ({present}) AND date < DATE '{sixth}') AS present_early,
                     count(*) FILTER (WHERE code IN ({authorised}) AND date < DATE '{sixth}') AS auth_early,
                     count(*) FILTER (WHERE code IN ({unauthorised}) AND date < DATE '{sixth}') AS unauth_early
              FROM read_csv('{marksCsv}', header=true, columns={columns})
              GROUP BY upn, urn
            ), p AS (
              SELECT upn, urn, CAST(date_of_birth AS DATE) AS dob
              FROM read_csv('{pupilsCsv}', header=true, all_varchar=true)
              WHERE CAST(date_of_birth AS DATE) BETWEEN DATE '{D(oldest)}' AND DATE '{D(youngest)}'
            ), e AS (
              SELECT p.urn,
                     CASE WHEN p.dob <= DATE '{D(fifteen)}' THEN m.present_early ELSE m.present_all END AS present,
                     CASE WHEN p.dob <= DATE '{D(fifteen)}' THEN m.auth_early ELSE m.auth_all END AS auth,
                     CASE WHEN p.dob <= DATE '{D(fifteen)}' THEN m.unauth_early ELSE m.unauth_all END AS unauth
              FROM m JOIN p ON m.upn = p.upn AND m.urn = p.urn
            ), s AS (
              SELECT *, present + auth + unauth AS possible FROM e WHERE present + auth + unauth > 0
            )
            SELECT urn, count(*)::BIGINT, sum(possible)::BIGINT, sum(present)::BIGINT, sum(auth)::BIGINT, sum(unauth)::BIGINT,
                   (count(*) FILTER (WHERE 10 * (auth + unauth) >= possible))::BIGINT,
                   (count(*) FILTER (WHERE 2 * (auth + unauth) >= possible))::BIGINT
            FROM s
            GROUP BY GROUPING SETS ((), (urn))
            """;
    }

    /// <summary>Null when both files give the same counts overall and for every school; else the first difference.</summary>
    private static string? Compare(string oursPath, string duckPath)
    {
        if (!File.Exists(oursPath) || !File.Exists(duckPath)) return "a run wrote no figures";
        var ours = JsonNode.Parse(File.ReadAllText(oursPath))!;
        var duck = JsonNode.Parse(File.ReadAllText(duckPath))!;
        var oursSchools = ours["schools"]!.AsObject().Select(p => p.Key).ToList();
        var duckSchools = duck["schools"]!.AsObject().Select(p => p.Key).ToList();
        if (!oursSchools.SequenceEqual(duckSchools)) return $"schools: ours {oursSchools.Count}, DuckDB {duckSchools.Count}";
        foreach (var (name, a, b) in new[] { ("overall", ours["overall"]!, duck["overall"]!) }
                     .Concat(oursSchools.Select(s => ($"school {s}", ours["schools"]![s]!, duck["schools"]![s]!))))
            foreach (var c in Counts)
                if (a[c]!.GetValue<long>() != b[c]!.GetValue<long>())
                    return $"{name} {c}: ours {a[c]}, DuckDB {b[c]}";
        return null;
    }

    private static string FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Safeguarding.Cli", "bin", "Release", "net10.0", "safeguard.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll}: build the CLI first (dotnet build src/Safeguarding.Cli -c Release).");
            }
        throw new InvalidOperationException("The repository was not found above the bench: give the path of safeguard.dll.");
    }

    private static string DuckVersion()
    {
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var cmd = duck.CreateCommand();
        cmd.CommandText = "SELECT version()";
        return cmd.ExecuteScalar()?.ToString() ?? "?";
    }

    private static double Median(List<Timed> runs, Func<Timed, double> of)
    {
        var sorted = runs.Select(of).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One process timed by GNU time: wall, user and system seconds, peak resident set.</summary>
    private sealed record Timed(double Wall, double User, double System, double PeakMb)
    {
        public static Timed Run(string[] command)
        {
            var report = Path.GetTempFileName();
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["-o", report, "-f", "%e %U %S %M", .. command]) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
            var f = File.ReadAllLines(report).Last().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            File.Delete(report);
            return new Timed(f[0], f[1], f[2], f[3] / 1024);
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Wall:F2} s wall, {User:F2} s user, {System:F2} s system, peak {PeakMb:N0} MB");
    }
}
