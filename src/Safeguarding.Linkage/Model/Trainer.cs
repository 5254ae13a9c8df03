using Safeguarding.Linkage.Blocking;
using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Model;

public sealed record TrainingOptions
{
    /// <summary>Random pairs drawn to estimate u (they are almost all non-matches).</summary>
    public int RandomPairsForU { get; init; } = 300_000;

    /// <summary>At most this many left records take part in each EM pass (enough for stable m, quick at a million).</summary>
    public int MaxEmRecords { get; init; } = 40_000;

    public int MaxIterations { get; init; } = 150;

    /// <summary>Blocks bigger than this are left out of an EM pass.</summary>
    public long MaxBlockPairs { get; init; } = 20_000;

    public int Seed { get; init; } = 20_261_128;

    public IReadOnlyList<BlockingRule>? Passes { get; init; }
}

/// <summary>
/// Unsupervised training: u from random pairs (exact-match u from value frequencies), m by expectation-maximisation
/// with u held fixed over several blocking passes (each pass learns nothing about the fields it blocks on), and the
/// prior from a strict rule whose recall the learnt m tells.
/// </summary>
public static class Trainer
{
    private static readonly LinkageField[] TermFrequencyFields = [LinkageField.GivenName, LinkageField.FamilyName, LinkageField.Postcode];

    public static LinkageModel Train(IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson>? right, TrainingOptions? options = null)
    {
        options ??= new TrainingOptions();
        var dedupe = right is null;
        var r = right ?? left;
        var model = LinkageModel.Create(1e-4, InitialProbabilities);
        var all = dedupe ? left : left.Concat(r).ToList();
        foreach (var field in TermFrequencyFields) model.TermFrequencies[Levels.FieldName(field)] = CountValues(all, field);
        model.ApplyTermFrequencies(all);

        var randomPairs = EstimateU(model, left, r, dedupe, options);
        model.ProbabilityAddressAgreesWithinPostcode = AddressAgreementWithinPostcode(left, r, dedupe);
        model.Invalidate();

        var estimates = new List<(double[][] M, HashSet<LinkageField> Excluded)>();
        var passes = new List<EmPass>();
        foreach (var rule in options.Passes ?? BlockingRule.TrainingPasses)
        {
            var (keys, counts, pairs) = BlockedPatterns(left, right, rule, options);
            if (pairs == 0) continue;
            var excluded = rule.Fields.ToHashSet();
            var m = model.Fields.Select(f => f.Levels.Select(l => l.M).ToArray()).ToArray();
            var result = Em.Run(keys, counts, m, model.Fields.Select(f => f.Levels.Select(l => l.U).ToArray()).ToArray(), excluded, 0.05, options.MaxIterations);
            estimates.Add((result.M, excluded));
            passes.Add(new EmPass(rule.Name, pairs, keys.Length, result.Iterations, result.Converged, result.Lambda));
        }
        for (var f = 0; f < Levels.FieldCount; f++)
        {
            var usable = estimates.Where(e => !e.Excluded.Contains((LinkageField)f)).ToList();
            if (usable.Count == 0) continue;
            var levels = model.Fields[f].Levels;
            for (var l = 1; l < levels.Count; l++) levels[l].M = usable.Average(e => e.M[f][l]);
        }

        var (strictPairs, recall) = EstimatePrior(model, left, r, dedupe);
        model.Training = new TrainingSummary(randomPairs, passes, strictPairs, recall);
        model.Invalidate();
        return model;
    }

    private static (double M, double U) InitialProbabilities(LinkageField field, int level)
    {
        var count = Levels.Count(field);
        if (level == 1) return (count == 3 ? 0.9 : 0.7, 0.5);
        if (level == count - 1) return (count == 3 ? 0.1 : 0.05, 0.5);
        return (0.25 / (count - 3), 0.5);
    }

    private static string ValueOf(PreparedPerson p, LinkageField field) => field switch
    {
        LinkageField.GivenName => p.Given,
        LinkageField.FamilyName => p.Family,
        LinkageField.Postcode => p.Postcode,
        LinkageField.NhsNumber => p.Nhs == 0 ? "" : p.Nhs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LinkageField.Upn => p.Upn ?? "",
        LinkageField.Address => p.Address,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static TermFrequencyTable CountValues(IReadOnlyList<PreparedPerson> people, LinkageField field)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        long total = 0;
        foreach (var p in people)
        {
            var v = ValueOf(p, field);
            if (v.Length == 0) continue;
            total++;
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        // Only values seen more than once are kept: a value not in the table counts once.
        var kept = counts.Where(kv => kv.Value > 1).OrderByDescending(kv => kv.Value).Take(100_000)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new TermFrequencyTable { Total = total, Counts = kept };
    }

    private static long EstimateU(LinkageModel model, IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson> right, bool dedupe, TrainingOptions options)
    {
        long possible = dedupe ? (long)left.Count * (left.Count - 1) / 2 : (long)left.Count * right.Count;
        var samples = (int)Math.Min(options.RandomPairsForU, possible);
        const int chunks = 16;
        var counts = new long[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var rng = new Random(options.Seed + c);
            var local = new long[Levels.FieldCount * Levels.MaxLevels];
            Span<byte> levels = stackalloc byte[Levels.FieldCount];
            var n = samples / chunks + (c < samples % chunks ? 1 : 0);
            for (var s = 0; s < n; s++)
            {
                var i = rng.Next(left.Count);
                var j = rng.Next(right.Count);
                if (dedupe && i == j) continue;
                Comparer.Compare(left[i], right[j], levels);
                for (var f = 0; f < Levels.FieldCount; f++) local[f * Levels.MaxLevels + levels[f]]++;
            }
            counts[c] = local;
        });
        for (var f = 0; f < Levels.FieldCount; f++)
        {
            var levels = model.Fields[f].Levels;
            long present = 0;
            for (var l = 1; l < levels.Count; l++) present += counts.Sum(c => c[f * Levels.MaxLevels + l]);
            for (var l = 1; l < levels.Count; l++)
                levels[l].U = (counts.Sum(c => c[f * Levels.MaxLevels + l]) + 1.0) / (present + levels.Count - 1.0);
        }
        // Exact agreement on a name, postcode or identifier is rare enough that sampling cannot see it well: count it.
        foreach (var field in new[] { LinkageField.GivenName, LinkageField.FamilyName, LinkageField.Postcode, LinkageField.NhsNumber, LinkageField.Upn })
        {
            var exact = ExactAgreementProbability(left, right, dedupe, field);
            if (exact is { } u) model.Fields[(int)field].Levels[1].U = u;
        }
        return samples;
    }

    /// <summary>P(two random records with the field present agree exactly) from the value counts on each side.</summary>
    private static double? ExactAgreementProbability(IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson> right, bool dedupe, LinkageField field)
    {
        var leftCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        long nl = 0;
        foreach (var p in left)
        {
            var v = ValueOf(p, field);
            if (v.Length == 0) continue;
            nl++;
            leftCounts[v] = leftCounts.GetValueOrDefault(v) + 1;
        }
        if (nl == 0) return null;
        double agree;
        double pairs;
        if (dedupe)
        {
            agree = leftCounts.Values.Sum(c => (double)c * (c - 1));
            pairs = (double)nl * (nl - 1);
        }
        else
        {
            long nr = 0;
            agree = 0;
            foreach (var p in right)
            {
                var v = ValueOf(p, field);
                if (v.Length == 0) continue;
                nr++;
                agree += leftCounts.GetValueOrDefault(v);
            }
            pairs = (double)nl * nr;
        }
        if (pairs <= 0) return null;
        return Math.Max(agree, 1) / pairs;
    }

    /// <summary>
    /// Of the pairs of different people agreeing on the postcode, the share that also agree on the address: near 1
    /// where a postcode is one house, a tenth where it holds ten households. Counted within each file of a link, where
    /// every pair is two different people (a source does not hold one child twice); pairs across the files would count
    /// the matches too. Null in dedupe, or when no such pair shares a home.
    /// </summary>
    private static double? AddressAgreementWithinPostcode(IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson> right, bool dedupe)
    {
        if (dedupe) return null;
        double samePostcode = 0, sameHome = 0;
        foreach (var file in new[] { left, right })
        {
            var postcodes = new Dictionary<string, long>(StringComparer.Ordinal);
            var homes = new Dictionary<(string, string), long>();
            foreach (var p in file)
            {
                if (p.Postcode.Length == 0 || p.Address.Length == 0) continue;
                postcodes[p.Postcode] = postcodes.GetValueOrDefault(p.Postcode) + 1;
                homes[(p.Postcode, p.Address)] = homes.GetValueOrDefault((p.Postcode, p.Address)) + 1;
            }
            samePostcode += postcodes.Values.Sum(c => (double)c * (c - 1));
            sameHome += homes.Values.Sum(c => (double)c * (c - 1));
        }
        return samePostcode <= 0 || sameHome <= 0 ? null : sameHome / samePostcode;
    }

    private static (uint[] Keys, double[] Counts, long Pairs) BlockedPatterns(IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson>? right, BlockingRule rule, TrainingOptions options)
    {
        // A deterministic sample of the left records keeps a pass quick at a million records.
        IReadOnlyList<PreparedPerson> sample = left;
        if (left.Count > options.MaxEmRecords && right is not null)
        {
            var step = (double)left.Count / options.MaxEmRecords;
            sample = Enumerable.Range(0, options.MaxEmRecords).Select(i => left[(int)(i * step)]).ToList();
        }
        var finder = new CandidateFinder(sample, right, [rule], options.MaxBlockPairs);
        var partial = new List<Dictionary<uint, long>>();
        long pairs = 0;
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, sample.Count, 512), () => (new Dictionary<uint, long>(), new List<int>(), new byte[Levels.FieldCount], 0L),
            (range, _, state) =>
            {
                var (patterns, buffer, levels, n) = state;
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    buffer.Clear();
                    finder.Find(i, buffer);
                    foreach (var j in buffer)
                    {
                        Comparer.Compare(sample[i], (right ?? sample)[j], levels);
                        var key = Comparer.Pack(levels);
                        patterns[key] = patterns.GetValueOrDefault(key) + 1;
                        n++;
                    }
                }
                return (patterns, buffer, levels, n);
            },
            state =>
            {
                lock (partial)
                {
                    partial.Add(state.Item1);
                    pairs += state.Item4;
                }
            });
        var merged = new Dictionary<uint, long>();
        foreach (var d in partial)
            foreach (var (k, v) in d) merged[k] = merged.GetValueOrDefault(k) + v;
        var keys = merged.Keys.OrderBy(k => k).ToArray();
        return (keys, keys.Select(k => (double)merged[k]).ToArray(), pairs);
    }

    /// <summary>
    /// Pairs agreeing exactly on given name, family name and full birth date are counted; the share of true matches
    /// that agree so (the product of the three exact-level m) turns that count into the expected number of matches.
    /// </summary>
    private static (long StrictPairs, double Recall) EstimatePrior(LinkageModel model, IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson> right, bool dedupe)
    {
        static ulong Key(PreparedPerson p) =>
            p.Given.Length == 0 || p.Family.Length == 0 || p.Year == 0 || p.Month == 0 || p.Day == 0 ? 0
                : Hash.Mix(Hash.Of(p.Given, 1), Hash.Mix(Hash.Of(p.Family, 2), (ulong)(p.Year * 10000 + p.Month * 100 + p.Day), 3), 4);
        var leftCounts = new Dictionary<ulong, long>();
        foreach (var p in left)
            if (Key(p) is var k and not 0) leftCounts[k] = leftCounts.GetValueOrDefault(k) + 1;
        long strict = 0;
        if (dedupe) strict = leftCounts.Values.Sum(c => c * (c - 1) / 2);
        else
            foreach (var p in right)
                if (Key(p) is var k and not 0) strict += leftCounts.GetValueOrDefault(k);

        var recall = model.Field(LinkageField.GivenName).Levels[1].M * model.Field(LinkageField.FamilyName).Levels[1].M
                     * model.Field(LinkageField.DateOfBirth).Levels[1].M;
        double totalPairs = dedupe ? (double)left.Count * (left.Count - 1) / 2 : (double)left.Count * right.Count;
        double maxMatches = dedupe ? left.Count - 1 : Math.Min(left.Count, right.Count);
        var expected = strict > 0 && recall > 0 ? Math.Min(strict / recall, maxMatches) : maxMatches / 2;
        model.ProbabilityTwoRandomRecordsMatch = Math.Clamp(expected / Math.Max(totalPairs, 1), 1e-12, 0.5);
        return (strict, recall);
    }
}

/// <summary>Expectation-maximisation of m (and the share of matches) over comparison patterns, u fixed.</summary>
public static class Em
{
    public sealed record Result(double[][] M, double Lambda, int Iterations, bool Converged);

    /// <summary>
    /// No level is taken to be impossible among matches: one sex typo in a thousand is still a typo. Without this floor
    /// a clean training set would make a single disagreement veto a match.
    /// </summary>
    public const double MinM = 0.001;

    /// <summary>
    /// Levels that a typo cannot produce, held at <see cref="MinM"/> rather than learnt: birth years a generation apart.
    /// Learnt, they take the m of the households the blocking passes meet (a father and son of one name at one postcode
    /// look like one person to every other field), and a mother and daughter then link.
    /// </summary>
    private static bool IsImpossibleForMatches(int field, int level) =>
        field == (int)LinkageField.DateOfBirth && level == Levels.Dob.YearsFarApart;

    public static Result Run(uint[] keys, double[] counts, double[][] initialM, double[][] u, IReadOnlySet<LinkageField> excluded, double initialLambda, int maxIterations)
    {
        var m = initialM.Select(a => (double[])a.Clone()).ToArray();
        m[(int)LinkageField.DateOfBirth][Levels.Dob.YearsFarApart] = MinM;
        var lambda = initialLambda;
        var active = Enumerable.Range(0, Levels.FieldCount).Where(f => !excluded.Contains((LinkageField)f)).ToArray();
        var logU = new double[keys.Length];
        for (var p = 0; p < keys.Length; p++)
            foreach (var f in active)
                if (Comparer.Unpack(keys[p], f) is var l and > 0) logU[p] += Math.Log(u[f][l]);
        var sums = m.Select(a => new double[a.Length]).ToArray();
        double total = counts.Sum();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            foreach (var s in sums) Array.Clear(s);
            double matched = 0;
            var logLambda = Math.Log(lambda);
            var logNot = Math.Log(1 - lambda);
            for (var p = 0; p < keys.Length; p++)
            {
                var logM = logLambda;
                foreach (var f in active)
                    if (Comparer.Unpack(keys[p], f) is var l and > 0) logM += Math.Log(m[f][l]);
                var posterior = 1 / (1 + Math.Exp(logNot + logU[p] - logM));
                var weighted = counts[p] * posterior;
                matched += weighted;
                foreach (var f in active)
                    if (Comparer.Unpack(keys[p], f) is var l and > 0) sums[f][l] += weighted;
            }
            var change = 0.0;
            foreach (var f in active)
            {
                var denominator = 0.0;
                for (var l = 1; l < sums[f].Length; l++) denominator += sums[f][l];
                if (denominator <= 0) continue;
                for (var l = 1; l < sums[f].Length; l++)
                {
                    var next = IsImpossibleForMatches(f, l) ? MinM : Math.Max(sums[f][l] / denominator, MinM);
                    change = Math.Max(change, Math.Abs(next - m[f][l]));
                    m[f][l] = next;
                }
            }
            var nextLambda = Math.Clamp(matched / total, 1e-9, 1 - 1e-9);
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            lambda = nextLambda;
            if (change < 1e-5) return new Result(m, lambda, iteration, true);
        }
        return new Result(m, lambda, maxIterations, false);
    }
}
