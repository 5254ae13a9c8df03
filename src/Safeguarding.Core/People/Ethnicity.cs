namespace Safeguarding.Core.People;

/// <summary>
/// Self-defined ethnicity as police and councils record it: the 2021 census's 19 categories coded "18+1" (W1 to M9,
/// with NS for not stated), as police forces send them. Reports count by the five high-level groups.
/// </summary>
public static class Ethnicity
{
    public const string NotStated = "NS";

    /// <summary>Each code with its words and high-level group.</summary>
    public static readonly IReadOnlyList<(string Code, string Words, string Group)> Codes =
    [
        ("A1", "Indian", Asian), ("A2", "Pakistani", Asian), ("A3", "Bangladeshi", Asian), ("A4", "Chinese", Asian), ("A9", "Any other Asian background", Asian),
        ("B1", "Caribbean", Black), ("B2", "African", Black), ("B9", "Any other Black, Black British or Caribbean background", Black),
        ("M1", "White and Black Caribbean", Mixed), ("M2", "White and Black African", Mixed), ("M3", "White and Asian", Mixed),
        ("M9", "Any other Mixed or multiple ethnic background", Mixed),
        ("W1", "English, Welsh, Scottish, Northern Irish or British", White), ("W2", "Irish", White), ("W3", "Gypsy or Irish Traveller", White),
        ("W4", "Roma", White), ("W9", "Any other White background", White),
        ("O1", "Arab", Other), ("O9", "Any other ethnic group", Other),
        (NotStated, "Not stated", NotStatedGroup),
    ];

    public const string Asian = "Asian or Asian British";
    public const string Black = "Black, Black British, Caribbean or African";
    public const string Mixed = "Mixed or multiple ethnic groups";
    public const string White = "White";
    public const string Other = "Other ethnic group";
    public const string NotStatedGroup = "Not stated";

    /// <summary>The high-level groups in the census's order, for a report's rows.</summary>
    public static readonly IReadOnlyList<string> Groups = [Asian, Black, Mixed, White, Other, NotStatedGroup];

    /// <summary>The code as stored (upper case), or null when it is not one of the 18+1.</summary>
    public static string? Parse(string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        return Codes.Any(c => c.Code == code) ? code : null;
    }

    public static string GroupOf(string code) => Codes.Single(c => c.Code == code).Group;

    /// <summary>A received record's optional ethnicity: the code as stored, or null when none was sent or it is not one (the problem kept under the field).</summary>
    public static string? Check(Dictionary<string, List<string>> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var code = Parse(value);
        if (code is null) Platform.Imports.ReceivedFields.Add(errors, field, "Ethnicity must be a self-defined ethnicity code (18+1), such as W1, A2, B9 or NS for not stated");
        return code;
    }
}
