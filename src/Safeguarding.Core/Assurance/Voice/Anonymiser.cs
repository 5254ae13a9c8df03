using System.Text.RegularExpressions;

namespace Safeguarding.Core.Assurance.Voice;

/// <summary>What to take out of a child's words: names (single words), and phrases such as addresses and schools.</summary>
public sealed record AnonymiseTerms(IReadOnlyCollection<string> Names, IReadOnlyCollection<string> Places, IReadOnlyCollection<string> Schools);

/// <summary>
/// Takes identifying details out of words before anyone else sees them: the schools and addresses given (and anything
/// that looks like a street address or a postcode), every date, and every name given, as whole words in any case.
/// It errs on the side of taking out: a word that is someone's name in the index goes even where it was not meant as one.
/// </summary>
public static partial class Anonymiser
{
    public const string Name = "[name]", Date = "[date]", Address = "[address]", School = "[school]", Postcode = "[postcode]";

    public static string Anonymise(string words, AnonymiseTerms terms)
    {
        var text = words;
        // Longest first, so that "Aire Valley Primary School" goes whole before "Aire Valley".
        foreach (var school in terms.Schools.Where(s => s.Trim().Length > 2).OrderByDescending(s => s.Length))
            text = Regex.Replace(text, $@"\b{Regex.Escape(school.Trim())}\b", School, RegexOptions.IgnoreCase);
        foreach (var place in terms.Places.Where(s => s.Trim().Length > 2).OrderByDescending(s => s.Length))
            text = Regex.Replace(text, $@"\b{Regex.Escape(place.Trim())}\b", Address, RegexOptions.IgnoreCase);
        text = StreetAddress().Replace(text, Address);
        text = PostcodePattern().Replace(text, Postcode);
        text = NumericDate().Replace(text, Date);
        text = WrittenDate().Replace(text, Date);
        var names = terms.Names.Select(n => n.Trim()).Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > 0)
            text = Regex.Replace(text, $@"(?<![\p{{L}}'])(?:{string.Join('|', names.OrderByDescending(n => n.Length).Select(Regex.Escape))})(?![\p{{L}}\p{{N}}])(?:'s)?",
                Name, RegexOptions.IgnoreCase);
        return text;
    }

    /// <summary>The words that could be names: capitalised words as typed (children's own writing capitalises names more often than not).</summary>
    public static IReadOnlyCollection<string> CandidateNames(string words) =>
        [.. Word().Matches(words).Select(m => m.Value).Where(w => char.IsUpper(w[0])).Distinct()];

    [GeneratedRegex(@"\b\d{1,4}[a-zA-Z]?\s+(?:[A-Z][\p{L}'-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Place|Terrace|Court|Gardens|Walk|View|Mount|Rise|Hill|Green|Square|Row)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*(?:\s+\d{4})?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'-]*")]
    private static partial Regex Word();
}
