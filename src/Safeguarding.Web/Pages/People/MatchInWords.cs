using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// The linkage model's evidence in the users' words: how strong a match is, and a sentence of what agrees and what
/// differs ("same family name and date of birth; given name spelt differently: Grace, Gracie"). Never the model's
/// field or level names, and never weights.
/// </summary>
public static class MatchInWords
{
    /// <summary>
    /// How strong the match is, with the percentage explained: one detail alone is a weak match however rare it is
    /// ("Family name only: a weak match").
    /// </summary>
    public static string Strength(double? probability, IReadOnlyList<FieldEvidence> evidence)
    {
        if (probability is not { } p) return "Name starts the same (too few records yet to score matches)";
        var known = evidence.Where(e => e.LevelIndex != 0).ToList();
        if (known.Count == 1) return $"{Capitalise(FieldName(known[0].Field))} only: a weak match";
        if (PossibleTwins(evidence)) return "Possible twins: do not merge unless you are sure";
        var percent = Percent(p);
        return p switch
        {
            >= 0.95 => $"Strong match ({percent})",
            >= 0.75 => $"Good match ({percent})",
            >= 0.40 => $"Possible match ({percent})",
            _ => $"Weak match ({percent})",
        };
    }

    /// <summary>
    /// What agrees, then what is close, then what differs, as one sentence. <paramref name="values"/> gives the two
    /// sides' values of a field where the reader may see both (the search's own terms and the person found).
    /// </summary>
    public static string Why(IReadOnlyList<FieldEvidence> evidence, Func<LinkageField, (string? Left, string? Right)>? values = null)
    {
        var same = new List<string>();
        var parts = new List<string>();
        foreach (var e in evidence.Where(e => e.LevelIndex != 0).OrderBy(e => e.Field))
        {
            if (IsExact(e)) same.Add(FieldName(e.Field));
            else parts.Add($"{FieldName(e.Field)} {Comparison(e, values?.Invoke(e.Field) ?? (null, null))}");
        }
        if (same.Count > 0) parts.Insert(0, "same " + JoinWithAnd(same));
        return parts.Count == 0 ? "nothing typed to compare" : string.Join("; ", parts);
    }

    /// <summary>One field of a pair in words, for a table of the evidence: the field's name as users say it.</summary>
    public static string Field(FieldEvidence e) => Capitalise(FieldName(e.Field));

    /// <summary>How the two sides of one field compare ("the same"; "spelt a little differently: Grace, Gracie"; "not known on one side").</summary>
    public static string Comparison(FieldEvidence e, (string? Left, string? Right) values = default)
    {
        if (e.LevelIndex == 0) return "not known on one side";
        if (IsExact(e)) return "the same";
        var phrase = Difference(e);
        if (values is ({ } left, { } right) && !string.Equals(left, right, StringComparison.OrdinalIgnoreCase)) phrase += $": {left}, {right}";
        return phrase;
    }

    /// <summary>
    /// Same family name, date of birth and home but different given names: the pattern of twins (and of siblings with
    /// a wrong date), which no score can tell apart from one person written two ways.
    /// </summary>
    public static bool PossibleTwins(IReadOnlyList<FieldEvidence> evidence)
    {
        int Level(LinkageField f) => evidence.FirstOrDefault(e => e.Field == f)?.LevelIndex ?? 0;
        return Level(LinkageField.FamilyName) == Levels.Family.Exact && Level(LinkageField.DateOfBirth) == Levels.Dob.Exact
            && (Level(LinkageField.Postcode) == Levels.Postcode.Exact || Level(LinkageField.Address) == Levels.Address.Exact)
            && Level(LinkageField.GivenName) is not (Levels.Given.Missing or Levels.Given.Exact);
    }

    /// <summary>A probability as a percentage that never claims certainty: 99.6% is "over 99%", never "100%".</summary>
    public static string Percent(double probability) =>
        probability >= 0.995 ? "over 99%" : probability.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static bool IsExact(FieldEvidence e) => e.LevelIndex == 1;

    private static string FieldName(LinkageField field) => field switch
    {
        LinkageField.GivenName => "given name",
        LinkageField.FamilyName => "family name",
        LinkageField.DateOfBirth => "date of birth",
        LinkageField.Sex => "sex",
        LinkageField.Postcode => "postcode",
        LinkageField.Address => "address",
        LinkageField.NhsNumber => "NHS number",
        LinkageField.Upn => "unique pupil number",
        _ => "detail",
    };

    private static string Difference(FieldEvidence e) => (e.Field, e.LevelIndex) switch
    {
        (LinkageField.GivenName, Levels.Given.Alias) => "is a known short form",
        (LinkageField.GivenName, Levels.Given.Initial) => "matches by its initial only",
        (LinkageField.GivenName, Levels.Given.Swapped) => "is swapped with the family name",
        (LinkageField.GivenName, Levels.Given.Phonetic) => "sounds the same, spelt differently",
        (LinkageField.GivenName, Levels.Given.Else) => "differs",
        (LinkageField.GivenName, _) => "spelt a little differently",
        (LinkageField.FamilyName, Levels.Family.PartShared) => "shares one part (double or hyphenated)",
        (LinkageField.FamilyName, Levels.Family.Swapped) => "is swapped with the given name",
        (LinkageField.FamilyName, Levels.Family.Phonetic) => "sounds the same, spelt differently",
        (LinkageField.FamilyName, Levels.Family.Else) => "differs",
        (LinkageField.FamilyName, _) => "spelt a little differently",
        (LinkageField.DateOfBirth, Levels.Dob.TwoKnownPartsAgree or Levels.Dob.OneKnownPartAgrees) => "agrees where both are known",
        (LinkageField.DateOfBirth, Levels.Dob.DayMonthSwapped) => "has the day and month swapped",
        (LinkageField.DateOfBirth, Levels.Dob.OneEdit) => "differs by one digit",
        (LinkageField.DateOfBirth, Levels.Dob.SameYearMonth) => "is in the same month and year, on another day",
        (LinkageField.DateOfBirth, Levels.Dob.OneYearOut) => "is one year out",
        (LinkageField.DateOfBirth, Levels.Dob.TwoOfThreeAgree or Levels.Dob.PartialOneDiffers) => "differs in one part",
        (LinkageField.DateOfBirth, _) => "differs",
        (LinkageField.Postcode, Levels.Postcode.OneEdit) => "differs by one character",
        (LinkageField.Postcode, Levels.Postcode.Sector) => "is in the same street area (sector)",
        (LinkageField.Postcode, Levels.Postcode.District) => "is in the same district",
        (LinkageField.Postcode, Levels.Postcode.Area) => "is in the same area",
        (LinkageField.Postcode, _) => "differs",
        (LinkageField.Address, Levels.Address.High) => "is nearly the same",
        (LinkageField.Address, Levels.Address.Medium or Levels.Address.Low) => "is partly the same",
        (LinkageField.Address, _) => "differs",
        _ => "differs",
    };

    private static string JoinWithAnd(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
