using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Blocking;

/// <summary>
/// A blocking rule: records with the same non-zero key are compared. The prediction blocks on the union of several
/// rules; a pair found by an earlier rule is not compared again by a later one.
/// </summary>
public sealed record BlockingRule(string Name, Func<PreparedPerson, ulong> Key, LinkageField[] Fields)
{
    public static readonly BlockingRule NhsNumber = new("nhs_number", p => p.Nhs == 0 ? 0 : Hash.Mix((ulong)p.Nhs, 1), [LinkageField.NhsNumber]);
    public static readonly BlockingRule Upn = new("upn", p => p.Upn is null ? 0 : Hash.Of(p.Upn, 2), [LinkageField.Upn]);

    /// <summary>Both names' primary phonetic codes, in either order (so that swapped names meet too), and the birth year.</summary>
    public static readonly BlockingRule NamesSoundAlike = new("names sound alike and birth year", p =>
        p.GivenCode1 == 0 || p.FamilyCode1 == 0 || p.Year == 0 ? 0
            : Hash.Mix(Hash.Mix(Math.Min(p.GivenCode1, p.FamilyCode1), Math.Max(p.GivenCode1, p.FamilyCode1), 3), (ulong)p.Year, 3),
        [LinkageField.GivenName, LinkageField.FamilyName]);

    /// <summary>Both names sound alike, birth year unknown or wrong: the postcode district keeps the block small.</summary>
    public static readonly BlockingRule NamesSoundAlikeAndDistrict = new("names sound alike and postcode district", p =>
        p.GivenCode1 == 0 || p.FamilyCode1 == 0 || p.PostcodeOutward == 0 ? 0
            : Hash.Mix(Hash.Mix(Math.Min(p.GivenCode1, p.FamilyCode1), Math.Max(p.GivenCode1, p.FamilyCode1), 18), Hash.Of(p.Postcode.AsSpan(0, p.PostcodeOutward), 18), 18),
        []);

    /// <summary>
    /// Both names sound alike and the postcode area (the UK area letters, or the first two characters of a postcode of
    /// another shape): for a birth date missing and a postcode mistyped within the area.
    /// </summary>
    public static readonly BlockingRule NamesSoundAlikeAndArea = new("names sound alike and postcode area", p =>
    {
        if (p.GivenCode1 == 0 || p.FamilyCode1 == 0) return 0;
        var area = PostcodeArea(p);
        return area == 0 ? 0
            : Hash.Mix(Hash.Mix(Math.Min(p.GivenCode1, p.FamilyCode1), Math.Max(p.GivenCode1, p.FamilyCode1), 21), Hash.Of(p.Postcode.AsSpan(0, area), 21), 21);
    }, []);

    /// <summary>The given name's sound, the family name's first letter and the postcode area: for a mistyped family name.</summary>
    public static readonly BlockingRule GivenSoundFamilyInitialAndArea = new("given name sound, family initial and postcode area", p =>
    {
        if (p.GivenCode1 == 0 || p.Family.Length == 0) return 0;
        var area = PostcodeArea(p);
        return area == 0 ? 0 : Hash.Mix(Hash.Mix(p.GivenCode1, p.Family[0], 22), Hash.Of(p.Postcode.AsSpan(0, area), 22), 22);
    }, []);

    /// <summary>The family name's sound, the house number and the postcode area: for a given name and birth date both changed.</summary>
    public static readonly BlockingRule FamilySoundHouseAndArea = new("family name sound, house number and postcode area", p =>
    {
        var tokens = p.AddressTokens;
        if (p.FamilyCode1 == 0 || tokens.Length < 2 || !char.IsAsciiDigit(tokens[0][0])) return 0;
        var area = PostcodeArea(p);
        return area == 0 ? 0 : Hash.Mix(Hash.Mix(p.FamilyCode1, Hash.Of(tokens[0], 23), 23), Hash.Of(p.Postcode.AsSpan(0, area), 23), 23);
    }, []);

    /// <summary>The family name's first letter, the birth year and the postcode area: for a mistyped family name and birth month or day.</summary>
    public static readonly BlockingRule FamilyInitialYearAndArea = new("family initial, birth year and postcode area", p =>
    {
        if (p.Family.Length == 0 || p.Year == 0) return 0;
        var area = PostcodeArea(p);
        return area == 0 ? 0 : Hash.Mix(Hash.Mix(p.Family[0], (ulong)p.Year, 24), Hash.Of(p.Postcode.AsSpan(0, area), 24), 24);
    }, []);

    /// <summary>The UK area letters, or the first two characters of a postcode of another shape (0: no postcode).</summary>
    private static int PostcodeArea(PreparedPerson p) => p.PostcodeOutward > 0 ? p.PostcodeAreaLength() : p.Postcode.Length >= 4 ? 2 : 0;

    public static readonly BlockingRule DateOfBirth = new("date of birth", p =>
        p.Year == 0 || p.Month == 0 || p.Day == 0 ? 0 : Hash.Mix((ulong)(p.Year * 10000 + p.Month * 100 + p.Day), 4), [LinkageField.DateOfBirth]);

    /// <summary>Full birth date and the given name's phonetic code: robust to family-name changes, small at a million.</summary>
    public static readonly BlockingRule DateOfBirthAndGivenSound = new("date of birth and given name sound", p =>
        p.Year == 0 || p.Month == 0 || p.Day == 0 || p.GivenCode1 == 0 ? 0 : Hash.Mix((ulong)(p.Year * 10000 + p.Month * 100 + p.Day), p.GivenCode1, 19), []);

    /// <summary>Full birth date and the family name's first letter.</summary>
    public static readonly BlockingRule DateOfBirthAndFamilyInitial = new("date of birth and family initial", p =>
        p.Year == 0 || p.Month == 0 || p.Day == 0 || p.Family.Length == 0 ? 0 : Hash.Mix((ulong)(p.Year * 10000 + p.Month * 100 + p.Day), p.Family[0], 20), []);

    public static readonly BlockingRule Postcode = new("postcode", p => p.Postcode.Length == 0 ? 0 : Hash.Of(p.Postcode, 5), [LinkageField.Postcode]);

    public static readonly BlockingRule FamilyNameAndBirthYear = new("family name, birth year and month", p =>
        p.Family.Length == 0 || p.Year == 0 || p.Month == 0 ? 0 : Hash.Mix(Hash.Of(p.Family, 6), (ulong)(p.Year * 100 + p.Month), 6), [LinkageField.FamilyName]);

    public static readonly BlockingRule GivenNameAndBirthMonth = new("given name, birth year and month, family initial", p =>
        p.Given.Length == 0 || p.Year == 0 || p.Month == 0 || p.Family.Length == 0 ? 0
            : Hash.Mix(Hash.Of(p.Given, 7), (ulong)(p.Year * 100 + p.Month) * 256 + p.Family[0], 7), [LinkageField.GivenName]);

    public static readonly BlockingRule FamilySoundAndBirthDay = new("family name sound, birth month and day", p =>
        p.FamilyCode1 == 0 || p.Month == 0 || p.Day == 0 ? 0 : Hash.Mix(p.FamilyCode1, (ulong)(p.Month * 100 + p.Day), 8), []);

    public static readonly BlockingRule GivenSoundAndPostcodeSector = new("given name sound and postcode sector", p =>
        p.GivenCode1 == 0 || p.PostcodeOutward == 0 ? 0 : Hash.Mix(p.GivenCode1, Hash.Of(p.Postcode.AsSpan(0, p.PostcodeOutward + 1), 9), 9), []);

    /// <summary>House number and the first four letters of the street: finds people whose names and birth dates all changed.</summary>
    public static readonly BlockingRule HouseAndStreet = new("house number and street", p => AddressKey(p), [LinkageField.Address]);

    private static ulong AddressKey(PreparedPerson p)
    {
        var tokens = p.AddressTokens;
        if (tokens.Length < 2 || !char.IsAsciiDigit(tokens[0][0])) return 0;
        var street = tokens[1].AsSpan(0, Math.Min(4, tokens[1].Length));
        return Hash.Mix(Hash.Of(tokens[0], 15), Hash.Of(street, 16), 17);
    }

    /// <summary>The union used to find candidate pairs.</summary>
    public static IReadOnlyList<BlockingRule> Default { get; } =
    [
        NhsNumber, Upn, NamesSoundAlike, NamesSoundAlikeAndDistrict, NamesSoundAlikeAndArea, GivenSoundFamilyInitialAndArea,
        DateOfBirth, DateOfBirthAndGivenSound, DateOfBirthAndFamilyInitial, Postcode,
        FamilyNameAndBirthYear, GivenNameAndBirthMonth, FamilySoundAndBirthDay, GivenSoundAndPostcodeSector, HouseAndStreet,
        FamilySoundHouseAndArea, FamilyInitialYearAndArea,
    ];

    /// <summary>The passes of expectation-maximisation: each leaves the fields it blocks on out of the estimate.</summary>
    public static IReadOnlyList<BlockingRule> TrainingPasses { get; } =
    [
        DateOfBirth,
        // Both names, not the postcode: pairs sharing a home are mostly brothers and sisters, whom a postcode pass
        // learns as matches (a different birth date and given name then look like a typo). Namesakes are strangers.
        new("given and family name", p => p.Given.Length == 0 || p.Family.Length == 0 ? 0 : Hash.Mix(Hash.Of(p.Given, 25), Hash.Of(p.Family, 26), 25),
            [LinkageField.GivenName, LinkageField.FamilyName]),
        new("family name and given initial", p => p.Family.Length == 0 || p.Given.Length == 0 ? 0 : Hash.Mix(Hash.Of(p.Family, 10), p.Given[0], 10),
            [LinkageField.FamilyName, LinkageField.GivenName]),
    ];
}

/// <summary>64-bit FNV-1a style hashing for blocking keys: never 0 for a present value.</summary>
internal static class Hash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> s, ulong salt)
    {
        var h = Offset ^ (salt * 0x9E3779B97F4A7C15UL);
        foreach (var c in s)
        {
            h ^= c;
            h *= Prime;
        }
        return h == 0 ? 1 : h;
    }

    public static ulong Mix(ulong a, ulong salt) => Mix(a, 0x5851F42D4C957F2DUL, salt);

    public static ulong Mix(ulong a, ulong b, ulong salt)
    {
        var h = (a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL + (salt << 17));
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return h == 0 ? 1 : h;
    }
}
