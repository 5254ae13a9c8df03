using Safeguarding.Core.Platform.Calendars;
using NodaTime;

namespace Safeguarding.Core.Meetings;

/// <summary>When a series meets.</summary>
public static class MeetingCadence
{
    /// <summary>
    /// The series' meeting dates on or after <paramref name="from"/>, in order. A fortnightly, four-weekly,
    /// monthly or quarterly date that falls on a weekend or bank holiday moves to the next working day; the series keeps
    /// counting from its first date, so one moved meeting does not shift the rest.
    /// </summary>
    public static IEnumerable<LocalDate> DatesFrom(Cadence cadence, LocalDate firstDate, LocalDate from)
    {
        if (cadence == Cadence.DailyOnWeekdays)
        {
            for (var d = from < firstDate ? firstDate : from; ; d = d.PlusDays(1))
                if (BankHolidays.IsWorkingDay(d)) yield return d;
        }

        for (var n = 0; ; n++)
        {
            var scheduled = cadence switch
            {
                Cadence.Fortnightly => firstDate.PlusDays(14 * n),
                Cadence.FourWeekly => firstDate.PlusDays(28 * n),
                Cadence.Quarterly => firstDate.PlusMonths(3 * n),
                Cadence.Monthly => firstDate.PlusMonths(n),
                _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
            };
            var held = NextWorkingDay(scheduled);
            if (held >= from) yield return held;
        }
    }

    /// <summary>The first meeting on or after a date.</summary>
    public static LocalDate NextOnOrAfter(Cadence cadence, LocalDate firstDate, LocalDate date) =>
        DatesFrom(cadence, firstDate, date).First();

    public static LocalDate NextWorkingDay(LocalDate date)
    {
        while (!BankHolidays.IsWorkingDay(date)) date = date.PlusDays(1);
        return date;
    }

    public static LocalDate PreviousWorkingDay(LocalDate date)
    {
        do date = date.PlusDays(-1);
        while (!BankHolidays.IsWorkingDay(date));
        return date;
    }
}
