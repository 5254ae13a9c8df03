using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.DomesticAbuse.Checklists;

/// <summary>A problem in a scoring input file, at a 1-based line and column.</summary>
public sealed class RiskScoringInputException(int line, int column, string problem)
    : Exception($"{line}:{column}: {problem}")
{
    public int Line => line;
    public int Column => column;
    public string Problem => problem;
}

/// <summary>
/// Reads the scoring input of <c>safeguard dash score</c> (and the API) token by token, so that every problem is
/// reported at its line and column rather than as a failed whole.
/// </summary>
public static class RiskScoringInputReader
{
    public static RiskScoringInput Read(ReadOnlySpan<byte> utf8, ChecklistDefinition checklist, RiskThresholds partnershipThresholds)
    {
        var text = utf8;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Dictionary<string, bool?>? answers = null;
        var judgement = false;
        LocalDate? incidentDate = null;
        var previous = new List<LocalDate>();
        LocalDate? lastMarac = null;
        var thresholds = partnershipThresholds;
        try
        {
            Next(ref reader, text);
            if (reader.TokenType != JsonTokenType.StartObject) throw At(reader, text, "The input must be a JSON object.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                Next(ref reader, text);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var name = String(reader, text);
                if (!seen.Add(name)) throw At(reader, text, $"\"{name}\" is given twice.");
                var nameReader = reader;
                Next(ref reader, text);
                switch (name)
                {
                    case "answers":
                        answers = ReadAnswers(ref reader, text, checklist);
                        break;
                    case "professionalJudgement":
                        judgement = ReadBool(ref reader, text, name);
                        break;
                    case "incidentDate":
                        incidentDate = ReadDate(ref reader, text, "\"incidentDate\"") ?? throw At(reader, text, "\"incidentDate\" is needed.");
                        break;
                    case "previousIncidentDates":
                        if (reader.TokenType == JsonTokenType.Null) break;
                        if (reader.TokenType != JsonTokenType.StartArray) throw At(reader, text, "\"previousIncidentDates\" must be a list of dates.");
                        while (true)
                        {
                            Next(ref reader, text);
                            if (reader.TokenType == JsonTokenType.EndArray) break;
                            previous.Add(ReadDate(ref reader, text, "A previous incident date") ?? throw At(reader, text, "A previous incident date cannot be null."));
                        }
                        break;
                    case "lastMaracReferralDate":
                        lastMarac = ReadDate(ref reader, text, "\"lastMaracReferralDate\"");
                        break;
                    case "thresholds":
                        thresholds = ReadThresholds(ref reader, text, partnershipThresholds);
                        break;
                    default:
                        throw At(nameReader, text, $"\"{name}\" is not part of a scoring input (answers, professionalJudgement, incidentDate, previousIncidentDates, lastMaracReferralDate, thresholds).");
                }
            }
            if (reader.Read()) throw At(reader, text, "Nothing may follow the JSON object.");
        }
        catch (JsonException e)
        {
            throw new RiskScoringInputException((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "This is not valid JSON.");
        }

        if (answers is null) throw new RiskScoringInputException(1, 1, "\"answers\" is needed.");
        if (incidentDate is null) throw new RiskScoringInputException(1, 1, "\"incidentDate\" is needed.");
        return new RiskScoringInput(answers, judgement, incidentDate.Value, previous, lastMarac, thresholds);
    }

    private static Dictionary<string, bool?> ReadAnswers(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, ChecklistDefinition checklist)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw At(reader, text, "\"answers\" must be an object of question number to true, false or null.");
        var answers = new Dictionary<string, bool?>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader, text);
            if (reader.TokenType == JsonTokenType.EndObject) return answers;
            var key = String(reader, text);
            if (!checklist.HasQuestion(key))
                throw At(reader, text, $"The checklist {checklist.Code} has no question \"{key}\" (questions {checklist.Questions[0].Key} to {checklist.Questions[^1].Key}).");
            if (answers.ContainsKey(key)) throw At(reader, text, $"Question \"{key}\" is answered twice.");
            Next(ref reader, text);
            answers[key] = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Null => null,
                _ => throw At(reader, text, $"The answer to question \"{key}\" must be true, false or null."),
            };
        }
    }

    private static RiskThresholds ReadThresholds(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, RiskThresholds defaults)
    {
        if (reader.TokenType == JsonTokenType.Null) return defaults;
        if (reader.TokenType != JsonTokenType.StartObject) throw At(reader, text, "\"thresholds\" must be an object.");
        var start = reader;
        var t = defaults;
        while (true)
        {
            Next(ref reader, text);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var name = String(reader, text);
            var nameReader = reader;
            Next(ref reader, text);
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
                throw At(reader, text, $"\"{name}\" must be a whole number.");
            t = name switch
            {
                "visibleHighRisk" => t with { VisibleHighRisk = value },
                "escalationCount" => t with { EscalationCount = value },
                "escalationWindowMonths" => t with { EscalationWindowMonths = value },
                _ => throw At(nameReader, text, $"\"{name}\" is not a threshold (visibleHighRisk, escalationCount, escalationWindowMonths)."),
            };
        }
        var problem = t.Problems().FirstOrDefault();
        if (problem is not null) throw At(start, text, problem);
        return t;
    }

    private static bool ReadBool(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string name) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw At(reader, text, $"\"{name}\" must be true or false."),
    };

    private static LocalDate? ReadDate(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, string what)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String && LocalDatePattern.Iso.Parse(String(reader, text)) is { Success: true } parsed)
            return parsed.Value;
        throw At(reader, text, $"{what} must be a date written YYYY-MM-DD.");
    }

    /// <summary>
    /// A string's text. Utf8JsonReader checks a string's encoding and escapes only when it is read, and throws
    /// InvalidOperationException then (found by fuzzing), so invalid UTF-8 or a lone surrogate is reported here.
    /// </summary>
    private static string String(Utf8JsonReader reader, ReadOnlySpan<byte> text)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException) { throw At(reader, text, "This text is not valid UTF-8."); }
    }

    private static void Next(ref Utf8JsonReader reader, ReadOnlySpan<byte> text)
    {
        if (!reader.Read()) throw new RiskScoringInputException(LineOf(text, text.Length).Line, LineOf(text, text.Length).Column, "The input ends too soon.");
    }

    private static RiskScoringInputException At(Utf8JsonReader reader, ReadOnlySpan<byte> text, string problem)
    {
        var (line, column) = LineOf(text, (int)reader.TokenStartIndex);
        return new RiskScoringInputException(line, column, problem);
    }

    private static (int Line, int Column) LineOf(ReadOnlySpan<byte> text, int offset)
    {
        var before = text[..Math.Min(offset, text.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
