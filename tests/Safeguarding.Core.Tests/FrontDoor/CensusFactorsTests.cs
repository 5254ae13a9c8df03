using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Core.Tests.FrontDoor;

/// <summary>
/// The assessment's factors are the DfE children in need census codes, "factors identified at the end of assessment",
/// in the census's words (docs/front-door.md names the guide).
/// </summary>
public sealed class CensusFactorsTests
{
    [Fact]
    public void Domestic_abuse_is_3A_about_the_child_3B_about_a_parent_or_carer_and_3C_about_another_person_in_the_household()
    {
        Assert.Equal(["3A", "3B", "3C"], CensusFactors.DomesticAbuse.Order());
        Assert.Equal("Domestic abuse: concerns about the child being the subject", CensusFactors.Wording("3A"));
        Assert.Equal("Domestic abuse: concerns about the parent or carer being the subject", CensusFactors.Wording("3B"));
        Assert.Equal("Domestic abuse: concerns about another person living in the household being the subject", CensusFactors.Wording("3C"));
    }

    [Theory]
    [InlineData("5A", "Learning disability: concerns about the child")]
    [InlineData("11A", "Child sexual exploitation")]
    [InlineData("14A", "Socially unacceptable behaviour")]
    [InlineData("18B", "Abuse or neglect: physical abuse by an adult")]
    [InlineData("19C", "Abuse or neglect: sexual abuse by another child or young person")]
    [InlineData("24A", "Child criminal exploitation")]
    public void Each_code_reads_in_the_census_words(string code, string wording) => Assert.Equal(wording, CensusFactors.Wording(code));

    [Fact]
    public void Physical_and_sexual_abuse_are_recorded_by_who_abused_the_child_and_the_codes_no_longer_collected_are_only_read()
    {
        Assert.All(new[] { "18B", "18C", "19B", "19C" }, code => Assert.True(CensusFactors.IsKnown(code)));
        Assert.All(new[] { "18A", "19A" }, code => Assert.False(CensusFactors.IsKnown(code)));
        // An assessment recorded with 18A still reads in words.
        Assert.StartsWith("Abuse or neglect: physical abuse", CensusFactors.Wording("18A"));
    }

    [Fact]
    public void Every_code_is_listed_once_in_the_census_order_of_its_number()
    {
        var codes = CensusFactors.All.Select(f => f.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var numbers = codes.Select(c => int.Parse(new string([.. c.TakeWhile(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(Enumerable.Range(1, 24), numbers.Distinct());
    }
}
