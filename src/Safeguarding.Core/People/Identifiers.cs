namespace Safeguarding.Core.People;

/// <summary>The NHS number: 10 digits, the last a modulus 11 check digit over the first nine.</summary>
public static class NhsNumber
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit)) return false;
        return CheckDigit(value.AsSpan(0, 9)) is { } check && check == value[9] - '0';
    }

    /// <summary>The full number for nine digits; throws when no check digit exists (the remainder gives 10).</summary>
    public static string WithCheckDigit(string nineDigits)
    {
        if (nineDigits is not { Length: 9 } || !nineDigits.All(char.IsAsciiDigit))
            throw new ArgumentException("An NHS number starts with nine digits.", nameof(nineDigits));
        return CheckDigit(nineDigits) is { } check
            ? nineDigits + (char)('0' + check)
            : throw new ArgumentException($"No NHS number starts with {nineDigits}: its check digit would be 10.", nameof(nineDigits));
    }

    /// <summary>The check digit, or null when it would be 10 (such numbers are never issued).</summary>
    public static int? TryCheckDigit(string nineDigits) =>
        nineDigits is { Length: 9 } && nineDigits.All(char.IsAsciiDigit) ? CheckDigit(nineDigits) : null;

    private static int? CheckDigit(ReadOnlySpan<char> nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nine[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        return check switch { 11 => 0, 10 => null, _ => check };
    }
}

/// <summary>
/// The DfE unique pupil number: a check letter, then LA code (3), establishment (4), year (2) and serial (3).
/// A temporary UPN ends in a letter instead of the last digit.
/// </summary>
public static class Upn
{
    // No I, O or S: they are too easily read as 1, 0 and 5.
    public const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static bool IsValid(string? value)
    {
        if (value is not { Length: 13 }) return false;
        var last12 = value[1..];
        if (!last12[..11].All(char.IsAsciiDigit)) return false;
        if (!char.IsAsciiDigit(last12[11]) && !Alphabet.Contains(last12[11])) return false;
        return CheckLetter(last12) == value[0];
    }

    /// <summary>The check letter for the 12 characters after it.</summary>
    public static char CheckLetter(string last12)
    {
        if (last12 is not { Length: 12 })
            throw new ArgumentException("A UPN has 12 characters after its check letter.", nameof(last12));
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = last12[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : i == 11 && Alphabet.IndexOf(c) is var p and >= 0 ? p
                : throw new ArgumentException($"'{c}' cannot appear at position {i + 2} of a UPN.", nameof(last12));
            sum += value * (i + 2);
        }
        return Alphabet[sum % 23];
    }
}
