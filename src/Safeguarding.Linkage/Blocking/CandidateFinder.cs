using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Blocking;

/// <summary>
/// Finds the candidate pairs of a union of blocking rules, each pair once: a pair that an earlier rule already
/// produces is skipped by the later ones (no hash set of seen pairs is needed). Blocks with more than
/// <c>maxBlockPairs</c> pairs are left out and counted, so their cost and the recall lost are visible.
/// </summary>
public sealed class CandidateFinder
{
    private readonly IReadOnlyList<BlockingRule> _rules;
    private readonly ulong[][] _leftKeys;
    private readonly ulong[][] _rightKeys;
    private readonly ulong[][] _sortedRightKeys;
    private readonly int[][] _sortedRightIndex;
    private readonly HashSet<ulong>[] _skipped;
    private readonly bool[] _dropped;
    private readonly bool _dedupe;

    /// <param name="maxPairsPerRecord">
    /// A rule whose blocks would give more pairs than this per left record is dropped whole (a plain birth-date rule is
    /// cheap at 25,000 people and costs 30 pairs a person at a million); the rules after it still cover those pairs.
    /// </param>
    public CandidateFinder(IReadOnlyList<PreparedPerson> left, IReadOnlyList<PreparedPerson>? right, IReadOnlyList<BlockingRule> rules, long maxBlockPairs,
        double maxPairsPerRecord = double.PositiveInfinity)
    {
        _dropped = new bool[rules.Count];
        _rules = rules;
        _dedupe = right is null;
        right ??= left;
        _leftKeys = new ulong[rules.Count][];
        _rightKeys = new ulong[rules.Count][];
        _sortedRightKeys = new ulong[rules.Count][];
        _sortedRightIndex = new int[rules.Count][];
        _skipped = new HashSet<ulong>[rules.Count];
        Parallel.For(0, rules.Count, k =>
        {
            var rule = rules[k];
            var lk = new ulong[left.Count];
            for (var i = 0; i < lk.Length; i++) lk[i] = rule.Key(left[i]);
            ulong[] rk;
            if (_dedupe) rk = lk;
            else
            {
                rk = new ulong[right.Count];
                for (var i = 0; i < rk.Length; i++) rk[i] = rule.Key(right[i]);
            }
            var sortedKeys = (ulong[])rk.Clone();
            var index = new int[rk.Length];
            for (var i = 0; i < index.Length; i++) index[i] = i;
            Array.Sort(sortedKeys, index);

            var skipped = new HashSet<ulong>();
            var sortedLeft = _dedupe ? sortedKeys : (ulong[])lk.Clone();
            if (!_dedupe) Array.Sort(sortedLeft);
            long pairs = 0;
            for (var s = 0; s < sortedKeys.Length;)
            {
                var e = s;
                while (e < sortedKeys.Length && sortedKeys[e] == sortedKeys[s]) e++;
                if (sortedKeys[s] != 0)
                {
                    long rightCount = e - s;
                    long blockPairs = _dedupe ? rightCount * (rightCount - 1) / 2 : rightCount * CountOf(sortedLeft, sortedKeys[s]);
                    if (blockPairs > maxBlockPairs) skipped.Add(sortedKeys[s]);
                    else pairs += blockPairs;
                }
                s = e;
            }
            _dropped[k] = pairs > maxPairsPerRecord * Math.Max(1, left.Count);
            _leftKeys[k] = lk;
            _rightKeys[k] = rk;
            _sortedRightKeys[k] = sortedKeys;
            _sortedRightIndex[k] = index;
            _skipped[k] = skipped;
        });
    }

    public IReadOnlyList<BlockingRule> Rules => _rules;

    /// <summary>Blocks left out for being too big, per rule.</summary>
    public IReadOnlyList<int> SkippedBlocks => _skipped.Select(s => s.Count).ToArray();

    /// <summary>The rules dropped for giving too many pairs on this data.</summary>
    public IReadOnlyList<string> DroppedRules => _rules.Where((_, k) => _dropped[k]).Select(r => r.Name).ToArray();

    /// <summary>Adds the right-hand indexes to compare with left record <paramref name="i"/> (in dedupe, only those after it).</summary>
    public void Find(int i, List<int> into)
    {
        for (var k = 0; k < _rules.Count; k++)
        {
            var key = _leftKeys[k][i];
            if (key == 0 || _dropped[k] || (_skipped[k].Count > 0 && _skipped[k].Contains(key))) continue;
            var sorted = _sortedRightKeys[k];
            var start = LowerBound(sorted, key);
            var index = _sortedRightIndex[k];
            for (var t = start; t < sorted.Length && sorted[t] == key; t++)
            {
                var j = index[t];
                if (_dedupe && j <= i) continue;
                if (!FoundByEarlierRule(k, i, j)) into.Add(j);
            }
        }
    }

    /// <summary>True when some rule puts the two records in one block (used to measure blocking recall).</summary>
    public bool IsCandidate(int i, int j)
    {
        if (_dedupe && i == j) return false;
        return FoundByEarlierRule(_rules.Count, i, j);
    }

    private bool FoundByEarlierRule(int k, int i, int j)
    {
        for (var q = 0; q < k; q++)
        {
            var key = _leftKeys[q][i];
            if (key != 0 && !_dropped[q] && key == _rightKeys[q][j] && (_skipped[q].Count == 0 || !_skipped[q].Contains(key))) return true;
        }
        return false;
    }

    private static long CountOf(ulong[] sorted, ulong key)
    {
        var s = LowerBound(sorted, key);
        var e = s;
        while (e < sorted.Length && sorted[e] == key) e++;
        return e - s;
    }

    private static int LowerBound(ulong[] sorted, ulong key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
