using System.Text;

namespace Safeguarding.Linkage.Text;

/// <summary>Names and other text reduced to what comparisons use: upper-case ASCII, letters and digits only.</summary>
public static class NameText
{
    /// <summary>
    /// A name as upper-case ASCII letters with every separator removed ("O'Brien" → OBRIEN, "Zoë" → ZOE,
    /// "Мухаммед" → MUKHAMMED), and its parts when it has more than one ("Smith-Jones" → SMITH, JONES).
    /// </summary>
    public static (string Joined, string[]? Parts) Name(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return ("", null);
        var ascii = IsAscii(raw) ? raw : AnyAscii.Transliteration.Transliterate(raw);
        var joined = new StringBuilder(ascii.Length);
        List<string>? parts = null;
        var partStart = 0;
        var lastWasSeparator = false;
        foreach (var ch in ascii)
        {
            if (char.IsAsciiLetter(ch))
            {
                joined.Append(char.ToUpperInvariant(ch));
                lastWasSeparator = false;
            }
            else if (ch is ' ' or '-' or ',' or '.' or '/' && !lastWasSeparator && joined.Length > partStart)
            {
                (parts ??= []).Add(joined.ToString(partStart, joined.Length - partStart));
                partStart = joined.Length;
                lastWasSeparator = true;
            }
            // Apostrophes and anything else vanish: O'Brien = OBrien.
        }
        if (parts is not null && joined.Length > partStart) parts.Add(joined.ToString(partStart, joined.Length - partStart));
        var result = joined.ToString();
        return (result, parts is { Count: > 1 } ? parts.ToArray() : null);
    }

    /// <summary>Upper-case ASCII tokens of letters and digits ("12a High St." → 12A, HIGH, ST).</summary>
    public static string[] Tokens(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        var ascii = IsAscii(raw) ? raw : AnyAscii.Transliteration.Transliterate(raw);
        var tokens = new List<string>(6);
        var current = new StringBuilder(16);
        foreach (var ch in ascii)
        {
            if (char.IsAsciiLetterOrDigit(ch)) current.Append(char.ToUpperInvariant(ch));
            else if (ch != '\'' && current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens.ToArray();
    }

    /// <summary>Upper-case letters and digits only, no spaces: "sw1a 1aa" → SW1A1AA.</summary>
    public static string Compact(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw) if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToUpperInvariant(ch));
        return sb.ToString();
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }
}
