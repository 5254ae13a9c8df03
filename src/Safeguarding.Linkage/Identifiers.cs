namespace Safeguarding.Linkage;

/// <summary>
/// The pure identifier checks. They live here, not in Core, because linkage needs them and must not depend on Core;
/// Core's <c>NhsNumber</c> and <c>Upn</c> call these.
/// </summary>
public static class NhsNumberCheck
{
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 10) return false;
        foreach (var c in value) if (!char.IsAsciiDigit(c)) return false;
        return CheckDigit(value[..9]) is { } check && check == value[9] - '0';
    }

    /// <summary>The check digit for nine ASCII digits, or null when it would be 10 (such numbers are never issued).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9) return null;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(nineDigits[i])) return null;
            sum += (nineDigits[i] - '0') * (10 - i);
        }
        var check = 11 - sum % 11;
        return check switch { 11 => 0, 10 => null, _ => check };
    }
}

/// <summary>The DfE unique pupil number check letter (temporary UPNs end in a letter, valued by its place in the alphabet).</summary>
public static class UpnCheck
{
    // No I, O or S: they are too easily read as 1, 0 and 5.
    public const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 13) return false;
        var last12 = value[1..];
        for (var i = 0; i < 11; i++) if (!char.IsAsciiDigit(last12[i])) return false;
        if (!char.IsAsciiDigit(last12[11]) && !Alphabet.Contains(last12[11])) return false;
        return CheckLetter(last12) == value[0];
    }

    /// <summary>The check letter for the 12 characters after it, or null when a character cannot appear there.</summary>
    public static char? CheckLetter(ReadOnlySpan<char> last12)
    {
        if (last12.Length != 12) return null;
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = last12[i];
            int value;
            if (char.IsAsciiDigit(c)) value = c - '0';
            else if (i == 11 && Alphabet.IndexOf(c) is var p and >= 0) value = p;
            else return null;
            sum += value * (i + 2);
        }
        return Alphabet[sum % 23];
    }
}
