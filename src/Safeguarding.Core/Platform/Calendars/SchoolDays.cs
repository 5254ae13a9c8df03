using NodaTime;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>The first and last day of a term, both inclusive.</summary>
public sealed record TermDates(LocalDate Start, LocalDate End)
{
    public bool Contains(LocalDate date) => date >= Start && date <= End;
}

/// <summary>
/// When one education setting is open: its terms, its closure (INSET) days and the time its day starts, with the
/// bank holidays of England and Wales built in. Reasoned about in Europe/London, whatever offset a time came with.
/// </summary>
public sealed class SchoolDays
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly LocalTime DefaultDayStart = new(8, 30);

    private readonly HashSet<LocalDate> _closures;

    public SchoolDays(LocalTime dayStart, IEnumerable<TermDates> terms, IEnumerable<LocalDate> closures)
    {
        DayStart = dayStart;
        Terms = [.. terms.OrderBy(t => t.Start)];
        _closures = [.. closures];
        LastDay = Terms.Count == 0 ? null : Terms.Max(t => t.End);
    }

    public LocalTime DayStart { get; }

    public IReadOnlyList<TermDates> Terms { get; }

    public IReadOnlyCollection<LocalDate> Closures => _closures;

    /// <summary>The last day of the last term known: no school day can be found after it.</summary>
    public LocalDate? LastDay { get; }

    public bool IsSchoolDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && Terms.Any(t => t.Contains(date))
        && !BankHolidays.IsBankHoliday(date)
        && !_closures.Contains(date);

    /// <summary>
    /// The instant a day starts in London. Leniently: a day start placed inside the spring-forward gap moves to
    /// the first valid instant after it, and one in the autumn overlap takes the earlier (BST) instant.
    /// </summary>
    public Instant StartOf(LocalDate date) => London.AtLeniently(date + DayStart).ToInstant();

    /// <summary>
    /// The Operation Encompass deadline: the start of the first school day that starts strictly after the report.
    /// A report made exactly at a day's start is due at the start of the next school day, since that day has
    /// already begun. Null when the terms known end before any school day follows the report.
    /// </summary>
    public Instant? NextDayStartAfter(Instant reportedAt)
    {
        if (LastDay is not { } last) return null;
        for (var date = reportedAt.InZone(London).Date; date <= last; date = date.PlusDays(1))
        {
            if (!IsSchoolDay(date)) continue;
            var start = StartOf(date);
            if (start > reportedAt) return start;
        }
        return null;
    }

    /// <summary>
    /// The deadline when the setting's terms are not known that far ahead: the start of the next working day
    /// (weekday, not a bank holiday). Every school day is a working day, so this is never later than the real one.
    /// </summary>
    public Instant NextWorkingDayStartAfter(Instant reportedAt)
    {
        for (var date = reportedAt.InZone(London).Date; ; date = date.PlusDays(1))
        {
            if (!BankHolidays.IsWorkingDay(date)) continue;
            var start = StartOf(date);
            if (start > reportedAt) return start;
        }
    }

    /// <summary>The deadline, falling back to the next working day when no term is known after the report.</summary>
    public Instant DeadlineAfter(Instant reportedAt) => NextDayStartAfter(reportedAt) ?? NextWorkingDayStartAfter(reportedAt);

    /// <summary>An instant written as ISO 8601 with London's offset at that instant (+00:00 or +01:00).</summary>
    public static string FormatInLondon(Instant instant) => IsoWithOffset.Format(instant.InZone(London).ToOffsetDateTime());

    private static readonly NodaTime.Text.OffsetDateTimePattern IsoWithOffset =
        NodaTime.Text.OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");
}
