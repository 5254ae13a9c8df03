using Safeguarding.Linkage.Text;

namespace Safeguarding.Linkage.Comparison;

/// <summary>Puts a pair of prepared records on the comparison levels of every field. Allocates nothing.</summary>
public static class Comparer
{
    /// <summary>Writes one level per field into <paramref name="levels"/> (length <see cref="Levels.FieldCount"/>).</summary>
    public static void Compare(PreparedPerson a, PreparedPerson b, Span<byte> levels)
    {
        levels[0] = GivenLevel(a, b);
        levels[1] = FamilyLevel(a, b);
        if (levels[0] >= Levels.Given.Fuzzy88 && levels[1] >= Levels.Family.Fuzzy88 && levels[0] != Levels.Given.Initial && IsSwapped(a, b))
        {
            levels[0] = Levels.Given.Swapped;
            levels[1] = Levels.Family.Swapped;
        }
        else
        {
            // One name moved to the other field (given name recorded as the family name, the other name replaced).
            if (levels[0] >= Levels.Given.TwoEdits && b.Family.Length > 0 && levels[1] != Levels.Family.Exact
                && JaroWinkler.Similarity(a.Given, b.Family) >= 0.92)
                levels[0] = Levels.Given.Swapped;
            else if (levels[1] >= Levels.Family.TwoEdits && b.Given.Length > 0 && levels[0] != Levels.Given.Exact
                && JaroWinkler.Similarity(a.Family, b.Given) >= 0.92)
                levels[1] = Levels.Family.Swapped;
        }
        levels[2] = DobLevel(a, b);
        levels[3] = a.Sex == 0 || b.Sex == 0 ? Levels.Sex.Missing : a.Sex == b.Sex ? Levels.Sex.Exact : Levels.Sex.Else;
        levels[4] = PostcodeLevel(a, b);
        levels[5] = AddressLevel(a, b);
        levels[6] = a.Nhs == 0 || b.Nhs == 0 ? Levels.Identifier.Missing : a.Nhs == b.Nhs ? Levels.Identifier.Exact : Levels.Identifier.Else;
        levels[7] = a.Upn is null || b.Upn is null ? Levels.Identifier.Missing
            : string.Equals(a.Upn, b.Upn, StringComparison.Ordinal) ? Levels.Identifier.Exact : Levels.Identifier.Else;
    }

    /// <summary>The comparison vector packed four bits a field: the key of a pattern in EM.</summary>
    public static uint Pack(ReadOnlySpan<byte> levels)
    {
        uint key = 0;
        for (var f = 0; f < Levels.FieldCount; f++) key |= (uint)levels[f] << (4 * f);
        return key;
    }

    public static byte Unpack(uint key, int field) => (byte)((key >> (4 * field)) & 0xF);

    internal static byte GivenLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Given.Length == 0 || b.Given.Length == 0) return Levels.Given.Missing;
        if (string.Equals(a.Given, b.Given, StringComparison.Ordinal)) return Levels.Given.Exact;
        if (Nicknames.Share(a.GivenGroups, b.GivenGroups) || PartOf(a.Given, a.GivenParts, b.Given, b.GivenParts)) return Levels.Given.Alias;
        var jw = JaroWinkler.Similarity(a.Given, b.Given);
        // Two different names we know (Emma/Ella, Ava/Eva) are not a typo of each other, however alike they look.
        var twoKnownNames = a.GivenIsKnownName && b.GivenIsKnownName;
        if (jw >= 0.92 && !twoKnownNames) return Levels.Given.Fuzzy92;
        if (!twoKnownNames && WithinOneEdit(a.Given, b.Given)) return Levels.Given.OneEdit;
        if (jw >= 0.88) return Levels.Given.Fuzzy88;
        if (SharePhonetic(a.GivenCode1, a.GivenCode2, b.GivenCode1, b.GivenCode2)) return Levels.Given.Phonetic;
        if ((a.Given.Length == 1 || b.Given.Length == 1) && a.Given[0] == b.Given[0]) return Levels.Given.Initial;
        if (!twoKnownNames && a.Given.Length >= 4 && b.Given.Length >= 4 && WithinTwoEdits(a.Given, b.Given)) return Levels.Given.TwoEdits;
        return jw >= 0.80 ? Levels.Given.Fuzzy80 : Levels.Given.Else;
    }

    internal static byte FamilyLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Family.Length == 0 || b.Family.Length == 0) return Levels.Family.Missing;
        if (string.Equals(a.Family, b.Family, StringComparison.Ordinal)) return Levels.Family.Exact;
        if (PartOf(a.Family, a.FamilyParts, b.Family, b.FamilyParts)) return Levels.Family.PartShared;
        var jw = JaroWinkler.Similarity(a.Family, b.Family);
        if (jw >= 0.92) return Levels.Family.Fuzzy92;
        if (WithinOneEdit(a.Family, b.Family)) return Levels.Family.OneEdit;
        if (jw >= 0.88) return Levels.Family.Fuzzy88;
        if (SharePhonetic(a.FamilyCode1, a.FamilyCode2, b.FamilyCode1, b.FamilyCode2)) return Levels.Family.Phonetic;
        if (a.Family.Length >= 4 && b.Family.Length >= 4 && WithinTwoEdits(a.Family, b.Family)) return Levels.Family.TwoEdits;
        return jw >= 0.80 ? Levels.Family.Fuzzy80 : Levels.Family.Else;
    }

    private static bool IsSwapped(PreparedPerson a, PreparedPerson b) =>
        a.Given.Length > 0 && a.Family.Length > 0 && b.Given.Length > 0 && b.Family.Length > 0
        && JaroWinkler.Similarity(a.Given, b.Family) >= 0.92 && JaroWinkler.Similarity(a.Family, b.Given) >= 0.92;

    /// <summary>One name is a part of the other (Smith / Smith-Jones), or both have parts and share one.</summary>
    private static bool PartOf(string a, string[]? aParts, string b, string[]? bParts)
    {
        if (aParts is null && bParts is null) return false;
        if (aParts is not null && Array.IndexOf(aParts, b) >= 0) return true;
        if (bParts is not null && Array.IndexOf(bParts, a) >= 0) return true;
        if (aParts is null || bParts is null) return false;
        foreach (var p in aParts)
            if (p.Length > 1 && Array.IndexOf(bParts, p) >= 0) return true;
        return false;
    }

    private static bool SharePhonetic(uint a1, uint a2, uint b1, uint b2) =>
        a1 != 0 && b1 != 0 && (a1 == b1 || a1 == b2 || (a2 != 0 && (a2 == b1 || a2 == b2)));

    internal static byte DobLevel(PreparedPerson a, PreparedPerson b)
    {
        if (!a.HasDob || !b.HasDob) return Levels.Dob.Missing;
        var allKnown = a.Year != 0 && a.Month != 0 && a.Day != 0 && b.Year != 0 && b.Month != 0 && b.Day != 0;
        int agree = 0, differ = 0;
        if (a.Year != 0 && b.Year != 0) { if (a.Year == b.Year) agree++; else differ++; }
        if (a.Month != 0 && b.Month != 0) { if (a.Month == b.Month) agree++; else differ++; }
        if (a.Day != 0 && b.Day != 0) { if (a.Day == b.Day) agree++; else differ++; }
        if (agree == 3) return Levels.Dob.Exact;
        if (agree + differ == 0) return Levels.Dob.Missing;
        if (differ == 0) return agree == 2 ? Levels.Dob.TwoKnownPartsAgree : Levels.Dob.OneKnownPartAgrees;
        if (allKnown)
        {
            if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day) return Levels.Dob.DayMonthSwapped;
            if (OneDigitEdit(a.Year * 10000 + a.Month * 100 + a.Day, b.Year * 10000 + b.Month * 100 + b.Day)) return Levels.Dob.OneEdit;
            if (a.Year == b.Year && a.Month == b.Month) return Levels.Dob.SameYearMonth;
            if (a.Month == b.Month && a.Day == b.Day && Math.Abs(a.Year - b.Year) == 1) return Levels.Dob.OneYearOut;
            if (YearsFarApart(a, b)) return Levels.Dob.YearsFarApart;
            return agree == 2 ? Levels.Dob.TwoOfThreeAgree : Levels.Dob.Else;
        }
        if (YearsFarApart(a, b)) return Levels.Dob.YearsFarApart;
        return agree >= 1 && differ == 1 ? Levels.Dob.PartialOneDiffers : Levels.Dob.Else;
    }

    /// <summary>
    /// A generation apart (a mother and daughter at one address): a typo does not move a year by ten or more but by one
    /// digit, which the one-edit level has already taken.
    /// </summary>
    private static bool YearsFarApart(PreparedPerson a, PreparedPerson b) =>
        a.Year != 0 && b.Year != 0 && Math.Abs(a.Year - b.Year) >= Levels.Dob.FarApartYears;

    /// <summary>Two 8-digit YYYYMMDD numbers differing in one digit, or by two neighbouring digits swapped.</summary>
    internal static bool OneDigitEdit(int x, int y)
    {
        int first = -1, count = 0, dx1 = 0, dy1 = 0, dx2 = 0, dy2 = 0;
        for (var pos = 0; pos < 8; pos++)
        {
            int dx = x % 10, dy = y % 10;
            x /= 10;
            y /= 10;
            if (dx == dy) continue;
            count++;
            if (count == 1) { first = pos; dx1 = dx; dy1 = dy; }
            else if (count == 2)
            {
                if (pos != first + 1) return false;
                dx2 = dx;
                dy2 = dy;
            }
            else return false;
        }
        return count == 1 || (count == 2 && dx1 == dy2 && dx2 == dy1);
    }

    internal static byte PostcodeLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Postcode.Length == 0 || b.Postcode.Length == 0) return Levels.Postcode.Missing;
        if (string.Equals(a.Postcode, b.Postcode, StringComparison.Ordinal)) return Levels.Postcode.Exact;
        if (WithinOneEdit(a.Postcode, b.Postcode)) return Levels.Postcode.OneEdit;
        if (a.PostcodeOutward == 0 || b.PostcodeOutward == 0) return Levels.Postcode.Else;
        var outward = a.PostcodeOutward == b.PostcodeOutward && a.Postcode.AsSpan(0, a.PostcodeOutward).SequenceEqual(b.Postcode.AsSpan(0, b.PostcodeOutward));
        if (outward) return a.Postcode[a.PostcodeOutward] == b.Postcode[b.PostcodeOutward] ? Levels.Postcode.Sector : Levels.Postcode.District;
        var areaA = a.PostcodeAreaLength();
        return areaA == b.PostcodeAreaLength() && a.Postcode.AsSpan(0, areaA).SequenceEqual(b.Postcode.AsSpan(0, areaA))
            ? Levels.Postcode.Area : Levels.Postcode.Else;
    }

    /// <summary>Damerau-Levenshtein distance at most 1 (one substitution, insertion, deletion or neighbour swap).</summary>
    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return true;
        if (a.Length == b.Length)
        {
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..])) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }
        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without moves) at most 2, with early exit.</summary>
    internal static bool WithinTwoEdits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const int max = 2;
        if (Math.Abs(a.Length - b.Length) > max) return false;
        if (a.Length > 62 || b.Length > 62) return false;
        var width = b.Length + 1;
        Span<int> prev2 = stackalloc int[width];
        Span<int> prev = stackalloc int[width];
        Span<int> row = stackalloc int[width];
        for (var j = 0; j < width; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            var best = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                row[j] = v;
                if (v < best) best = v;
            }
            if (best > max) return false;
            var t = prev2;
            prev2 = prev;
            prev = row;
            row = t;
        }
        return prev[b.Length] <= max;
    }

    internal static byte AddressLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.AddressTokens.Length == 0 || b.AddressTokens.Length == 0) return Levels.Address.Missing;
        if (string.Equals(a.Address, b.Address, StringComparison.Ordinal)) return Levels.Address.Exact;
        var sim = TokenSimilarity(a.AddressTokens, b.AddressTokens);
        return sim >= 0.8 ? Levels.Address.High : sim >= 0.5 ? Levels.Address.Medium : sim > 0 ? Levels.Address.Low : Levels.Address.Else;
    }

    /// <summary>
    /// Dice similarity of two token lists where a token matches an unused token of the other list that is equal or,
    /// for words of four letters or more, within Jaro-Winkler 0.9 (a house number must be equal).
    /// </summary>
    internal static double TokenSimilarity(string[] a, string[] b)
    {
        if (b.Length > 64) return 0;
        ulong used = 0;
        var matched = 0;
        var unmatchedA = 0;
        // Equal tokens first: cheap, and usually decisive.
        Span<bool> aMatched = stackalloc bool[Math.Min(a.Length, 64)];
        for (var i = 0; i < a.Length && i < 64; i++)
        {
            for (var j = 0; j < b.Length; j++)
                if ((used & (1UL << j)) == 0 && string.Equals(a[i], b[j], StringComparison.Ordinal))
                {
                    used |= 1UL << j;
                    aMatched[i] = true;
                    matched++;
                    break;
                }
            if (!aMatched[i]) unmatchedA++;
        }
        var total = a.Length + b.Length;
        var exact = 2.0 * matched / total;
        // At best every unmatched token finds a partner, a word run together from two of the other side's included.
        var best = (2.0 * matched + unmatchedA + b.Length - matched) / total;
        if (Band(exact) == Band(best)) return exact;
        // Then near-equal words of four letters or more (typos in street names); house numbers must be equal.
        for (var i = 0; i < a.Length && i < 64; i++)
        {
            var t = a[i];
            if (aMatched[i] || t.Length < 4 || char.IsAsciiDigit(t[0])) continue;
            for (var j = 0; j < b.Length; j++)
            {
                var u = b[j];
                if ((used & (1UL << j)) != 0 || u.Length < 4 || Math.Abs(u.Length - t.Length) > 2 || (t[0] != u[0] && t[1] != u[1])) continue;
                if (JaroWinkler.Similarity(t, u) < 0.9) continue;
                used |= 1UL << j;
                aMatched[i] = true;
                matched++;
                break;
            }
        }
        // Then two words run together on one side ("walkercrescent" for "walker crescent"): each of the three counts.
        var joined = 0;
        for (var i = 0; i < a.Length && i < 64; i++)
        {
            if (aMatched[i] || a[i].Length < 6 || char.IsAsciiDigit(a[i][0])) continue;
            for (var j = 0; j + 1 < b.Length; j++)
                if ((used & (3UL << j)) == 0 && RunTogether(a[i], b[j], b[j + 1]))
                {
                    used |= 3UL << j;
                    aMatched[i] = true;
                    joined += 3;
                    break;
                }
        }
        for (var j = 0; j < b.Length; j++)
        {
            if ((used & (1UL << j)) != 0 || b[j].Length < 6 || char.IsAsciiDigit(b[j][0])) continue;
            for (var i = 0; i + 1 < a.Length && i + 1 < 64; i++)
                if (!aMatched[i] && !aMatched[i + 1] && RunTogether(b[j], a[i], a[i + 1]))
                {
                    used |= 1UL << j;
                    aMatched[i] = aMatched[i + 1] = true;
                    joined += 3;
                    break;
                }
        }
        return (2.0 * matched + joined) / total;
    }

    /// <summary>One word within Jaro-Winkler 0.9 of two neighbouring words of the other address written together.</summary>
    private static bool RunTogether(string word, string first, string second)
    {
        var length = first.Length + second.Length;
        if (first.Length < 2 || second.Length < 2 || length > 64 || Math.Abs(length - word.Length) > 2 || word[0] != first[0]
            || char.IsAsciiDigit(first[0]) || char.IsAsciiDigit(second[0])) return false;
        Span<char> together = stackalloc char[length];
        first.AsSpan().CopyTo(together);
        second.AsSpan().CopyTo(together[first.Length..]);
        return JaroWinkler.Similarity(word, together) >= 0.9;
    }

    private static int Band(double similarity) => similarity >= 0.8 ? 3 : similarity >= 0.5 ? 2 : similarity > 0 ? 1 : 0;
}
