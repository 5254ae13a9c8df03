using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Model;

/// <summary>
/// A trained Fellegi-Sunter model: per field, the probability of each comparison level among matches (m) and among
/// non-matches (u); the prior probability that two random records match; and the term frequencies of names and
/// postcodes. Saved and loaded as JSON so that a model trained on one batch can score records arriving later.
/// </summary>
public sealed class LinkageModel
{
    /// <summary>No single field may move the weight further than this (in bits): every field is evidence, none an override.</summary>
    public const double MaxFieldWeight = 20;

    /// <summary>A valid, equal NHS number is strong evidence but not an override: names and birth date can still outweigh it.</summary>
    public const double MaxNhsNumberWeight = 10;

    /// <summary>Pupils get new UPNs when they move school, so two different UPNs are only weak evidence against.</summary>
    public const double MinUpnMismatchWeight = -2;

    public int FormatVersion { get; init; } = 1;

    /// <summary>The prior: the probability that two records drawn at random are the same person.</summary>
    public double ProbabilityTwoRandomRecordsMatch { get; set; }

    public List<FieldModel> Fields { get; init; } = [];

    /// <summary>
    /// P(the addresses agree | the postcodes agree) for two different people, counted from the files: the address's
    /// weight when the postcode already agrees. Null in models trained before it (the address then counts in full).
    /// </summary>
    public double? ProbabilityAddressAgreesWithinPostcode { get; set; }

    /// <summary>Value counts for given_name, family_name and postcode (common values only; rarer values count once).</summary>
    public Dictionary<string, TermFrequencyTable> TermFrequencies { get; init; } = [];

    /// <summary>How training went, for the record.</summary>
    public TrainingSummary? Training { get; set; }

    private ScoringTable? _table;

    internal ScoringTable Table => _table ??= ScoringTable.From(this);

    /// <summary>Drops the compiled weights after m, u or the prior changed.</summary>
    internal void Invalidate() => _table = null;

    public double PriorWeight => Math.Log2(ProbabilityTwoRandomRecordsMatch / (1 - ProbabilityTwoRandomRecordsMatch));

    public static double ProbabilityFromWeight(double weight) => 1 / (1 + Math.Pow(2, -weight));

    public static double WeightFromProbability(double probability) => Math.Log2(probability / (1 - probability));

    public FieldModel Field(LinkageField field) => Fields[(int)field];

    /// <summary>Fills in each record's term frequencies from this model's tables.</summary>
    public void ApplyTermFrequencies(IEnumerable<PreparedPerson> people)
    {
        var given = Table.Given;
        var family = Table.Family;
        var postcode = Table.Postcode;
        foreach (var p in people)
        {
            p.GivenTf = given.Log2Frequency(p.Given);
            p.FamilyTf = family.Log2Frequency(p.Family);
            p.PostcodeTf = postcode.Log2Frequency(p.Postcode);
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LinkageModel FromJson(string json)
    {
        var model = JsonSerializer.Deserialize<LinkageModel>(json, Json) ?? throw new InvalidDataException("The model file is empty.");
        if (model.FormatVersion != 1) throw new InvalidDataException($"Model format version {model.FormatVersion} is not supported.");
        if (model.Fields.Count != Levels.FieldCount) throw new InvalidDataException($"The model has {model.Fields.Count} fields; {Levels.FieldCount} were expected.");
        // Models saved before the birth date had its level for years a generation apart: that level was part of "else".
        var dob = model.Fields[(int)LinkageField.DateOfBirth].Levels;
        if (dob.Count == Levels.Dob.YearsFarApart && dob[^1] is { } before)
            dob.Add(new LevelModel { Name = Levels.Names[(int)LinkageField.DateOfBirth][Levels.Dob.YearsFarApart], M = before.M, U = before.U });
        for (var f = 0; f < Levels.FieldCount; f++)
            if (model.Fields[f].Levels.Count != Levels.Count((LinkageField)f))
                throw new InvalidDataException($"The model's {model.Fields[f].Field} has {model.Fields[f].Levels.Count} levels; {Levels.Count((LinkageField)f)} were expected.");
        return model;
    }

    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, path, overwrite: true);
    }

    public static LinkageModel Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>An untrained model with the given m and u per level, for tests and for starting points.</summary>
    public static LinkageModel Create(double prior, Func<LinkageField, int, (double M, double U)> probabilities)
    {
        var model = new LinkageModel { ProbabilityTwoRandomRecordsMatch = prior };
        for (var f = 0; f < Levels.FieldCount; f++)
        {
            var field = (LinkageField)f;
            var names = Levels.Names[f];
            var levels = new List<LevelModel>();
            for (var l = 0; l < names.Length; l++)
            {
                var (m, u) = l == 0 ? (1.0, 1.0) : probabilities(field, l);
                levels.Add(new LevelModel { Name = names[l], M = m, U = u });
            }
            model.Fields.Add(new FieldModel { Field = Levels.FieldName(field), Levels = levels });
        }
        return model;
    }

    /// <summary>The match weight of a pair of prepared records.</summary>
    public double Weight(PreparedPerson a, PreparedPerson b)
    {
        Span<byte> levels = stackalloc byte[Levels.FieldCount];
        return Table.Weight(a, b, levels);
    }

    /// <summary>Why a pair scores what it scores: the weight each field adds, term-frequency adjustments included.</summary>
    public PairExplanation Explain(PreparedPerson a, PreparedPerson b)
    {
        Span<byte> levels = stackalloc byte[Levels.FieldCount];
        var total = Table.Weight(a, b, levels);
        var fields = new List<FieldEvidence>(Levels.FieldCount);
        for (var f = 0; f < Levels.FieldCount; f++)
        {
            var field = (LinkageField)f;
            fields.Add(new FieldEvidence(field, Levels.FieldName(field), Levels.Names[f][levels[f]], levels[f], Table.FieldWeight(f, levels, a)));
        }
        return new PairExplanation(a.Id, b.Id, PriorWeight, total, ProbabilityFromWeight(total), fields, SiblingGuard.IsPossibleSibling(levels), SiblingGuard.IsIdentifierConflict(levels));
    }
}

public sealed class FieldModel
{
    public required string Field { get; init; }
    public required List<LevelModel> Levels { get; init; }
}

public sealed class LevelModel
{
    public required string Name { get; init; }

    /// <summary>P(level | the records are the same person).</summary>
    public double M { get; set; }

    /// <summary>P(level | the records are different people).</summary>
    public double U { get; set; }

    [JsonIgnore]
    public double Weight => Math.Log2(M / U);
}

public sealed class TermFrequencyTable
{
    public long Total { get; init; }
    public Dictionary<string, int> Counts { get; init; } = [];

    internal float Log2Frequency(string value)
    {
        if (value.Length == 0 || Total == 0) return 0;
        var count = Counts.TryGetValue(value, out var c) ? c : 1;
        return (float)Math.Log2((double)count / Total);
    }
}

public sealed record TrainingSummary(long RandomPairsForU, IReadOnlyList<EmPass> Passes, long StrictRulePairs, double StrictRuleRecall);

public sealed record EmPass(string BlockedOn, long Pairs, int Patterns, int Iterations, bool Converged, double ProportionMatched);

/// <summary>One field's part in a pair's score.</summary>
public sealed record FieldEvidence(LinkageField Field, string Name, string Level, int LevelIndex, double Weight);

/// <summary>A pair explained: the prior, each field's weight, the total and the probability.</summary>
public sealed record PairExplanation(
    string LeftId, string RightId, double PriorWeight, double MatchWeight, double MatchProbability, IReadOnlyList<FieldEvidence> Fields,
    bool PossibleSiblings, bool DifferentNhsNumbers);
