using System.Diagnostics;
using System.Globalization;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Blocking;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Files;

namespace Safeguarding.Benchmarks.Linkage;

/// <summary>
/// End to end, exactly as <c>safeguard link</c> runs: canonical CSV in, pairs.csv out, then scored against the truth.
/// <c>dotnet run -c Release --project bench/Safeguarding.Benchmarks -- linkage febrl4|ons|synthetic|concentrated|all [runs] [size]</c>
/// </summary>
public static class LinkageBench
{
    private static readonly double[] Thresholds = [0.5, 0.9, 0.99];

    public static void Run(string[] args)
    {
        var which = args.FirstOrDefault() ?? "febrl4";
        // The CLI measured on its own: "write" puts the concentrated roll and its truth in a folder once, `safeguard link`
        // runs under /usr/bin/time, then "score" reads its pairs.csv against the truth.
        if (which == "write")
        {
            WriteConcentrated(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
            return;
        }
        if (which == "score")
        {
            var written = ReadWritten(args[1]);
            Console.WriteLine($"{written.Name}: {written.TruthLeft.Count:N0} x {written.TruthRight.Count:N0} records, {written.TruePairs():N0} true pairs");
            PrintThresholds(written, ReadPairs(args[2]));
            return;
        }
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        int Size(int at, int fallback) => args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : fallback;
        // "all": the issue 19 lines side by side in one run (FEBRL4, ONS, the concentrated roll at 20,000 x 5,000 and at a million).
        string[] each = which == "all" ? ["febrl4", "ons", "concentrated-small", "concentrated-million"] : [which];
        foreach (var name in each)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguarding-linkage-bench", Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var dataset = name switch
                {
                    "febrl4" => Datasets.Febrl4(folder),
                    "ons" => Datasets.Ons(folder),
                    "synthetic" => SyntheticPeople.Write(folder, Size(2, 1_000_000)),
                    "concentrated" => ConcentratedRoll.Write(folder, Size(2, 20_000), Size(3, 5_000)),
                    "concentrated-small" => ConcentratedRoll.Write(folder, 20_000, 5_000),
                    "concentrated-million" => ConcentratedRoll.Write(folder, 1_000_000, 1_000_000),
                    _ => throw new ArgumentException($"Unknown dataset {name}: febrl4, ons, synthetic, concentrated [roll] [police] or all."),
                };
                RunDataset(dataset, name == "concentrated-million" ? 1 : runs, folder);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void RunDataset(Dataset dataset, int runs, string folder)
    {
        var truePairs = dataset.TruePairs();
        Console.WriteLine($"{dataset.Name}: {dataset.TruthLeft.Count:N0} x {dataset.TruthRight.Count:N0} records, {truePairs:N0} true pairs; {Environment.ProcessorCount} cores");
        var times = new List<double>();
        var rates = new List<double>();
        LinkJobResult? last = null;
        var pairsPath = Path.Combine(folder, "pairs.csv");
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            last = LinkJob.Link(dataset.LeftPath, dataset.RightPath, pairsPath, new LinkOptions { Threshold = 0.5 }, Path.Combine(folder, "model.json"));
            clock.Stop();
            times.Add(clock.Elapsed.TotalSeconds);
            rates.Add(last.Statistics.PairsCompared / last.Statistics.Scoring.TotalSeconds);
            Console.WriteLine($"  run {run}: {clock.Elapsed.TotalSeconds:F2} s, {last.Statistics.PairsCompared:N0} pairs compared " +
                              $"(read+prepare {last.Stages.Read:F2} s, train {last.Stages.Train:F2} s, link+write {last.Stages.Link:F2} s: blocking {last.Statistics.Blocking.TotalSeconds:F2} s, scoring {last.Statistics.Scoring.TotalSeconds:F2} s), {last.Matches:N0} pairs >= 0.5, {last.HeldForReview:N0} held for review");
        }
        var predicted = ReadPairs(pairsPath);
        Console.WriteLine($"  prior {last!.Model.ProbabilityTwoRandomRecordsMatch:E3}; EM passes: {string.Join("; ", last.Model.Training!.Passes.Select(p => $"{p.BlockedOn} {p.Pairs:N0} pairs {p.Iterations} it {(p.Converged ? "" : "NOT converged ")}λ={p.ProportionMatched:F3}"))}");
        Console.WriteLine($"  median wall time {Median(times):F2} s (min {times.Min():F2}, max {times.Max():F2}); pairs compared per second (scoring) {Median(rates):N0}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        Console.WriteLine($"  blocking recall {BlockingRecall(dataset):F4} ({truePairs:N0} true pairs)");
        if (Environment.GetEnvironmentVariable("SG_DUMP_MISSED") == "1") DumpMissed(dataset, last.Model, predicted);
        if (Environment.GetEnvironmentVariable("SG_DUMP_WRONG") == "1") DumpWrong(dataset, last.Model, predicted);
        if (Environment.GetEnvironmentVariable("SG_DUMP_MODEL") == "1")
            foreach (var f in last.Model.Fields)
                Console.WriteLine($"  {f.Field}: " + string.Join("; ", f.Levels.Skip(1).Select(l => $"{l.Name} m={l.M:G3} u={l.U:G3} w={l.Weight:F1}")));
        PrintThresholds(dataset, predicted);
    }

    private static void PrintThresholds(Dataset dataset, List<(string Left, string Right, double Probability)> predicted)
    {
        var truePairs = dataset.TruePairs();
        Console.WriteLine("  threshold | predicted |        TP |        FP |        FN | precision |   recall |       F1 | twin to twin");
        foreach (var t in Thresholds)
        {
            long tp = 0, fp = 0, twins = 0;
            foreach (var (l, r, p) in predicted)
            {
                if (p < t) continue;
                if (dataset.TruthLeft[l] == dataset.TruthRight[r]) tp++;
                else fp++;
                if (dataset.TwinOf.TryGetValue(dataset.TruthLeft[l], out var twin) && twin == dataset.TruthRight[r]) twins++;
            }
            var fn = truePairs - tp;
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = (double)tp / truePairs;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine($"  {t,9} | {tp + fp,9:N0} | {tp,9:N0} | {fp,9:N0} | {fn,9:N0} | {precision,9:F5} | {recall,8:F5} | {f1,8:F5} | {twins,12:N0}");
        }
    }

    private static void WriteConcentrated(string folder, int roll, int police)
    {
        Directory.CreateDirectory(folder);
        var dataset = ConcentratedRoll.Write(folder, roll, police);
        using var w = new StreamWriter(Path.Combine(folder, "truth.csv"));
        foreach (var (id, person) in dataset.TruthLeft) w.Write($"L,{id},{person}\n");
        foreach (var (id, person) in dataset.TruthRight) w.Write($"R,{id},{person}\n");
        foreach (var (person, twin) in dataset.TwinOf) w.Write($"T,{person},{twin}\n");
        Console.WriteLine($"{dataset.LeftPath} and {dataset.RightPath}: {dataset.TruthLeft.Count:N0} x {dataset.TruthRight.Count:N0}, {dataset.TruePairs():N0} true pairs");
    }

    private static Dataset ReadWritten(string folder)
    {
        Dictionary<string, string> left = [], right = [], twins = [];
        foreach (var line in File.ReadLines(Path.Combine(folder, "truth.csv")))
        {
            var c = line.Split(',');
            (c[0] == "L" ? left : c[0] == "R" ? right : twins)[c[1]] = c[2];
        }
        return new Dataset("concentrated roll (written)", Path.Combine(folder, "roll.csv"), Path.Combine(folder, "police.csv"), left, right) { TwinOf = twins };
    }

    private static List<(string Left, string Right, double Probability)> ReadPairs(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split(','))
            .Select(c => (c[0], c[1], double.Parse(c[2], CultureInfo.InvariantCulture))).ToList();

    /// <summary>The share of true pairs that some blocking rule puts in one block (measured outside the timed run).</summary>
    private static double BlockingRecall(Dataset dataset)
    {
        var left = Linker.Prepare(PersonCsv.Read(dataset.LeftPath));
        var right = Linker.Prepare(PersonCsv.Read(dataset.RightPath));
        var finder = new CandidateFinder(left, right, BlockingRule.Default, new LinkOptions().MaxBlockPairs, new LinkOptions().MaxPairsPerRecordPerRule);
        Console.WriteLine($"  blocking rules dropped on this data: {(finder.DroppedRules.Count == 0 ? "none" : string.Join(", ", finder.DroppedRules))}");
        var rightByPerson = new Dictionary<string, List<int>>();
        for (var j = 0; j < right.Length; j++)
        {
            var key = dataset.TruthRight[right[j].Id];
            if (!rightByPerson.TryGetValue(key, out var list)) rightByPerson[key] = list = [];
            list.Add(j);
        }
        long found = 0, total = 0;
        for (var i = 0; i < left.Length; i++)
            if (rightByPerson.TryGetValue(dataset.TruthLeft[left[i].Id], out var js))
                foreach (var j in js)
                {
                    total++;
                    if (finder.IsCandidate(i, j)) found++;
                }
        return total == 0 ? 0 : (double)found / total;
    }

    private static void DumpMissed(Dataset dataset, Safeguarding.Linkage.Model.LinkageModel model, List<(string Left, string Right, double Probability)> predicted)
    {
        var leftRecords = PersonCsv.Read(dataset.LeftPath);
        var rightRecords = PersonCsv.Read(dataset.RightPath);
        var left = Linker.Prepare(leftRecords);
        var right = Linker.Prepare(rightRecords);
        model.ApplyTermFrequencies(left);
        model.ApplyTermFrequencies(right);
        var finder = new CandidateFinder(left, right, BlockingRule.Default, new LinkOptions().MaxBlockPairs, new LinkOptions().MaxPairsPerRecordPerRule);
        var found = predicted.Where(p => p.Probability >= 0.9).Select(p => (p.Left, p.Right)).ToHashSet();
        var rightByPerson = new Dictionary<string, List<int>>();
        for (var j = 0; j < right.Length; j++)
        {
            var key = dataset.TruthRight[right[j].Id];
            if (!rightByPerson.TryGetValue(key, out var list)) rightByPerson[key] = list = [];
            list.Add(j);
        }
        Span<byte> levels = stackalloc byte[Safeguarding.Linkage.Comparison.Levels.FieldCount];
        for (var i = 0; i < left.Length; i++)
            if (rightByPerson.TryGetValue(dataset.TruthLeft[left[i].Id], out var js))
                foreach (var j in js)
                {
                    if (found.Contains((left[i].Id, right[j].Id))) continue;
                    Safeguarding.Linkage.Comparison.Comparer.Compare(left[i], right[j], levels);
                    var w = model.Weight(left[i], right[j]);
                    Console.WriteLine($"MISS blocked={finder.IsCandidate(i, j)} p={Safeguarding.Linkage.Model.LinkageModel.ProbabilityFromWeight(w):F4} levels={string.Join('.', levels.ToArray())}");
                    var ex = model.Explain(left[i], right[j]);
                    Console.WriteLine($"   prior {ex.PriorWeight:F1}: " + string.Join(", ", ex.Fields.Select(f => $"{f.Name}={f.Weight:F1}")) + $" sibling={ex.PossibleSiblings}");
                    Console.WriteLine($"   {leftRecords[i]}");
                    Console.WriteLine($"   {rightRecords[j]}");
                }
    }

    /// <summary>Every predicted pair at 0.9 that is not a true pair, explained field by field.</summary>
    private static void DumpWrong(Dataset dataset, Safeguarding.Linkage.Model.LinkageModel model, List<(string Left, string Right, double Probability)> predicted)
    {
        var leftRecords = PersonCsv.Read(dataset.LeftPath).ToDictionary(r => r.Id);
        var rightRecords = PersonCsv.Read(dataset.RightPath).ToDictionary(r => r.Id);
        var rightPeople = dataset.TruthRight.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key);
        var leftPeople = dataset.TruthLeft.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var (l, r, p) in predicted)
        {
            if (p < 0.9 || dataset.TruthLeft[l] == dataset.TruthRight[r]) continue;
            var a = PreparedPerson.From(leftRecords[l]);
            var b = PreparedPerson.From(rightRecords[r]);
            model.ApplyTermFrequencies([a, b]);
            var ex = model.Explain(a, b);
            var rightOnRoll = leftPeople.ContainsKey(dataset.TruthRight[r]);
            Console.WriteLine($"WRONG p={p:F4} right-person-on-roll={rightOnRoll} prior {ex.PriorWeight:F1}: " + string.Join(", ", ex.Fields.Select(f => $"{f.Name}={f.Weight:F1}")));
            Console.WriteLine($"   {leftRecords[l]}");
            Console.WriteLine($"   {rightRecords[r]}");
            if (leftPeople.TryGetValue(dataset.TruthRight[r], out var trueLeft)) Console.WriteLine($"   true: {leftRecords[trueLeft]}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
