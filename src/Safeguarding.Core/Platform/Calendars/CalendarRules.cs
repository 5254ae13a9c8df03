using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>
/// What makes a calendar wrong before it is published: terms that overlap (a day would belong to two terms, and the
/// year's shape is then a guess) and closure days that fall outside every term (a closure there changes nothing, so
/// it is almost certainly a mistyped date). Terms that end before they start are caught where they are read.
/// </summary>
public static class CalendarRules
{
    /// <summary>
    /// The problems, each with the word for where it is ("terms" or "closures"). A setting without terms of its own
    /// follows the council's, so its closures are checked against <paramref name="inheritedTerms"/>.
    /// </summary>
    public static IReadOnlyList<(string Where, string Message)> Check(IReadOnlyList<TermDates> terms, IReadOnlyList<LocalDate> closures,
        IReadOnlyList<TermDates> inheritedTerms)
    {
        var problems = new List<(string, string)>();
        var ordered = terms.OrderBy(t => t.Start).ToList();
        foreach (var term in ordered.Where(t => t.End < t.Start))
            problems.Add(("terms", $"The term starting {Iso(term.Start)} ends ({Iso(term.End)}) before it starts"));
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Start <= ordered[i - 1].End)
                problems.Add(("terms", $"The term from {Iso(ordered[i].Start)} to {Iso(ordered[i].End)} overlaps the term from {Iso(ordered[i - 1].Start)} to {Iso(ordered[i - 1].End)}"));
        var within = terms.Count > 0 ? terms : inheritedTerms;
        foreach (var day in closures.Distinct().Order().Where(d => !within.Any(t => t.Contains(d))))
            problems.Add(("closures", $"The closure on {Iso(day)} is not in any term"));
        return problems;
    }

    /// <summary>The calendar as the file <c>safeguard encompass deadline --calendar</c> reads (see <see cref="CalendarFile"/>).</summary>
    public static string ToFile(SchoolDays days)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("dayStart", LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(days.DayStart));
            json.WriteStartArray("terms");
            foreach (var term in days.Terms)
            {
                json.WriteStartObject();
                json.WriteString("start", Iso(term.Start));
                json.WriteString("end", Iso(term.End));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("closures");
            foreach (var day in days.Closures.Order()) json.WriteStringValue(Iso(day));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
