using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Model;

/// <summary>The model compiled for scoring: a flat table of level weights and the term-frequency baselines.</summary>
internal sealed class ScoringTable
{
    private readonly float[] _weights = new float[Levels.FieldCount * Levels.MaxLevels];
    private readonly float _prior;
    private readonly float _log2UGiven, _log2UFamily, _log2UPostcode;
    private readonly bool _tfGiven, _tfFamily, _tfPostcode;
    private readonly float? _addressWithinPostcode;
    public readonly TermFrequencyTable Given, Family, Postcode;

    private ScoringTable(LinkageModel model)
    {
        _prior = (float)model.PriorWeight;
        for (var f = 0; f < Levels.FieldCount; f++)
        {
            var levels = model.Fields[f].Levels;
            for (var l = 1; l < levels.Count; l++)
            {
                var w = Math.Clamp(levels[l].Weight, -LinkageModel.MaxFieldWeight, LinkageModel.MaxFieldWeight);
                if (f == (int)LinkageField.NhsNumber) w = Math.Min(w, LinkageModel.MaxNhsNumberWeight);
                if (f == (int)LinkageField.Upn && l == Levels.Identifier.Else) w = Math.Max(w, LinkageModel.MinUpnMismatchWeight);
                // Disagreement is never evidence for a match, even where the sample saw too few disagreements to say.
                if (l == levels.Count - 1 || (f == (int)LinkageField.DateOfBirth && l == Levels.Dob.Else)) w = Math.Min(w, 0);
                _weights[f * Levels.MaxLevels + l] = (float)w;
            }
        }
        Given = model.TermFrequencies.GetValueOrDefault("given_name") ?? new TermFrequencyTable();
        Family = model.TermFrequencies.GetValueOrDefault("family_name") ?? new TermFrequencyTable();
        Postcode = model.TermFrequencies.GetValueOrDefault("postcode") ?? new TermFrequencyTable();
        if (model.ProbabilityAddressAgreesWithinPostcode is > 0 and var within)
        {
            var address = model.Fields[(int)LinkageField.Address].Levels[Levels.Address.Exact];
            var postcode = model.Fields[(int)LinkageField.Postcode].Levels[Levels.Postcode.Exact];
            // Among matches, the address agrees given the postcode agrees about as often as m(address) / m(postcode).
            var m = Math.Min(1, address.M / Math.Max(postcode.M, 1e-9));
            _addressWithinPostcode = (float)Math.Clamp(Math.Log2(m / within), 0, LinkageModel.MaxFieldWeight);
        }
        (_tfGiven, _log2UGiven) = Baseline(model, LinkageField.GivenName, Given);
        (_tfFamily, _log2UFamily) = Baseline(model, LinkageField.FamilyName, Family);
        (_tfPostcode, _log2UPostcode) = Baseline(model, LinkageField.Postcode, Postcode);
    }

    private static (bool, float) Baseline(LinkageModel model, LinkageField field, TermFrequencyTable table) =>
        table.Total > 0 ? (true, (float)Math.Log2(model.Fields[(int)field].Levels[1].U)) : (false, 0f);

    public static ScoringTable From(LinkageModel model) => new(model);

    public float Prior => _prior;

    /// <summary>Compares the pair, leaves the levels in <paramref name="levels"/>, and returns the total match weight.</summary>
    public float Weight(PreparedPerson a, PreparedPerson b, Span<byte> levels)
    {
        Comparer.Compare(a, b, levels);
        var w = _prior;
        for (var f = 0; f < Levels.FieldCount; f++) w += FieldWeight(f, levels, a);
        return w;
    }

    /// <summary>
    /// The weight of one field's level; on an exact match of a name or postcode, adjusted by how common the value is
    /// (log2 of u for the exact level over the value's frequency): agreeing on a rare surname says more than on Smith.
    /// </summary>
    public float FieldWeight(int field, ReadOnlySpan<byte> levels, PreparedPerson a)
    {
        var level = levels[field];
        // One home is one piece of evidence: with the postcode already agreeing, an equal address only tells this
        // household from the others at the postcode (brothers and sisters share both).
        if (field == (int)LinkageField.Address && level == Levels.Address.Exact && _addressWithinPostcode is { } within
            && levels[(int)LinkageField.Postcode] == Levels.Postcode.Exact)
            return within;
        var w = _weights[field * Levels.MaxLevels + level];
        // A move is one event: when the postcodes already differ, a different address is no second strike against.
        if (field == (int)LinkageField.Address && w < 0 && levels[(int)LinkageField.Postcode] >= Levels.Postcode.Sector) return 0;
        if (level != 1) return w;
        var adjusted = field switch
        {
            (int)LinkageField.GivenName when _tfGiven => w + (_log2UGiven - a.GivenTf),
            (int)LinkageField.FamilyName when _tfFamily => w + (_log2UFamily - a.FamilyTf),
            (int)LinkageField.Postcode when _tfPostcode => w + (_log2UPostcode - a.PostcodeTf),
            _ => w,
        };
        return Math.Clamp(adjusted, 0, (float)LinkageModel.MaxFieldWeight);
    }
}

/// <summary>
/// Twins and siblings share family name, birth date and address; only the given name tells them apart. Such a pair,
/// or one joining two different valid NHS numbers, is never linked automatically: it goes to review.
/// </summary>
public static class SiblingGuard
{
    public static bool IsPossibleSibling(ReadOnlySpan<byte> levels)
    {
        var family = levels[(int)LinkageField.FamilyName];
        var given = levels[(int)LinkageField.GivenName];
        var sameHome = levels[(int)LinkageField.Postcode] == Levels.Postcode.Exact || levels[(int)LinkageField.Address] == Levels.Address.Exact;
        return family is Levels.Family.Exact or Levels.Family.PartShared
               && levels[(int)LinkageField.DateOfBirth] == Levels.Dob.Exact
               && sameHome
               && given is Levels.Given.Fuzzy88 or Levels.Given.Phonetic or Levels.Given.TwoEdits or Levels.Given.Fuzzy80 or Levels.Given.Else
               && levels[(int)LinkageField.NhsNumber] != Levels.Identifier.Exact;
    }

    public static bool IsIdentifierConflict(ReadOnlySpan<byte> levels) => levels[(int)LinkageField.NhsNumber] == Levels.Identifier.Else;

    public static bool HoldForReview(ReadOnlySpan<byte> levels) => IsPossibleSibling(levels) || IsIdentifierConflict(levels);

    /// <summary>
    /// The records that have a possible twin or sibling in their own list: another record with the same family name,
    /// birth date and home but a different given name. A source does not hold one child twice, so this is evidence
    /// that the family has two such children; a cross-list pair that looks like siblings is then held for review.
    /// Without such evidence (one list has only the one child, the other only the other) the given name's weight decides.
    /// </summary>
    public static bool[] RecordsWithSiblingInList(IReadOnlyList<PreparedPerson> people)
    {
        var result = new bool[people.Count];
        var levels = new byte[Levels.FieldCount];
        foreach (var byAddress in new[] { false, true })
        {
            var groups = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var home = byAddress ? p.Address : p.Postcode;
                if (p.Family.Length == 0 || p.Year == 0 || p.Month == 0 || p.Day == 0 || home.Length == 0) continue;
                var key = Blocking.Hash.Mix(Blocking.Hash.Of(p.Family, 11), Blocking.Hash.Mix(Blocking.Hash.Of(home, 12), (ulong)(p.Year * 10000 + p.Month * 100 + p.Day), 13), 14);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(i);
            }
            foreach (var list in groups.Values)
            {
                if (list.Count < 2 || list.Count > 50) continue;
                for (var x = 0; x < list.Count; x++)
                    for (var y = x + 1; y < list.Count; y++)
                    {
                        Comparer.Compare(people[list[x]], people[list[y]], levels);
                        if (!IsPossibleSibling(levels)) continue;
                        result[list[x]] = result[list[y]] = true;
                    }
            }
        }
        return result;
    }
}
