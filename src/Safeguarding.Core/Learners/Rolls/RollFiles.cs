using System.Xml;
using System.Xml.Linq;
using nietras.SeparatedValues;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Learners.Rolls;

/// <summary>A roll file that cannot be read, naming the file, line and column.</summary>
public sealed class RollFileException(string message) : Exception(message);

/// <summary>One pupil as a roll lists them, with the text they came from.</summary>
public sealed record RollPupil(string LocalId, string? Upn, string? GivenName, string? FamilyName, string? DateOfBirth, Sex Sex,
    string? Postcode, string? Address, string? StartedOn, string? LeftOn, string? EnrolStatus, string Received, string Where);

/// <summary>A roll as read: the setting it says it is from (a CTF names its school; a CSV does not) and its pupils.</summary>
public sealed record RollFile(string? SourceUrn, IReadOnlyList<RollPupil> Pupils)
{
    /// <summary>The name of the file it was read from, for the setting's list of uploads.</summary>
    public string? FileName { get; init; }
}

/// <summary>
/// Reads pupil rolls: a CSV with one row per pupil, or the DfE Common Transfer File (CTF) XML, of which only the
/// elements the person index and registrations need are read: the header's SourceSchool URN (with LEA and Estab),
/// and for each Pupil its UPN, Surname, Forename, DOB, Gender (Sex in later versions), BasicDetails/EnrolStatus,
/// Address (BS7666Address PAON/Street/Town or AddressLines) with PostCode, and the SchoolHistory entry date at
/// the sending school.
/// </summary>
public static class RollFiles
{
    public static readonly string[] CsvColumns =
        ["id", "upn", "given_name", "family_name", "date_of_birth", "sex", "postcode", "address", "start_date", "leaving_date", "enrol_status"];

    public static RollFile Read(string text, string fileName) =>
        fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('<') ? ReadCtf(text, fileName) : ReadCsv(text, fileName);

    public static RollFile ReadCsv(string text, string fileName)
    {
        var pupils = new List<RollPupil>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = false }).FromText(text);
            var first = true;
            foreach (var row in reader)
            {
                if (first)
                {
                    first = false;
                    for (var c = 0; c < CsvColumns.Length; c++)
                    {
                        var actual = c < row.ColCount ? row[c].ToString().Trim().TrimStart('\uFEFF') : "";
                        if (!string.Equals(actual, CsvColumns[c], StringComparison.OrdinalIgnoreCase))
                            throw new RollFileException($"{fileName}:1:{c + 1}: the header should be '{string.Join(',', CsvColumns)}'; column {c + 1} is '{actual}'");
                    }
                    continue;
                }
                var line = row.LineNumberFrom;
                if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
                if (row.ColCount != CsvColumns.Length)
                    throw new RollFileException($"{fileName}:{line}:1: expected {CsvColumns.Length} columns, found {row.ColCount}");
                var v = new string?[CsvColumns.Length];
                for (var c = 0; c < CsvColumns.Length; c++) { var t = row[c].ToString().Trim(); v[c] = t.Length == 0 ? null : t; }
                if (v[0] is null) throw new RollFileException($"{fileName}:{line}:1: the pupil's id is empty");
                if (!seen.Add(v[0]!)) throw new RollFileException($"{fileName}:{line}:1: the id '{v[0]}' appears twice");
                if (v[4] is { } dob && !Linkage.Files.PersonCsv.IsDateShape(dob))
                    throw new RollFileException($"{fileName}:{line}:5: the date of birth '{dob}' is not YYYY-MM-DD");
                pupils.Add(new RollPupil(v[0]!, v[1], v[2], v[3], v[4], ParseSex(v[5]), v[6], v[7], v[8], v[9], v[10]?.ToUpperInvariant(),
                    string.Join('\n', lines[0], lines[Math.Min(lines.Length - 1, line - 1)]), $"{fileName} line {line}"));
            }
            if (first) throw new RollFileException($"{fileName}:1:1: the file is empty; it needs the header line");
        }
        catch (InvalidDataException e)
        {
            throw new RollFileException($"{fileName}: {e.Message}");
        }
        return new RollFile(null, pupils) { FileName = fileName };
    }

    private static readonly XmlReaderSettings CtfReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
    };

    public static RollFile ReadCtf(string text, string fileName)
    {
        XDocument document;
        try
        {
            // A CTF has no DTD. One is refused outright: entities could expand a small upload into gigabytes ("billion
            // laughs") or read files and addresses of the server's (external entities).
            using var reader = XmlReader.Create(new StringReader(text), CtfReaderSettings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) { throw new RollFileException($"{fileName}:{e.LineNumber}:{e.LinePosition}: not well-formed XML: {e.Message}"); }

        var root = document.Root!;
        if (root.Name.LocalName != "CTfile") throw Problem(fileName, root, "a Common Transfer File starts with <CTfile>");
        var header = Child(root, "Header") ?? throw Problem(fileName, root, "the CTF has no <Header>");
        var source = Child(header, "SourceSchool") ?? throw Problem(fileName, header, "the header has no <SourceSchool>");
        var urn = Value(source, "URN");
        var estab = Value(source, "Estab");
        var pupilData = Child(root, "CTFpupilData") ?? throw Problem(fileName, root, "the CTF has no <CTFpupilData>");

        var pupils = new List<RollPupil>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pupil in pupilData.Elements().Where(e => e.Name.LocalName == "Pupil"))
        {
            var upn = Value(pupil, "UPN") ?? throw Problem(fileName, pupil, "a <Pupil> has no <UPN>");
            if (!seen.Add(upn)) throw Problem(fileName, pupil, $"the UPN {upn} appears twice");
            var details = Child(pupil, "BasicDetails");
            // Names and birth date sit directly under <Pupil>; some exports put legal names in <BasicDetails>.
            var surname = Value(pupil, "Surname") ?? (details is null ? null : Value(details, "LegalSurname"));
            var forename = Value(pupil, "Forename") ?? (details is null ? null : Value(details, "LegalForename"));
            var dob = Value(pupil, "DOB") ?? (details is null ? null : Value(details, "DOB"));
            if (dob is not null && !Linkage.Files.PersonCsv.IsDateShape(dob)) throw Problem(fileName, pupil, $"the DOB '{dob}' is not YYYY-MM-DD");
            var sex = Value(pupil, "Gender") ?? Value(pupil, "Sex") ?? (details is null ? null : Value(details, "Gender") ?? Value(details, "Sex"));
            var enrol = details is null ? null : Value(details, "EnrolStatus");
            var (address, postcode) = Address(Child(pupil, "Address"));
            var history = Child(pupil, "SchoolHistory")?.Elements().Where(e => e.Name.LocalName == "School")
                .FirstOrDefault(s => Value(s, "Estab") == estab && Value(s, "LeavingDate") is null);
            pupils.Add(new RollPupil(upn, upn, forename, surname, dob, ParseSex(sex), postcode, address,
                history is null ? null : Value(history, "EntryDate"), null, enrol?.ToUpperInvariant(), pupil.ToString(SaveOptions.DisableFormatting),
                $"{fileName} line {((IXmlLineInfo)pupil).LineNumber}"));
        }
        return new RollFile(urn, pupils) { FileName = fileName };
    }

    private static (string? Address, string? Postcode) Address(XElement? address)
    {
        if (address is null) return (null, null);
        var postcode = Value(address, "PostCode") ?? Value(address, "Postcode");
        var bs7666 = Child(address, "BS7666Address");
        List<string?> parts = bs7666 is not null
            ? [Value(bs7666, "SAON"), string.Join(' ', new[] { Value(bs7666, "PAON"), Value(bs7666, "Street") }.OfType<string>()), Value(bs7666, "Locality"), Value(bs7666, "Town")]
            : [.. Child(address, "AddressLines")?.Elements().Select(e => (string?)e.Value.Trim()) ?? []];
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return (text.Length == 0 ? null : text, postcode);
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Value(XElement parent, string name) => Child(parent, name)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static RollFileException Problem(string fileName, XElement at, string message)
    {
        var info = (IXmlLineInfo)at;
        return new RollFileException($"{fileName}:{info.LineNumber}:{info.LinePosition}: {message}");
    }

    private static Sex ParseSex(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "F" or "FEMALE" => Sex.Female,
        "M" or "MALE" => Sex.Male,
        _ => Sex.Unknown,
    };
}
