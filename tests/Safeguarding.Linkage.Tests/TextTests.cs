using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Safeguarding.Linkage.Text;

namespace Safeguarding.Linkage.Tests;

public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("SMITH", "SMITH", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    public void Gives_the_standard_scores(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    // Checked against SimMetrics.Net 1.0.5 while writing this (ADR-007): it agrees on MARTHA/MARHTA and DWAYNE/DUANE, but
    // adds the prefix bonus below 0.7 and widens the match window beyond max(length)/2 - 1 (INS/NAN, AE/EA, MNHEI/SATRH score 0
    // here, not there), so it is not the reference for a property test.
    [Theory]
    [InlineData("INS", "NAN", 0.0)]
    [InlineData("AE", "EA", 0.0)]
    [InlineData("ST", "SHNREA", 0.5556)]
    public void Uses_the_standard_window_and_boost_threshold(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Property(MaxTest = 300)]
    public Property Is_symmetric() =>
        Prop.ForAll(Names().ToArbitrary(), Names().ToArbitrary(), (a, b) => JaroWinkler.Similarity(a, b) == JaroWinkler.Similarity(b, a));

    internal static Gen<string> Names() =>
        Gen.Elements('A', 'B', 'E', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'T').ArrayOf().Where(c => c.Length is > 0 and < 12).Select(c => new string(c));
}

public sealed class DoubleMetaphoneTests
{
    [Theory]
    [InlineData("SMITH", "SM0", "XMT")]
    [InlineData("SCHMIDT", "XMT", "SMT")]
    [InlineData("KATHERINE", "K0RN", "KTRN")]
    [InlineData("THUMBAIL", "0MPL", "TMPL")]
    [InlineData("RICHARD", "RXRT", "RKRT")]
    [InlineData("GEOFF", "JF", "KF")]
    [InlineData("THROUGH", "0R", "TR")]
    [InlineData("SCHWEIN", "XN", "XFN")]
    [InlineData("STEVEN", "STFN", "STFN")]
    [InlineData("JOHNSON", "JNSN", "ANSN")]
    [InlineData("WILLIAMS", "ALMS", "FLMS")]
    [InlineData("BROWN", "PRN", "PRN")]
    [InlineData("KNIGHT", "NT", "NT")]
    [InlineData("JOSE", "HS", "HS")]
    [InlineData("CATHERINE", "K0RN", "KTRN")]
    [InlineData("XAVIER", "SF", "SFR")]
    [InlineData("PHILIP", "FLP", "FLP")]
    [InlineData("WRIGHT", "RT", "RT")]
    [InlineData("CAESAR", "SSR", "SSR")]
    public void Gives_the_published_codes(string word, string primary, string alternate) =>
        Assert.Equal((primary, alternate), DoubleMetaphone.Encode(word));

    [Theory]
    [InlineData("SMITH", "SMYTH")]
    [InlineData("CATHERINE", "KATHRYN")]
    [InlineData("MUHAMMAD", "MOHAMMED")]
    [InlineData("STEPHEN", "STEVEN")]
    public void Names_that_sound_alike_share_a_code(string a, string b)
    {
        var (pa, aa) = DoubleMetaphone.Encode(a);
        var (pb, ab) = DoubleMetaphone.Encode(b);
        Assert.True(pa == pb || pa == ab || aa == pb || aa == ab, $"{a}: {pa}/{aa}, {b}: {pb}/{ab}");
    }
}

public sealed class NicknameTests
{
    [Theory]
    [InlineData("Alex", "Sasha")]
    [InlineData("Alexander", "Sasha")]
    [InlineData("Alexandra", "Alex")]
    [InlineData("Elizabeth", "Liz")]
    [InlineData("Beth", "Libby")]
    [InlineData("Liz", "Beth")]
    [InlineData("William", "Bill")]
    [InlineData("Bill", "Liam")]
    [InlineData("Muhammad", "Mohammed")]
    [InlineData("Mohamed", "Muhammed")]
    [InlineData("Aisha", "Ayesha")]
    [InlineData("Margaret", "Peggy")]
    public void Are_aliases(string a, string b) => Assert.True(Nicknames.AreAliases(a, b));

    [Theory]
    [InlineData("Emma", "Ella")]
    [InlineData("John", "Jane")]
    [InlineData("Sasha", "Bill")]
    public void Are_not_aliases(string a, string b) => Assert.False(Nicknames.AreAliases(a, b));
}

public sealed class NameTextTests
{
    [Theory]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("  zoë ", "ZOE")]
    [InlineData("Smith-Jones", "SMITHJONES")]
    [InlineData("Łukasz", "LUKASZ")]
    public void Names_become_upper_case_ascii_letters(string raw, string expected) => Assert.Equal(expected, NameText.Name(raw).Joined);

    [Fact]
    public void A_hyphenated_name_keeps_its_parts() => Assert.Equal(["SMITH", "JONES"], NameText.Name("Smith-Jones").Parts!);
}
