using NodaTime;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>Working days for the partnership's statutory clocks (C(E)TRs, Front Door decisions, assessments, practice reviews): Monday to Friday, bank holidays in England and Wales not counted.</summary>
public static class WorkingDays
{
    /// <summary>The day that many working days after <paramref name="from"/> (the day itself not counted).</summary>
    public static LocalDate Add(LocalDate from, int workingDays)
    {
        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.PlusDays(1);
            if (BankHolidays.IsWorkingDay(date)) counted++;
        }
        return date;
    }

    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>A deadline counted in working days: the same time of day, that many working days later (London).</summary>
    public static Instant After(Instant from, int days)
    {
        var local = from.InZone(London);
        return Add(local.Date, days).At(local.TimeOfDay).InZoneLeniently(London).ToInstant();
    }

    /// <summary>Whole working days from one instant's London day to another's: the same day is 0, the next working day 1.</summary>
    public static int Between(Instant from, Instant to)
    {
        var (date, last) = (from.InZone(London).Date, to.InZone(London).Date);
        var days = 0;
        while (date < last)
        {
            date = date.PlusDays(1);
            if (BankHolidays.IsWorkingDay(date)) days++;
        }
        return days;
    }
}
