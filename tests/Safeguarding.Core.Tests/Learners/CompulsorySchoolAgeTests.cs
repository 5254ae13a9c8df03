using NodaTime;
using Safeguarding.Core.Learners.Signposting;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>Compulsory school age on a day: from the prescribed day (31 March, 31 August, 31 December) on or after the fifth birthday to the last Friday of June of the school year in which the child turns 16.</summary>
public sealed class CompulsorySchoolAgeTests
{
    [Theory]
    [InlineData("2020-01-10", "2025-03-31")]
    [InlineData("2020-03-31", "2025-03-31")]
    [InlineData("2020-04-15", "2025-08-31")]
    [InlineData("2020-10-01", "2025-12-31")]
    public void It_starts_on_the_first_prescribed_day_on_or_after_the_fifth_birthday(string born, string starts) =>
        Assert.Equal(Date(starts), CompulsorySchoolAge.Starts(Date(born)));

    [Theory]
    [InlineData("2010-05-10", "2026-06-26")]
    [InlineData("2010-08-31", "2026-06-26")]
    [InlineData("2010-09-01", "2027-06-25")]
    public void It_ends_on_the_last_Friday_of_June_of_the_school_year_in_which_the_child_turns_16(string born, string ends) =>
        Assert.Equal(Date(ends), CompulsorySchoolAge.Ends(Date(born)));

    [Fact]
    public void A_day_is_in_or_out_at_both_ends()
    {
        var born = Date("2010-05-10");
        Assert.False(CompulsorySchoolAge.On(born, Date("2015-08-30")));
        Assert.True(CompulsorySchoolAge.On(born, Date("2015-08-31")));
        Assert.True(CompulsorySchoolAge.On(born, Date("2026-06-26")));
        Assert.False(CompulsorySchoolAge.On(born, Date("2026-06-27")));
    }

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
