using Safeguarding.Core.Platform;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>A phone number the Front Door is shown is a UK number it can dial, however it was typed.</summary>
public sealed class UkPhoneNumbersTests
{
    [Theory]
    [InlineData("0113 222 3333", "01132223333")]
    [InlineData("01632 960 001", "01632960001")]
    [InlineData("07700 900982", "07700900982")]
    [InlineData("+44 808 157 0192", "08081570192")]
    [InlineData("+44 (0)113 222 3333", "01132223333")]
    [InlineData("0044 113 222 3333", "01132223333")]
    [InlineData("(0113) 222-3333", "01132223333")]
    [InlineData("0800 123 456", "0800123456")]
    public void A_uk_number_is_accepted_in_the_ways_people_write_it(string typed, string dialled) =>
        Assert.Equal(dialled, UkPhoneNumbers.Dial(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("phone the office")]
    [InlineData("0113 222 333")]
    [InlineData("0113 222 33333")]
    [InlineData("113 222 3333")]
    [InlineData("+1 212 555 0100")]
    [InlineData("0413 222 3333")]
    [InlineData("0113 222 3333 ext 12")]
    [InlineData("0113+222+3333")]
    public void Anything_else_is_refused(string typed) => Assert.Null(UkPhoneNumbers.Dial(typed));

    [Fact]
    public void A_number_is_kept_as_typed_with_its_spacing_tidied() =>
        Assert.Equal("0113 222 3333", UkPhoneNumbers.Tidy("  0113   222 3333 "));
}
