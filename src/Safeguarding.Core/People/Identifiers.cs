using Safeguarding.Linkage;

namespace Safeguarding.Core.People;

/// <summary>The NHS number: 10 digits, the last a modulus 11 check digit over the first nine.</summary>
public static class NhsNumber
{
    public static bool IsValid(string? value) =>
        value is not null && NhsNumberCheck.IsValid(value);

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

    private static int? CheckDigit(ReadOnlySpan<char> nine) => NhsNumberCheck.CheckDigit(nine);
}

/// <summary>
/// The DfE unique pupil number: a check letter, then LA code (3), establishment (4), year (2) and serial (3).
/// A temporary UPN ends in a letter instead of the last digit.
/// </summary>
public static class Upn
{
    // No I, O or S: they are too easily read as 1, 0 and 5.
    public const string Alphabet = UpnCheck.Alphabet;

    public static bool IsValid(string? value) => value is not null && UpnCheck.IsValid(value);

    /// <summary>The check letter for the 12 characters after it.</summary>
    public static char CheckLetter(string last12)
    {
        if (last12 is not { Length: 12 })
            throw new ArgumentException("A UPN has 12 characters after its check letter.", nameof(last12));
        if (UpnCheck.CheckLetter(last12) is { } letter) return letter;
        var bad = Enumerable.Range(0, 12).First(i => !char.IsAsciiDigit(last12[i]) && !(i == 11 && Alphabet.Contains(last12[i])));
        throw new ArgumentException($"'{last12[bad]}' cannot appear at position {bad + 2} of a UPN.", nameof(last12));
    }
}
