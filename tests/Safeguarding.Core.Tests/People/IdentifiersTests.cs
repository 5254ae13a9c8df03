using Safeguarding.Core.People;

namespace Safeguarding.Core.Tests.People;

public sealed class IdentifiersTests
{
    // Check digits below were worked by hand: weights 10..2, 11 - (sum mod 11).
    [Theory]
    [InlineData("9434765870")] // the NHS's own published example (sum 308, remainder 0 -> 0)
    [InlineData("9990000026")] // test range: 9*10 + 9*9 + 9*8 + 2*2 = 247, 247 mod 11 = 5 -> 6
    [InlineData("4010232137")] // sum 92, remainder 4 -> 7
    public void A_number_with_the_right_check_digit_is_a_valid_nhs_number(string value) =>
        Assert.True(NhsNumber.IsValid(value));

    [Theory]
    [InlineData("9434765871")] // wrong check digit
    [InlineData("943476587")] // nine digits
    [InlineData("94347658700")] // eleven digits
    [InlineData("943476587X")]
    [InlineData("943 476 5870")] // spaces are for people, not for storage
    [InlineData("")]
    [InlineData(null)]
    [InlineData("9990000010")] // 999000001: sum 245, remainder 3, check 8 - not 0
    public void Anything_else_is_not_a_valid_nhs_number(string? value) =>
        Assert.False(NhsNumber.IsValid(value));

    [Fact]
    public void The_check_digit_is_appended_to_nine_digits() =>
        Assert.Equal("9434765870", NhsNumber.WithCheckDigit("943476587"));

    [Fact]
    public void Nine_digits_whose_check_would_be_ten_have_no_nhs_number()
    {
        // 999000000: sum 243, remainder 1, 11 - 1 = 10.
        Assert.Throws<ArgumentException>(() => NhsNumber.WithCheckDigit("999000000"));
        Assert.Null(NhsNumber.TryCheckDigit("999000000"));
    }

    [Theory]
    [InlineData("B801200005001")] // DfE's example: 93 mod 23 = 1 -> B
    [InlineData("M801200005000")] // 80 mod 23 = 11 -> M
    public void Known_upns_are_valid(string value) => Assert.True(Upn.IsValid(value));

    [Theory]
    [InlineData("C801200005001")] // wrong check letter
    [InlineData("B80120000500")] // twelve characters
    [InlineData("I801200005001")] // I is not in the alphabet
    [InlineData("B8012000050A1")] // a letter before the last position
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_valid_upn(string? value) => Assert.False(Upn.IsValid(value));

    [Fact]
    public void A_temporary_upn_ends_in_a_letter_valued_by_its_place_in_the_alphabet()
    {
        // 801200005 00 then 'B' (=1) last: 16+4+10+50 + 1*13 = 93 -> B, the same as a final digit 1.
        Assert.True(Upn.IsValid("B80120000500B"));
        // 'Z' is 22: 80 + 22*13 = 366, 366 mod 23 = 21 -> Y.
        Assert.True(Upn.IsValid("Y80120000500Z"));
        Assert.False(Upn.IsValid("B80120000500Z"));
    }
}
