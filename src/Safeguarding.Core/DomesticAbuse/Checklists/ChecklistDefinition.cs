using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Checklists;

/// <summary>
/// One question of a risk checklist. <see cref="Label"/> and <see cref="Help"/> are our own words; the official
/// SafeLives wording is copyright and appears only when a partnership loads its licensed text
/// (<see cref="LicensedWording"/>).
/// <see cref="Group"/> sorts a screening's questions into its parts (indicators, push and pull factors); DASH has none.
/// </summary>
public sealed record ChecklistQuestion(string Key, string Topic, string Label, string Help, string? LicensedWording = null, string? Group = null)
{
    /// <summary>What the practitioner reads: the licensed wording when the partnership has loaded it.</summary>
    public string Wording => LicensedWording ?? Label;
}

/// <summary>The numbers a result is measured against. Each partnership may set its own.</summary>
public sealed record RiskThresholds(int VisibleHighRisk = 14, int EscalationCount = 3, int EscalationWindowMonths = 12)
{
    public static readonly RiskThresholds Default = new();

    public IEnumerable<string> Problems()
    {
        if (VisibleHighRisk < 1) yield return "The visible high risk threshold must be at least 1.";
        if (EscalationCount < 1) yield return "The escalation count must be at least 1.";
        if (EscalationWindowMonths is < 1 or > 24) yield return "The escalation window must be between 1 and 24 months.";
    }
}

/// <summary>
/// How a screening's answers give a risk level (the exploitation screening; DASH is scored by <see cref="RiskThresholds"/>
/// instead): at least <see cref="Moderate"/> "yes" answers is moderate, at least <see cref="Significant"/> is significant,
/// and a "yes" to any of the <see cref="SeriousKeys"/> is significant on its own.
/// </summary>
public sealed record RiskBands(int Moderate, int Significant, IReadOnlyList<string>? SeriousKeys = null);

/// <summary>
/// A versioned risk checklist: its questions, the ages it is for and its default thresholds (DASH) or risk bands (a
/// screening). Checklists are data:
/// the shipped ones are JSON files beside this class, and a partnership's own versions (with licensed wording) are
/// stored rows holding the same JSON.
/// </summary>
public sealed record ChecklistDefinition(
    string Code,
    int Version,
    string Name,
    int? MinimumAge,
    int? MaximumAge,
    RiskThresholds Thresholds,
    IReadOnlyList<ChecklistQuestion> Questions,
    RiskBands? Bands = null)
{
    public const string Adult = "dash-adult";
    public const string YoungPeople = "dash-young-people";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public bool HasQuestion(string key) => Questions.Any(q => q.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ChecklistDefinition FromJson(string json)
    {
        var definition = JsonSerializer.Deserialize<ChecklistDefinition>(json, Json)
            ?? throw new InvalidDataException("The checklist definition is empty.");
        var problems = definition.Problems().ToList();
        if (problems.Count > 0) throw new InvalidDataException(string.Join(" ", problems));
        return definition;
    }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Code)) yield return "A checklist needs a code.";
        if (Version < 1) yield return "A checklist version starts at 1.";
        if (Questions is null || Questions.Count == 0) { yield return "A checklist needs questions."; yield break; }
        foreach (var duplicate in Questions.GroupBy(q => q.Key).Where(g => g.Count() > 1))
            yield return $"Question key {duplicate.Key} is used more than once.";
        foreach (var q in Questions.Where(q => string.IsNullOrWhiteSpace(q.Key) || string.IsNullOrWhiteSpace(q.Label)))
            yield return $"Every question needs a key and a label (question '{q.Key}').";
        foreach (var p in (Thresholds ?? RiskThresholds.Default).Problems()) yield return p;
        if (Bands is { } bands)
        {
            if (bands.Moderate < 1 || bands.Significant <= bands.Moderate) yield return "Risk bands need 1 <= moderate < significant.";
            foreach (var key in (bands.SeriousKeys ?? []).Where(k => !HasQuestion(k))) yield return $"Serious indicator {key} is not a question.";
        }
    }

    /// <summary>A new version carrying the partnership's licensed wording for the questions named.</summary>
    public ChecklistDefinition WithLicensedWording(IReadOnlyDictionary<string, string> wording)
    {
        var unknown = wording.Keys.Where(k => !HasQuestion(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"The checklist {Code} has no question {string.Join(", ", unknown)}.", nameof(wording));
        return this with
        {
            Version = Version + 1,
            Questions = Questions.Select(q => wording.TryGetValue(q.Key, out var text) && !string.IsNullOrWhiteSpace(text)
                ? q with { LicensedWording = text.Trim() }
                : q).ToList(),
        };
    }
}

/// <summary>The checklists the product ships, read once from the embedded JSON files.</summary>
public static class ShippedChecklists
{
    private static readonly Lazy<IReadOnlyDictionary<string, ChecklistDefinition>> All = new(() =>
    {
        var assembly = typeof(ShippedChecklists).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Checklists.Definitions.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return ChecklistDefinition.FromJson(reader.ReadToEnd());
            })
            .ToDictionary(d => d.Code, StringComparer.Ordinal);
    });

    public static IReadOnlyCollection<ChecklistDefinition> List => [.. All.Value.Values];

    public static ChecklistDefinition Get(string code) =>
        All.Value.TryGetValue(code, out var d) ? d : throw new ArgumentException($"There is no checklist '{code}'.", nameof(code));

    public static bool Exists(string code) => All.Value.ContainsKey(code);
}

/// <summary>A partnership's own version of a checklist (its thresholds, its licensed wording), kept with every earlier version.</summary>
public sealed class StoredChecklist
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    /// <summary>The whole definition as JSON, the same shape as the shipped files.</summary>
    public required string Definition { get; set; }
    public Instant CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
}
