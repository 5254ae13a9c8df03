using Safeguarding.Linkage.Text;

namespace Safeguarding.Linkage.Comparison;

/// <summary>A person record with everything comparisons need worked out once: normal forms, phonetic codes, parts.</summary>
public sealed class PreparedPerson
{
    public required string Id { get; init; }
    internal string Given = "";
    internal string[]? GivenParts;
    internal uint GivenCode1, GivenCode2;
    internal ulong GivenGroups;
    internal bool GivenIsKnownName;
    internal string Family = "";
    internal string[]? FamilyParts;
    internal uint FamilyCode1, FamilyCode2;
    internal int Year, Month, Day;
    internal byte Sex;
    internal string Postcode = "";
    internal int PostcodeOutward; // length of the outward code when the postcode has the UK shape, else 0
    internal string Address = "";
    internal string[] AddressTokens = [];
    internal long Nhs;
    internal string? Upn;

    // log2 of the term frequency of the value, filled in from the data being linked (or the saved model).
    internal float GivenTf, FamilyTf, PostcodeTf;

    internal bool HasDob => Year != 0 || Month != 0 || Day != 0;

    public static PreparedPerson From(PersonRecord r)
    {
        var p = new PreparedPerson { Id = r.Id };
        (p.Given, p.GivenParts) = NameText.Name(r.GivenName);
        if (p.Given.Length > 0)
        {
            (p.GivenCode1, p.GivenCode2) = DoubleMetaphone.EncodePacked(p.Given);
            p.GivenGroups = Nicknames.PackedGroups(p.GivenParts?[0] ?? p.Given);
            if (p.GivenGroups == 0 && p.GivenParts is not null) p.GivenGroups = Nicknames.PackedGroups(p.Given);
            p.GivenIsKnownName = Nicknames.IsKnownName(p.Given);
        }
        (p.Family, p.FamilyParts) = NameText.Name(r.FamilyName);
        if (p.Family.Length > 0) (p.FamilyCode1, p.FamilyCode2) = DoubleMetaphone.EncodePacked(p.Family);
        (p.Year, p.Month, p.Day) = ParseDate(r.DateOfBirth);
        p.Sex = ParseSex(r.Sex);
        p.Postcode = NameText.Compact(r.Postcode);
        p.PostcodeOutward = OutwardLength(p.Postcode);
        p.AddressTokens = NameText.Tokens(r.Address);
        p.Address = string.Join(' ', p.AddressTokens);
        var nhs = NameText.Compact(r.NhsNumber);
        if (NhsNumberCheck.IsValid(nhs)) p.Nhs = long.Parse(nhs, System.Globalization.CultureInfo.InvariantCulture);
        var upn = NameText.Compact(r.Upn);
        if (UpnCheck.IsValid(upn)) p.Upn = upn;
        return p;
    }

    /// <summary>YYYY-MM-DD with 00 for an unknown part, taken as written (month 13 stays 13). Anything else: unknown.</summary>
    internal static (int Year, int Month, int Day) ParseDate(string? value)
    {
        if (value is not { Length: 10 } || value[4] != '-' || value[7] != '-') return (0, 0, 0);
        var span = value.AsSpan();
        return TryDigits(span[..4], out var y) && TryDigits(span[5..7], out var m) && TryDigits(span[8..10], out var d) ? (y, m, d) : (0, 0, 0);
    }

    internal static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    internal static byte ParseSex(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "U" or "UNKNOWN" or "N" or "0" or "9" => 0,
        "M" or "MALE" or "1" => 1,
        "F" or "FEMALE" or "2" => 2,
        _ => 3,
    };

    /// <summary>The outward code's length when the compact postcode has the UK shape (inward code digit, letter, letter).</summary>
    internal static int OutwardLength(string compact)
    {
        if (compact.Length is < 5 or > 7) return 0;
        var n = compact.Length;
        if (!char.IsAsciiDigit(compact[n - 3]) || !char.IsAsciiLetter(compact[n - 2]) || !char.IsAsciiLetter(compact[n - 1])) return 0;
        if (!char.IsAsciiLetter(compact[0])) return 0;
        return n - 3;
    }

    internal int PostcodeAreaLength()
    {
        var i = 0;
        while (i < PostcodeOutward && char.IsAsciiLetter(Postcode[i])) i++;
        return i;
    }
}
