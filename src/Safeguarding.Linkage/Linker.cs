using System.Collections.Concurrent;
using System.Diagnostics;
using Safeguarding.Linkage.Blocking;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Linkage;

public sealed record LinkOptions
{
    /// <summary>Pairs at or above this probability are predicted matches.</summary>
    public double Threshold { get; init; } = 0.9;

    /// <summary>When false (the default), each record has at most one partner: the best pair wins, greedily.</summary>
    public bool Many { get; init; }

    /// <summary>Blocks with more pairs than this are left out (and reported).</summary>
    public long MaxBlockPairs { get; init; } = 100_000;

    /// <summary>A blocking rule that would give more pairs than this per left record is dropped on this data.</summary>
    public double MaxPairsPerRecordPerRule { get; init; } = 40;

    public IReadOnlyList<BlockingRule>? Rules { get; init; }
}

/// <summary>A scored pair: indexes into the left and right lists (or the one list in dedupe).</summary>
public readonly record struct ScoredPair(int Left, int Right, float Weight)
{
    public double Probability => LinkageModel.ProbabilityFromWeight(Weight);
}

public sealed record LinkStatistics(long PairsCompared, IReadOnlyList<int> SkippedBlocks, TimeSpan Blocking, TimeSpan Scoring);

/// <summary>Predicted matches, and the pairs held for review (possible twins or siblings, different NHS numbers).</summary>
public sealed record LinkResult(IReadOnlyList<ScoredPair> Matches, IReadOnlyList<ScoredPair> Review, LinkStatistics Statistics, CandidateFinder Candidates);

/// <summary>Each record's cluster (the index of its cluster's first record) and the joins held for review.</summary>
public sealed record DedupeResult(int[] ClusterOf, IReadOnlyList<ScoredPair> Matches, IReadOnlyList<ScoredPair> Review, LinkStatistics Statistics);

/// <summary>A candidate scored against one incoming record, with whether it must go to review rather than link.</summary>
public sealed record CandidateScore(PreparedPerson Candidate, double MatchWeight, double MatchProbability, bool HoldForReview);

/// <summary>Links two lists of people, or finds the duplicates in one, with a trained model.</summary>
public static class Linker
{
    public static PreparedPerson[] Prepare(IReadOnlyList<PersonRecord> records)
    {
        var prepared = new PreparedPerson[records.Count];
        Parallel.For(0, records.Count, i => prepared[i] = PreparedPerson.From(records[i]));
        return prepared;
    }

    public static LinkResult Link(LinkageModel model, IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson> right, LinkOptions? options = null)
    {
        options ??= new LinkOptions();
        var (pairs, review, stats, finder) = ScoreCandidates(model, left, right, options);
        var matches = options.Many ? pairs.OrderByDescending(p => p.Weight).ToList() : OneToOne(pairs, left.Count, right.Count);
        return new LinkResult(matches, review, stats, finder);
    }

    public static DedupeResult Dedupe(LinkageModel model, IReadOnlyList<PreparedPerson> records, LinkOptions? options = null)
    {
        options ??= new LinkOptions();
        var (pairs, review, stats, _) = ScoreCandidates(model, records, null, options);
        var (clusters, held) = Clustering.Cluster(model, records, pairs);
        return new DedupeResult(clusters, pairs, review.Concat(held).ToList(), stats);
    }

    /// <summary>
    /// Scores one incoming record against candidates (found by the caller, for example by blocking-key look-ups in the
    /// index), best first: the building block for matching a new record on arrival.
    /// </summary>
    public static IReadOnlyList<CandidateScore> ScoreAgainst(LinkageModel model, PreparedPerson record, IEnumerable<PreparedPerson> candidates)
    {
        var table = model.Table;
        var levels = new byte[Levels.FieldCount];
        var scores = new List<CandidateScore>();
        foreach (var c in candidates)
        {
            var w = table.Weight(record, c, levels);
            scores.Add(new CandidateScore(c, w, LinkageModel.ProbabilityFromWeight(w), SiblingGuard.HoldForReview(levels)));
        }
        scores.Sort((a, b) => b.MatchWeight.CompareTo(a.MatchWeight));
        return scores;
    }

    /// <summary>
    /// The best of the candidates for one incoming record, as <see cref="ScoreAgainst"/>'s first, without keeping the
    /// others: of equal weights, the earlier in the list. Null when there are no candidates.
    /// </summary>
    public static CandidateScore? BestAgainst(LinkageModel model, PreparedPerson record, IReadOnlyList<PreparedPerson> candidates)
    {
        var table = model.Table;
        Span<byte> levels = stackalloc byte[Levels.FieldCount];
        var best = -1;
        var bestWeight = double.NegativeInfinity;
        var bestHold = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            var w = table.Weight(record, candidates[i], levels);
            if (best >= 0 && w <= bestWeight) continue;
            (best, bestWeight, bestHold) = (i, w, SiblingGuard.HoldForReview(levels));
        }
        return best < 0 ? null : new CandidateScore(candidates[best], bestWeight, LinkageModel.ProbabilityFromWeight(bestWeight), bestHold);
    }

    private static (List<ScoredPair> Pairs, List<ScoredPair> Review, LinkStatistics Stats, CandidateFinder Finder) ScoreCandidates(
        LinkageModel model, IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson>? right, LinkOptions options)
    {
        var clock = Stopwatch.StartNew();
        var threshold = options.Threshold;
        var finder = new CandidateFinder(left, right, options.Rules ?? BlockingRule.Default, options.MaxBlockPairs, options.MaxPairsPerRecordPerRule);
        var blocking = clock.Elapsed;
        var table = model.Table;
        var minWeight = (float)LinkageModel.WeightFromProbability(Math.Clamp(threshold, 1e-9, 1 - 1e-9));
        var other = right ?? left;
        var competition = right is null ? null : new Competition(model, left.Count, right.Count);
        // A pair may gain up to the competition's most before the cut: keep those that could reach the threshold.
        var keepWeight = minWeight - (competition?.MaxGain ?? 0);
        // In dedupe every sibling-like pair is held; in a link, only where a list shows the family has two such children.
        var leftSiblings = right is null ? null : SiblingGuard.RecordsWithSiblingInList(left);
        var rightSiblings = right is null ? null : SiblingGuard.RecordsWithSiblingInList(right);
        var pairs = new List<ScoredPair>();
        var review = new List<ScoredPair>();
        long compared = 0;
        // One worker a core: each holds a tally of the competition as long as the smaller file.
        Parallel.ForEach(Partitioner.Create(0, left.Count, Math.Max(256, left.Count / 256)), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (new List<int>(256), new byte[Levels.FieldCount], new List<ScoredPair>(), new List<ScoredPair>(), 0L, competition?.NewTally()),
            (range, _, state) =>
            {
                var (buffer, levels, found, held, n, tally) = state;
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    buffer.Clear();
                    finder.Find(i, buffer);
                    var a = left[i];
                    n += buffer.Count;
                    foreach (var j in buffer)
                    {
                        var w = table.Weight(a, other[j], levels);
                        tally?.Add(i, j, w);
                        if (w < keepWeight) continue;
                        var hold = SiblingGuard.IsIdentifierConflict(levels)
                                   || (SiblingGuard.IsPossibleSibling(levels) && (leftSiblings is null || leftSiblings[i] || rightSiblings![j]));
                        if (hold) held.Add(new ScoredPair(i, j, w));
                        else found.Add(new ScoredPair(i, j, w));
                    }
                }
                return (buffer, levels, found, held, n, tally);
            },
            state =>
            {
                lock (pairs)
                {
                    pairs.AddRange(state.Item3);
                    review.AddRange(state.Item4);
                    compared += state.Item5;
                    competition?.Merge(state.Item6!);
                }
            });
        if (competition is not null)
        {
            // Every candidate of a record is scored by now: weigh each pair against its rivals, then cut at the threshold.
            var (kept, contested) = competition.Adjust(pairs, minWeight);
            pairs = kept;
            review = [.. competition.Adjust(review, minWeight).Kept, .. contested];
            review.Sort(ByWeightThenIndex);
        }
        // Deterministic order whatever the threads did.
        pairs.Sort(ByWeightThenIndex);
        review.Sort(ByWeightThenIndex);
        return (pairs, review, new LinkStatistics(compared, finder.SkippedBlocks, blocking, clock.Elapsed - blocking), finder);
    }

    private static int ByWeightThenIndex(ScoredPair a, ScoredPair b)
    {
        var c = b.Weight.CompareTo(a.Weight);
        if (c != 0) return c;
        c = a.Left.CompareTo(b.Left);
        return c != 0 ? c : a.Right.CompareTo(b.Right);
    }

    /// <summary>Greedy one-to-one assignment: best pair first, each record used at most once.</summary>
    private static List<ScoredPair> OneToOne(List<ScoredPair> sortedPairs, int leftCount, int rightCount)
    {
        var leftUsed = new bool[leftCount];
        var rightUsed = new bool[rightCount];
        var result = new List<ScoredPair>();
        foreach (var p in sortedPairs)
        {
            if (leftUsed[p.Left] || rightUsed[p.Right]) continue;
            leftUsed[p.Left] = rightUsed[p.Right] = true;
            result.Add(p);
        }
        return result;
    }
}

/// <summary>
/// The evidence of a pair weighed against its rivals (ADR-020). Fellegi-Sunter scores each pair alone, with a prior
/// that falls as the files grow, so at a million a true pair agreeing on name and birth date but not on the home falls
/// below the threshold even when no other record could be that child. Seen from a record of the smaller file (the
/// side more likely to have a partner), its candidates are rivals: with pi the share of those records that have a
/// partner, P(the partner is i) = 2^w_i / ((1 - pi) + the sum of 2^w_k over all its candidates k). A lone candidate
/// gains up to log2(1 / (1 - pi)) bits; twins or namesakes that both fit share the probability and fall back.
/// </summary>
internal sealed class Competition
{
    /// <summary>pi is capped so that a lone candidate gains at most log2(20), 4.3 bits, whatever the prior says.</summary>
    private const double MaxShareWithPartner = 0.95;

    // Candidates below this weight (odds 1 to a million) add nothing worth counting.
    private const float Negligible = -20;

    private readonly bool _byRight;
    private readonly double _noPartner;
    private readonly double[] _sums;
    private readonly float[] _best;

    public Competition(LinkageModel model, int leftCount, int rightCount)
    {
        _byRight = rightCount <= leftCount;
        var share = model.ProbabilityTwoRandomRecordsMatch * (_byRight ? leftCount : rightCount);
        _noPartner = 1 - Math.Clamp(share, 0, MaxShareWithPartner);
        _sums = new double[_byRight ? rightCount : leftCount];
        _best = new float[_sums.Length];
        Array.Fill(_best, float.NegativeInfinity);
    }

    public float MaxGain => (float)-Math.Log2(_noPartner);

    public Tally NewTally() => new(_byRight, _sums.Length);

    public void Merge(Tally tally)
    {
        for (var k = 0; k < _sums.Length; k++)
        {
            _sums[k] += tally.Sums[k];
            _best[k] = Math.Max(_best[k], tally.Best[k]);
        }
    }

    /// <summary>
    /// The pairs with their weights against their rivals, those reaching <paramref name="minWeight"/> only; and the pairs
    /// that reach it alone, are their record's best, and fall below it only because another candidate fits as well
    /// (twins both fitting a nickname): those go to review, not into the output.
    /// </summary>
    public (List<ScoredPair> Kept, List<ScoredPair> Contested) Adjust(List<ScoredPair> pairs, float minWeight)
    {
        var kept = new List<ScoredPair>(pairs.Count);
        var contested = new List<ScoredPair>();
        foreach (var p in pairs)
        {
            var record = _byRight ? p.Right : p.Left;
            var own = Math.Pow(2, p.Weight);
            var rivals = _noPartner + Math.Max(0, _sums[record] - own);
            var w = (float)Math.Clamp(Math.Log2(own / rivals), -60, 60);
            if (w >= minWeight) kept.Add(p with { Weight = w });
            else if (p.Weight >= minWeight && p.Weight >= _best[record]) contested.Add(p);
        }
        return (kept, contested);
    }

    internal sealed class Tally(bool byRight, int count)
    {
        public readonly double[] Sums = new double[count];
        public readonly float[] Best = Filled(count);

        public void Add(int left, int right, float weight)
        {
            var record = byRight ? right : left;
            if (weight > Best[record]) Best[record] = weight;
            if (weight >= Negligible) Sums[record] += Math.Pow(2, weight);
        }

        private static float[] Filled(int count)
        {
            var a = new float[count];
            Array.Fill(a, float.NegativeInfinity);
            return a;
        }
    }
}

/// <summary>
/// Connected components of the predicted pairs, strongest pair first, with the guard: two components are not joined
/// when that would put two different valid NHS numbers, or two children of one family, in one person.
/// </summary>
public static class Clustering
{
    private const int MaxCrossChecks = 10_000;

    public static (int[] ClusterOf, List<ScoredPair> Held) Cluster(LinkageModel model, IReadOnlyList<PreparedPerson> records, IReadOnlyList<ScoredPair> pairsByWeight)
    {
        var parent = new int[records.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        var members = new Dictionary<int, List<int>>();
        var held = new List<ScoredPair>();
        var levels = new byte[Levels.FieldCount];
        foreach (var pair in pairsByWeight)
        {
            var a = Find(parent, pair.Left);
            var b = Find(parent, pair.Right);
            if (a == b) continue;
            var ma = members.GetValueOrDefault(a) ?? [a];
            var mb = members.GetValueOrDefault(b) ?? [b];
            if (Conflict(records, ma, mb, pair, levels))
            {
                held.Add(pair);
                continue;
            }
            if (ma.Count < mb.Count) (a, b, ma, mb) = (b, a, mb, ma);
            parent[b] = a;
            ma.AddRange(mb);
            members[a] = ma;
            members.Remove(b);
        }
        var clusterOf = new int[records.Count];
        var first = new Dictionary<int, int>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = Find(parent, i);
            if (!first.TryGetValue(root, out var f)) first[root] = f = i;
            clusterOf[i] = f;
        }
        return (clusterOf, held);
    }

    private static bool Conflict(IReadOnlyList<PreparedPerson> records, List<int> a, List<int> b, ScoredPair pair, byte[] levels)
    {
        if ((long)a.Count * b.Count > MaxCrossChecks)
        {
            Comparer.Compare(records[pair.Left], records[pair.Right], levels);
            return SiblingGuard.HoldForReview(levels);
        }
        foreach (var x in a)
            foreach (var y in b)
            {
                var rx = records[x];
                var ry = records[y];
                if (rx.Nhs != 0 && ry.Nhs != 0 && rx.Nhs != ry.Nhs) return true;
                Comparer.Compare(rx, ry, levels);
                if (SiblingGuard.IsPossibleSibling(levels)) return true;
            }
        return false;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
