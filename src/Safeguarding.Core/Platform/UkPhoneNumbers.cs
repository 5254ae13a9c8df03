namespace Safeguarding.Core.Platform;

/// <summary>
/// UK telephone numbers as people type them ("0113 222 3333", "+44 (0)7700 900982"): checked well enough that the
/// Front Door can dial what it is shown, kept as typed (spacing included) and dialled through <see cref="Dial"/>.
/// </summary>
public static class UkPhoneNumbers
{
    /// <summary>The GOV.UK pattern's error, with its fictitious Ofcom drama numbers as examples.</summary>
    public const string Error = "Enter a UK telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

    /// <summary>The number in digits from its leading 0 ("01132223333"), or null when it is not a UK number.</summary>
    public static string? Dial(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 30) return null;
        var s = typed.Trim();
        var international = s.StartsWith('+');
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        // Only digits and the separators people write; letters or an extension are not a number the Front Door can dial.
        if (s.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.') && !(c == '+' && s.IndexOf('+') == 0 && s.LastIndexOf('+') == 0))) return null;
        if (international || digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = international ? digits : digits[2..];
            if (!digits.StartsWith("44", StringComparison.Ordinal)) return null;
            digits = digits[2..];
            // "+44 (0)113 ..." keeps its trunk 0 in brackets: drop it.
            if (digits.StartsWith('0')) digits = digits[1..];
            digits = "0" + digits;
        }
        // A UK number is 0 then 10 digits, the first of them 1, 2, 3, 5, 7, 8 or 9 (4 and 6 are not in use); only some
        // freephone numbers and one small exchange (016977) have 9 digits after the 0.
        if (digits.Length < 2 || digits[0] != '0' || digits[1] is '0' or '4' or '6') return null;
        var shortAllowed = digits.StartsWith("0800", StringComparison.Ordinal) || digits.StartsWith("016977", StringComparison.Ordinal);
        return digits.Length == 11 || (digits.Length == 10 && shortAllowed) ? digits : null;
    }

    /// <summary>The number trimmed, or null when blank; the caller has checked it with <see cref="Dial"/>.</summary>
    public static string? Tidy(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : string.Join(' ', typed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
