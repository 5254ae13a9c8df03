using System.Text.Json;
using nietras.SeparatedValues;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>A file that cannot be read at all, naming the file, line and column.</summary>
public sealed class IncidentFileException(string message) : Exception(message);

/// <summary>One incident read from a file: where it was, the text it came from, and the incident (or why it could not be read).</summary>
public sealed record IncidentInFile(string Where, string Raw, IncidentReport? Report, string? Problem);

/// <summary>One incident's result in a file import, for the per-record report.</summary>
public sealed record FileRecordResult(string Where, IntakeResult Result);

/// <summary>
/// Incident files from a police analyst: JSON (one incident or a list of them, in the API's shape) or CSV with one
/// row per child, the incident's columns repeated on each of its rows. Each incident goes through the same intake
/// as the API, so a file is judged record by record: one bad incident is quarantined, the rest are taken.
/// </summary>
public static class IncidentFiles
{
    public static readonly string[] CsvColumns =
    [
        "police_reference", "occurred_at", "reported_at", "postcode", "address", "category", "summary",
        "victim_given_name", "victim_family_name", "victim_date_of_birth",
        "harm_given_name", "harm_family_name", "harm_date_of_birth",
        "child_id", "child_given_name", "child_family_name", "child_date_of_birth", "child_sex", "child_address", "child_postcode",
        "child_relationship", "child_present", "child_saw_or_heard", "child_resident", "child_spoken_to", "child_what_they_said", "child_school_named",
    ];

    public static IReadOnlyList<IncidentInFile> Read(string text, string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(text, fileName) : ReadJson(text, fileName);

    public static IReadOnlyList<IncidentInFile> ReadJson(string text, string fileName)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException e)
        {
            throw new IncidentFileException($"{fileName}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON");
        }
        using (document)
        {
            var elements = document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.EnumerateArray()] : new[] { document.RootElement };
            return [.. elements.Select((e, i) =>
            {
                var raw = e.GetRawText();
                var report = IncidentRules.Parse(raw, out var problem);
                return new IncidentInFile($"{fileName} record {i + 1}", raw, report, problem);
            })];
        }
    }

    public static IReadOnlyList<IncidentInFile> ReadCsv(string text, string fileName)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] header = [];
        var groups = new List<(string Reference, List<(int Line, int LastLine, Dictionary<string, string> Row)> Rows)>();
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = false }).FromText(text);
            var first = true;
            foreach (var row in reader)
            {
                if (first)
                {
                    first = false;
                    header = new string[row.ColCount];
                    for (var i = 0; i < row.ColCount; i++) header[i] = row[i].ToString().Trim().TrimStart('\uFEFF');
                    var missing = CsvColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (missing.Count > 0) throw new IncidentFileException($"{fileName}:1:1: missing columns: {string.Join(", ", missing)}");
                    var unknown = header.Select((h, i) => (h, i)).FirstOrDefault(x => !CsvColumns.Contains(x.h, StringComparer.OrdinalIgnoreCase));
                    if (unknown.h is not null) throw new IncidentFileException($"{fileName}:1:{ColumnOf(lines[0], unknown.i)}: unknown column \"{unknown.h}\"");
                    continue;
                }
                var line = row.LineNumberFrom;
                var lastLine = row.LineNumberToExcl - 1;
                if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
                if (row.ColCount != header.Length)
                    throw new IncidentFileException($"{fileName}:{line}:1: expected {header.Length} columns, found {row.ColCount}");
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < header.Length; i++) values[header[i]] = row[i].ToString().Trim();
                var reference = values["police_reference"];
                var group = groups.FirstOrDefault(g => g.Reference == reference && reference.Length > 0);
                if (group.Rows is null) groups.Add(group = (reference, []));
                group.Rows.Add((line, lastLine, values));
            }
            if (first) throw new IncidentFileException($"{fileName}:1:1: the file is empty; the first line must name the columns");
        }
        catch (InvalidDataException e)
        {
            throw new IncidentFileException($"{fileName}: {e.Message}");
        }

        return [.. groups.Select(g =>
        {
            var raw = string.Join('\n', new[] { lines[0] }.Concat(g.Rows.SelectMany(r => lines[(r.Line - 1)..Math.Min(lines.Length, Math.Max(r.Line, r.LastLine))])));
            var where = g.Rows.Count == 1 ? $"{fileName} line {g.Rows[0].Line}" : $"{fileName} lines {string.Join(", ", g.Rows.Select(r => r.Line))}";
            var problems = new List<string>();
            var first = g.Rows[0].Row;
            foreach (var (line, _, row) in g.Rows.Skip(1))
                foreach (var column in CsvColumns.Take(13).Where(c => row[c] != first[c] && row[c].Length > 0))
                    problems.Add($"line {line}: {column} differs from the incident's first row");
            var children = g.Rows.Where(r => r.Row.Values.Any(v => v.Length > 0)).Select(r => Child(r.Row, r.Line, problems)).OfType<ReportedChild>().ToList();
            var adults = new List<ReportedAdult>();
            if (Any(first, "victim_given_name", "victim_family_name", "victim_date_of_birth"))
                adults.Add(new ReportedAdult { Role = "Victim", GivenName = first["victim_given_name"], FamilyName = first["victim_family_name"], DateOfBirth = Blank(first["victim_date_of_birth"]) });
            if (Any(first, "harm_given_name", "harm_family_name", "harm_date_of_birth"))
                adults.Add(new ReportedAdult { Role = "PersonCausingHarm", GivenName = first["harm_given_name"], FamilyName = first["harm_family_name"], DateOfBirth = Blank(first["harm_date_of_birth"]) });
            var report = new IncidentReport
            {
                PoliceReference = Blank(first["police_reference"]), OccurredAt = Blank(first["occurred_at"]), ReportedAt = Blank(first["reported_at"]),
                Postcode = Blank(first["postcode"]), Address = Blank(first["address"]), Category = Blank(first["category"]), Summary = Blank(first["summary"]),
                Adults = adults, Children = children,
            };
            return problems.Count > 0
                ? new IncidentInFile(where, raw, null, string.Join("; ", problems))
                : new IncidentInFile(where, raw, report, null);
        })];
    }

    /// <summary>The same incident in the API's JSON shape, for an administrator correcting a quarantined CSV record.</summary>
    public static string AsJson(IncidentReport report) => JsonSerializer.Serialize(report, new JsonSerializerOptions(IncidentReport.Json) { WriteIndented = true });

    private static ReportedChild? Child(Dictionary<string, string> row, int line, List<string> problems)
    {
        if (!Any(row, "child_given_name", "child_family_name", "child_date_of_birth")) return null;
        bool Flag(string column)
        {
            var v = row[column].Trim().ToLowerInvariant();
            if (v is "y" or "yes" or "true" or "1") return true;
            if (v is "" or "n" or "no" or "false" or "0") return false;
            problems.Add($"line {line}: {column} must be yes or no");
            return false;
        }
        return new ReportedChild
        {
            Id = Blank(row["child_id"]), GivenName = row["child_given_name"], FamilyName = row["child_family_name"], DateOfBirth = Blank(row["child_date_of_birth"]),
            Sex = Blank(row["child_sex"]), Address = Blank(row["child_address"]), Postcode = Blank(row["child_postcode"]),
            Relationship = Blank(row["child_relationship"]), Present = Flag("child_present"), SawOrHeard = Flag("child_saw_or_heard"),
            Resident = Flag("child_resident"), SpokenTo = Flag("child_spoken_to"), WhatTheySaid = Blank(row["child_what_they_said"]),
            SchoolNamed = Blank(row["child_school_named"]),
        };
    }

    private static bool Any(Dictionary<string, string> row, params string[] columns) => columns.Any(c => !string.IsNullOrWhiteSpace(row[c]));

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int ColumnOf(string headerLine, int index)
    {
        var column = 1;
        for (var i = 0; i < index; i++) column = headerLine.IndexOf(',', column - 1) + 2;
        return column;
    }

    /// <summary>Imports a whole file through the same intake as the API, in blocks (<see cref="IncidentIntake.ReceiveManyAsync"/>), with a result per record.</summary>
    internal static async Task<IReadOnlyList<FileRecordResult>> ImportAsync(IncidentIntake intake, string text, string fileName,
        ProcessContext process, CancellationToken ct = default)
    {
        var records = Read(text, fileName);
        var results = await intake.ReceiveManyAsync(new ReceiveIncidentsOptions([.. records.Select(r => new IncidentToReceive(r.Raw, r.Report, r.Problem, r.Where))]), process, ct);
        return [.. records.Zip(results, (r, result) => new FileRecordResult(r.Where, result))];
    }
}
