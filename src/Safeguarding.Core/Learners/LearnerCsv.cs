using nietras.SeparatedValues;

namespace Safeguarding.Core.Learners;

/// <summary>One row of a small learners file (a register, the census), its values found by header name.</summary>
public sealed class CsvRow(long line, string raw, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, int> columns)
{
    public long Line { get; } = line;
    public string Raw { get; } = raw;
    public string this[string column] => values.GetValueOrDefault(column, "");
    /// <summary>The 1-based column of a named value, for file:line:column (1 when the file has no such column).</summary>
    public int ColumnOf(string column) => columns.TryGetValue(column, out var at) && at >= 0 ? at + 1 : 1;
}

/// <summary>
/// Reads the learners files that are a few thousand rows at most (registers, census headcounts): every row in memory,
/// columns found by header name, extra columns ignored, blank lines skipped.
/// </summary>
public static class LearnerCsv
{
    public static (string Header, List<CsvRow> Rows) Read(string path, string name, string[] expected, string[] required)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file.", path);
        using var reader = OpenFile(path, name);
        return Read(reader, name, expected, required);
    }

    public static (string Header, List<CsvRow> Rows) ReadText(string text, string name, string[] expected, string[] required)
    {
        using var reader = OpenText(text, name);
        return Read(reader, name, expected, required);
    }

    internal static SepReader OpenFile(string path, string name) => Opened(() => Options().FromFile(path), name);

    internal static SepReader OpenText(string text, string name) => Opened(() => Options().FromText(text), name);

    private static SepReaderOptions Options() => Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true });

    // Sep refuses a header that names a column twice with an ArgumentException (found by fuzzing): bad input, reported as such.
    private static SepReader Opened(Func<SepReader> open, string name)
    {
        try { return open(); }
        catch (ArgumentException)
        {
            throw new Attendance.RegisterFileException($"{name}:1:1: the header names a column more than once; each column needs its own name.");
        }
    }

    private static (string, List<CsvRow>) Read(SepReader reader, string name, string[] expected, string[] required)
    {
        var columns = Columns(reader, name, expected, required);
        var header = reader.Header.ToString();
        var rows = new List<CsvRow>();
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
            var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            foreach (var (column, at) in columns) values[column] = at >= 0 && at < row.ColCount ? row[at].Span.Trim().ToString() : "";
            rows.Add(new CsvRow(row.LineNumberFrom, row.Span.ToString(), values, columns));
        }
        return (header, rows);
    }

    private static Dictionary<string, int> Columns(SepReader reader, string name, string[] expected, string[] required)
    {
        if (reader.Header.IsEmpty) throw new Attendance.RegisterFileException($"{name}:1:1: the file is empty; expected a header line: {string.Join(',', expected)}.");
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in expected)
        {
            var at = names.IndexOf(column);
            if (at < 0 && required.Contains(column))
                throw new Attendance.RegisterFileException($"{name}:1:1: the header has no '{column}' column; expected {string.Join(',', expected)}.");
            columns[column] = at;
        }
        return columns;
    }

    /// <summary>
    /// The rows of a file (of any size, streamed) whose <c>urn</c> is not the given school's, as file:line:column
    /// lines, at most <paramref name="limit"/>: a school may import for itself only.
    /// </summary>
    public static List<string> RowsForOtherSchools(string path, string name, string ownUrn, int limit = 10)
    {
        var found = new List<string>();
        using var reader = OpenFile(path, name);
        if (reader.Header.IsEmpty) return found;
        var at = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList().IndexOf("urn");
        if (at < 0) return found;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
            var urn = at < row.ColCount ? row[at].Span.Trim() : [];
            if (urn.SequenceEqual(ownUrn)) continue;
            found.Add($"{name}:{row.LineNumberFrom}:{at + 1}: the school {urn} is not yours: you may import for your own school ({ownUrn}) only.");
            if (found.Count >= limit) break;
        }
        return found;
    }
}
