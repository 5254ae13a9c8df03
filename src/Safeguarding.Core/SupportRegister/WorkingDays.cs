using NodaTime;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.SupportRegister;

/// <summary>Working days for the register's clocks: Monday to Friday, bank holidays in England and Wales not counted.</summary>
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
}
