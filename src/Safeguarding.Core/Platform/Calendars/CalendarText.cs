using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>One thing wrong with a calendar, and where: "dayStart", "terms" or "closures".</summary>
public sealed record CalendarProblem(string Where, string Message);

/// <summary>A calendar as typed: the time the day starts, the terms and the closures, with every problem found in them.</summary>
public sealed record CalendarTyped(LocalTime? DayStart, IReadOnlyList<TermDates> Terms, IReadOnlyList<LocalDate> Closures,
    IReadOnlyList<CalendarProblem> Problems);

/// <summary>
/// A calendar typed into a form, one term or closure a line: "2026-09-03 to 2026-10-23" (or separated by a comma or
/// spaces) and "2026-09-03". Each problem names its line, so the person who typed it can find it. The calendar.json
/// file is read by <see cref="CalendarFile"/>; both are checked by <see cref="CalendarRules"/> before publishing.
/// </summary>
public static partial class CalendarText
{
    private static readonly LocalTimePattern TimeInput = LocalTimePattern.CreateWithInvariantCulture("H':'mm");
    private static readonly LocalTimePattern TimeOutput = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public const string DayStartField = "dayStart";
    public const string TermsField = "terms";
    public const string ClosuresField = "closures";

    public static CalendarTyped Read(string? dayStart, string? terms, string? closures)
    {
        var problems = new List<CalendarProblem>();
        LocalTime? start = null;
        if (!string.IsNullOrWhiteSpace(dayStart))
        {
            var parsed = TimeInput.Parse(dayStart.Trim());
            if (parsed.Success) start = parsed.Value;
            else problems.Add(new(DayStartField, $"Enter the time the school day starts as hours and minutes, such as 08:30 ('{dayStart.Trim()}' is not a time)"));
        }
        return new CalendarTyped(start, ReadTerms(terms, problems), ReadClosures(closures, problems), problems);
    }

    /// <summary>A published calendar written back as the form's text: day start, terms and closures.</summary>
    public static (string? DayStart, string? Terms, string? Closures) Write(SchoolCalendar? published) =>
        published is null ? (null, null, null) : (
            published.DayStart is { } t ? TimeOutput.Format(t) : null,
            string.Join('\n', published.Terms.OrderBy(x => x.Start).Select(x => $"{CalendarRules.Iso(x.Start)} to {CalendarRules.Iso(x.End)}")),
            string.Join('\n', published.Closures.OrderBy(x => x.Date).Select(x => CalendarRules.Iso(x.Date))));

    private static List<TermDates> ReadTerms(string? text, List<CalendarProblem> problems)
    {
        var terms = new List<TermDates>();
        foreach (var (line, number) in Lines(text))
        {
            var parts = TermSeparator().Split(line);
            if (parts.Length != 2) { problems.Add(new(TermsField, $"Terms, line {number}: write each term as its first and last day, such as 2026-09-03 to 2026-10-23")); continue; }
            var start = LocalDatePattern.Iso.Parse(parts[0]);
            var end = LocalDatePattern.Iso.Parse(parts[1]);
            if (!start.Success || !end.Success)
            {
                problems.Add(new(TermsField, $"Terms, line {number}: '{(start.Success ? parts[1] : parts[0])}' is not a date written YYYY-MM-DD"));
                continue;
            }
            if (end.Value < start.Value)
            {
                problems.Add(new(TermsField, $"Terms, line {number}: the term ends ({parts[1]}) before it starts ({parts[0]})"));
                continue;
            }
            terms.Add(new TermDates(start.Value, end.Value));
        }
        return terms;
    }

    private static List<LocalDate> ReadClosures(string? text, List<CalendarProblem> problems)
    {
        var closures = new List<LocalDate>();
        foreach (var (line, number) in Lines(text))
        {
            var parsed = LocalDatePattern.Iso.Parse(line);
            if (parsed.Success) closures.Add(parsed.Value);
            else problems.Add(new(ClosuresField, $"Closures, line {number}: '{line}' is not a date written YYYY-MM-DD"));
        }
        return closures;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0);

    [GeneratedRegex(@"\s+to\s+|\s*,\s*|\s+", RegexOptions.IgnoreCase)]
    private static partial Regex TermSeparator();
}
