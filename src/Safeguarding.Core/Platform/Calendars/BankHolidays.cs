using NodaTime;
using PublicHoliday;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>
/// Bank holidays in England and Wales, substitute days included, from the maintained PublicHoliday package
/// rather than a list typed by hand.
/// </summary>
public static class BankHolidays
{
    private static readonly UKBankHoliday EnglandAndWales = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<LocalDate>> ByYear = new();

    public static bool IsBankHoliday(LocalDate date) => InYear(date.Year).Contains(date);

    public static IReadOnlySet<LocalDate> InYear(int year) =>
        ByYear.GetOrAdd(year, y => EnglandAndWales.PublicHolidays(y).Select(LocalDate.FromDateTime).ToHashSet());

    /// <summary>Monday to Friday and not a bank holiday: the days offices such as the Front Door work.</summary>
    public static bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !IsBankHoliday(date);
}
