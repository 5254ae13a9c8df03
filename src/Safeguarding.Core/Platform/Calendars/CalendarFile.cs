using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>A calendar file that cannot be read, with the file, line and column of the first problem.</summary>
public sealed class CalendarFileException(string message) : Exception(message);

/// <summary>
/// A setting's calendar as a small JSON file:
/// <c>{"dayStart":"08:30","terms":[{"start":"2026-09-03","end":"2026-10-23"}],"closures":["2026-09-03"]}</c>.
/// Dates are inclusive; <c>dayStart</c> may be left out (08:30). Every problem names its line and column, so that
/// the person who typed the file can find it.
/// </summary>
public static class CalendarFile
{
    public static SchoolDays Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        // Missing, a folder, or not ours to read (the file system's permission error is a SystemException too):
        // the command line names the file either way.
        catch (SystemException e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new CalendarFileException($"{path}: cannot be read: {e.Message}");
        }
        return Parse(bytes, path);
    }

    public static SchoolDays Parse(string json, string name = "calendar") => Parse(Encoding.UTF8.GetBytes(json), name);

    public static SchoolDays Parse(ReadOnlySpan<byte> json, string name)
    {
        var bytes = json.ToArray();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var dayStart = SchoolDays.DefaultDayStart;
        var terms = new List<TermDates>();
        var closures = new List<LocalDate>();
        var sawTerms = false;
        try
        {
            Next(ref reader, bytes, name);
            Expect(ref reader, JsonTokenType.StartObject, "the calendar must be a JSON object", bytes, name);
            while (Next(ref reader, bytes, name) && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = String(reader, bytes, name);
                var at = reader.TokenStartIndex;
                Next(ref reader, bytes, name);
                switch (property)
                {
                    case "dayStart":
                        Expect(ref reader, JsonTokenType.String, "dayStart must be a time such as \"08:30\"", bytes, name);
                        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(String(reader, bytes, name));
                        if (!time.Success) throw Problem(bytes, reader.TokenStartIndex, name, $"dayStart \"{String(reader, bytes, name)}\" is not a time such as \"08:30\"");
                        dayStart = time.Value;
                        break;
                    case "terms":
                        sawTerms = true;
                        Expect(ref reader, JsonTokenType.StartArray, "terms must be a list of {\"start\":..., \"end\":...}", bytes, name);
                        while (Next(ref reader, bytes, name) && reader.TokenType != JsonTokenType.EndArray)
                            terms.Add(ReadTerm(ref reader, bytes, name));
                        break;
                    case "closures":
                        Expect(ref reader, JsonTokenType.StartArray, "closures must be a list of dates", bytes, name);
                        while (Next(ref reader, bytes, name) && reader.TokenType != JsonTokenType.EndArray)
                            closures.Add(ReadDate(ref reader, bytes, name, "a closure"));
                        break;
                    default:
                        throw Problem(bytes, at, name, $"unknown property \"{property}\" (expected dayStart, terms or closures)");
                }
            }
        }
        catch (JsonException e)
        {
            throw new CalendarFileException($"{name}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}");
        }
        if (!sawTerms) throw Problem(bytes, 0, name, "the calendar has no terms");
        return new SchoolDays(dayStart, terms, closures);
    }

    private static TermDates ReadTerm(ref Utf8JsonReader reader, byte[] bytes, string name)
    {
        var termAt = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, "each term must be {\"start\":\"yyyy-mm-dd\",\"end\":\"yyyy-mm-dd\"}", bytes, name);
        LocalDate? start = null, end = null;
        while (Next(ref reader, bytes, name) && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = String(reader, bytes, name);
            var at = reader.TokenStartIndex;
            Next(ref reader, bytes, name);
            switch (property)
            {
                case "start": start = ReadDate(ref reader, bytes, name, "a term's start"); break;
                case "end": end = ReadDate(ref reader, bytes, name, "a term's end"); break;
                default: throw Problem(bytes, at, name, $"unknown property \"{property}\" in a term (expected start and end)");
            }
        }
        if (start is null || end is null) throw Problem(bytes, termAt, name, "a term needs both start and end");
        if (end < start) throw Problem(bytes, termAt, name, $"the term ends ({end:uuuu-MM-dd}) before it starts ({start:uuuu-MM-dd})");
        return new TermDates(start.Value, end.Value);
    }

    private static LocalDate ReadDate(ref Utf8JsonReader reader, byte[] bytes, string name, string what)
    {
        Expect(ref reader, JsonTokenType.String, $"{what} must be a date written yyyy-mm-dd", bytes, name);
        var parsed = LocalDatePattern.Iso.Parse(String(reader, bytes, name));
        if (!parsed.Success) throw Problem(bytes, reader.TokenStartIndex, name, $"{what} \"{String(reader, bytes, name)}\" is not a date written yyyy-mm-dd");
        return parsed.Value;
    }

    /// <summary>
    /// A string's text. Utf8JsonReader checks a string's encoding and escapes only when it is read, and throws
    /// InvalidOperationException then (found by fuzzing), so invalid UTF-8 or a lone surrogate is reported here.
    /// </summary>
    private static string String(Utf8JsonReader reader, byte[] bytes, string name)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException) { throw Problem(bytes, reader.TokenStartIndex, name, "this text is not valid UTF-8"); }
    }

    private static bool Next(ref Utf8JsonReader reader, byte[] bytes, string name)
    {
        if (!reader.Read()) throw Problem(bytes, bytes.Length, name, "the file ends before the calendar does");
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string message, byte[] bytes, string name)
    {
        if (reader.TokenType != type) throw Problem(bytes, reader.TokenStartIndex, name, message);
    }

    private static CalendarFileException Problem(byte[] bytes, long offset, string name, string message)
    {
        var (line, column) = Position(bytes, (int)offset);
        return new CalendarFileException($"{name}:{line}:{column}: {message}");
    }

    /// <summary>Line and column (both from 1, column in characters) of a byte offset.</summary>
    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, Math.Min(offset, bytes.Length) - lineStart)) + 1);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
