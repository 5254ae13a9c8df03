using Safeguarding.Linkage.Comparison;
using static Safeguarding.Linkage.Tests.People;

namespace Safeguarding.Linkage.Tests;

public sealed class ComparisonLevelTests
{
    [Theory]
    [InlineData("Amelia", "AMELIA", Levels.Given.Exact)]
    [InlineData("Elizabeth", "Libby", Levels.Given.Alias)]
    [InlineData("Muhammad", "Mohammed", Levels.Given.Alias)]
    [InlineData("Mary Jane", "Mary", Levels.Given.Alias)]
    [InlineData("Jonathon", "Jonathan", Levels.Given.Fuzzy92)]
    [InlineData("Lucy", "Lvcy", Levels.Given.OneEdit)]
    [InlineData("Lauren", "Iauren", Levels.Given.OneEdit)]
    [InlineData("T", "Thomas", Levels.Given.Initial)]
    [InlineData("Emma", "Ella", Levels.Given.Else)] // two known names: not a typo of each other
    [InlineData("Oliver", "Zainab", Levels.Given.Else)]
    [InlineData(null, "Zainab", Levels.Given.Missing)]
    public void Given_names(string? a, string b, byte expected) =>
        Assert.Equal(expected, Level(P("a", given: a), P("b", given: b), LinkageField.GivenName));

    [Theory]
    [InlineData("Smith", "smith", Levels.Family.Exact)]
    [InlineData("Smith-Jones", "Jones", Levels.Family.PartShared)]
    [InlineData("Smith Jones", "Jones-Smith", Levels.Family.PartShared)]
    [InlineData("Wilkinson", "Wilkinsen", Levels.Family.Fuzzy92)]
    [InlineData("Kelly", "Keccy", Levels.Family.TwoEdits)]
    [InlineData("Smith", "Schmidt", Levels.Family.Phonetic)]
    [InlineData("Patel", "Okafor", Levels.Family.Else)]
    public void Family_names(string a, string b, byte expected) =>
        Assert.Equal(expected, Level(P("a", family: a), P("b", family: b), LinkageField.FamilyName));

    [Fact]
    public void Forename_and_surname_swapped_are_recognised()
    {
        var levels = LevelsOf(P("a", "Ahmed", "Khan"), P("b", "Khan", "Ahmed"));
        Assert.Equal(Levels.Given.Swapped, levels[(int)LinkageField.GivenName]);
        Assert.Equal(Levels.Family.Swapped, levels[(int)LinkageField.FamilyName]);
    }

    [Theory]
    [InlineData("2011-03-17", "2011-03-17", Levels.Dob.Exact)]
    [InlineData("2011-03-17", "2011-17-03", Levels.Dob.DayMonthSwapped)] // month 17 is not a date, but is compared as written
    [InlineData("2011-03-07", "2011-07-03", Levels.Dob.DayMonthSwapped)]
    [InlineData("2011-03-17", "2011-03-18", Levels.Dob.OneEdit)]
    [InlineData("2011-03-17", "2011-03-25", Levels.Dob.SameYearMonth)]
    [InlineData("2010-03-17", "2009-03-17", Levels.Dob.OneYearOut)]
    [InlineData("2011-13-01", "2011-13-01", Levels.Dob.Exact)]
    [InlineData("2011-13-01", "2011-01-13", Levels.Dob.DayMonthSwapped)]
    [InlineData("0000-03-17", "2011-03-17", Levels.Dob.TwoKnownPartsAgree)]
    [InlineData("2011-00-00", "2011-03-17", Levels.Dob.OneKnownPartAgrees)]
    [InlineData("0000-03-17", "2011-04-17", Levels.Dob.PartialOneDiffers)]
    [InlineData("2011-03-17", "2006-11-02", Levels.Dob.Else)]
    // A generation apart is its own level (a mother and daughter at one home), whatever the month and day do ...
    [InlineData("2011-03-17", "1987-11-02", Levels.Dob.YearsFarApart)]
    [InlineData("2011-03-17", "1985-03-17", Levels.Dob.YearsFarApart)]
    [InlineData("2011-00-00", "1985-03-17", Levels.Dob.YearsFarApart)]
    // ... but one typed digit of the year is a typo, even ten years out.
    [InlineData("2011-03-17", "2001-03-17", Levels.Dob.OneEdit)]
    [InlineData("0000-00-00", "2011-03-17", Levels.Dob.Missing)]
    public void Dates_of_birth(string a, string b, byte expected)
        => Assert.Equal(expected, Level(P("a", dob: a), P("b", dob: b), LinkageField.DateOfBirth));

    [Theory]
    [InlineData("LS1 4AB", "ls14ab", Levels.Postcode.Exact)]
    [InlineData("LS1 4AB", "LS1 4AG", Levels.Postcode.OneEdit)]
    [InlineData("LS1 4AB", "LS1 4XY", Levels.Postcode.Sector)]
    [InlineData("LS1 4AB", "LS1 7XY", Levels.Postcode.District)]
    [InlineData("LS1 4AB", "LS27 7XY", Levels.Postcode.Area)]
    [InlineData("LS1 4AB", "M1 7XY", Levels.Postcode.Else)]
    public void Postcodes(string a, string b, byte expected) =>
        Assert.Equal(expected, Level(P("a", postcode: a), P("b", postcode: b), LinkageField.Postcode));

    [Theory]
    [InlineData("12 High Street", "12 high street", Levels.Address.Exact)]
    [InlineData("12 High Street Leeds", "12 High Streat Leeds", Levels.Address.High)]
    [InlineData("12 High Street", "12 Church Street", Levels.Address.Medium)]
    [InlineData("12 High Street", "40 Mill Lane", Levels.Address.Else)]
    public void Addresses(string a, string b, byte expected) =>
        Assert.Equal(expected, Level(P("a", address: a), P("b", address: b), LinkageField.Address));

    [Theory]
    [InlineData("9434765870", "943 476 5870", Levels.Identifier.Exact)]
    [InlineData("9434765870", "9434765919", Levels.Identifier.Else)]
    [InlineData("9434765870", "9434765871", Levels.Identifier.Missing)] // fails modulus 11: treated as missing
    [InlineData("9434765870", null, Levels.Identifier.Missing)]
    public void Nhs_numbers_count_only_when_valid(string a, string? b, byte expected) =>
        Assert.Equal(expected, Level(P("a", nhs: a), P("b", nhs: b), LinkageField.NhsNumber));

    [Theory]
    [InlineData("B801200005001", "B801200005001", Levels.Identifier.Exact)]
    [InlineData("B801200005001", "A801200005001", Levels.Identifier.Missing)] // wrong check letter
    [InlineData("B801200005001", "B80120000500B", Levels.Identifier.Else)] // a valid temporary UPN
    public void Upns_count_only_when_valid(string a, string b, byte expected) =>
        Assert.Equal(expected, Level(P("a", upn: a), P("b", upn: b), LinkageField.Upn));

    [Theory]
    [InlineData("9434765870", true)]
    [InlineData("9434765871", false)]
    [InlineData("999000000X", false)]
    public void Nhs_number_modulus_11(string value, bool valid) => Assert.Equal(valid, NhsNumberCheck.IsValid(value));

    [Theory]
    [InlineData("B801200005001", true)]
    [InlineData("B80120000500B", true)]
    [InlineData("A801200005001", false)]
    [InlineData("B8012000050O1", false)]
    public void Upn_check_letter(string value, bool valid) => Assert.Equal(valid, UpnCheck.IsValid(value));
}
