using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Safeguarding.Linkage.Files;

/// <summary>Malformed input, located: the file, the 1-based line and column, and what is wrong there.</summary>
public sealed class PersonCsvException(string file, long line, int column, string problem)
    : Exception($"{file}, line {line}, column {column}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// The canonical person CSV: <c>id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn</c>.
/// Every column except id may be empty; dates are YYYY-MM-DD with 00 for an unknown part.
/// </summary>
public static class PersonCsv
{
    public static readonly string[] Header = ["id", "given_name", "family_name", "date_of_birth", "sex", "postcode", "address", "nhs_number", "upn"];

    public static List<PersonRecord> Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{path}: no such file.", path);
        var name = path;
        var people = new List<PersonRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = false }).FromFile(path);
            var first = true;
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (first)
                {
                    first = false;
                    line = 1; // the header is the first line (Sep numbers the first row of a header-less read from 2)
                    for (var c = 0; c < Header.Length; c++)
                    {
                        var actual = c < row.ColCount ? row[c].ToString().Trim().TrimStart('\uFEFF') : "";
                        if (!string.Equals(actual, Header[c], StringComparison.OrdinalIgnoreCase))
                            throw new PersonCsvException(name, line, c + 1, $"the header should be '{string.Join(',', Header)}'; column {c + 1} is '{actual}', expected '{Header[c]}'.");
                    }
                    if (row.ColCount > Header.Length)
                        throw new PersonCsvException(name, line, Header.Length + 1, $"the header has {row.ColCount} columns; expected {Header.Length}.");
                    continue;
                }
                if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue; // a blank line
                if (row.ColCount != Header.Length)
                    throw new PersonCsvException(name, line, Math.Min(row.ColCount, Header.Length) + 1,
                        $"expected {Header.Length} columns, found {row.ColCount}.");
                var id = row[0].ToString().Trim();
                if (id.Length == 0) throw new PersonCsvException(name, line, 1, "the id is empty.");
                if (!seen.Add(id)) throw new PersonCsvException(name, line, 1, $"the id '{id}' appears twice.");
                var dob = Optional(row[3].Span);
                if (dob is not null && !IsDateShape(dob))
                    throw new PersonCsvException(name, line, 4, $"the date of birth '{dob}' is not YYYY-MM-DD (use 00 for an unknown part).");
                people.Add(new PersonRecord(id, Optional(row[1].Span), Optional(row[2].Span), dob, Optional(row[4].Span), Optional(row[5].Span),
                    Optional(row[6].Span), Optional(row[7].Span), Optional(row[8].Span)));
            }
            if (first) throw new PersonCsvException(name, 1, 1, "the file is empty; it needs the header line.");
        }
        catch (InvalidDataException e)
        {
            throw new PersonCsvException(name, 0, 0, e.Message);
        }
        return people;
    }

    private static string? Optional(ReadOnlySpan<char> span)
    {
        var t = span.Trim();
        return t.Length == 0 ? null : t.ToString();
    }

    /// <summary>Four digits, dash, two digits, dash, two digits: impossible values such as month 13 are allowed and compared as written.</summary>
    public static bool IsDateShape(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-'
        && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    public static void Write(string path, IEnumerable<PersonRecord> people) =>
        WriteAtomically(path, writer =>
        {
            writer.Write(string.Join(',', Header));
            writer.Write('\n');
            foreach (var p in people)
            {
                writer.Write(string.Join(',', new[] { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Postcode, p.Address, p.NhsNumber, p.Upn }.Select(Field)));
                writer.Write('\n');
            }
        });

    /// <summary>Writes to a temporary file beside the target and renames it: a failure never leaves a partial file.</summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) =>
        WriteBytesAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>The same for bytes: written to a temporary file beside the target, renamed into place once complete.</summary>
    public static void WriteBytesAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            System.IO.File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temp)) System.IO.File.Delete(temp);
        }
    }

    /// <summary>A CSV field, quoted when needed, with spreadsheet formulas neutralised (a leading = + - @ gets a quote mark).</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
