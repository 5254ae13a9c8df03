using System.Globalization;
using nietras.SeparatedValues;
using NodaTime;
using Safeguarding.Linkage;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>A row that was not accepted: where it is (1-based line and column), what it said, and why.</summary>
public sealed record RowProblem(string File, long Line, int Column, string Header, string Raw, string Problem)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Problem}";
}

/// <summary>A register mark replaced by a later one for the same session (in the same file or a later file).</summary>
public sealed record MarkReplaced(Enrolment Enrolment, int Session, byte OldCode, byte NewCode, string Source);

/// <summary>What a marks file did: rows read, marks that were new, marks that changed, marks already held.</summary>
public sealed class MarksResult
{
    public long Rows { get; internal set; }
    public long NewMarks { get; internal set; }
    public long Unchanged { get; internal set; }
    public List<MarkReplaced> Replaced { get; } = [];
    public HashSet<Enrolment> Changed { get; } = [];
}

/// <summary>
/// Reads the pupil roll, register marks and suspensions files. Columns are found by their header name (extra
/// columns ignored). Every bad row is reported with its line and column and the rest are kept; nothing is
/// partially applied from a bad row.
/// </summary>
public static class RegisterFiles
{
    public static readonly string[] EnrolmentColumns = ["upn", "urn", "date_of_birth", "sex", "year_group", "sen_provision", "sen_primary_need", "fsm"];
    public static readonly string[] MarkColumns = ["upn", "urn", "date", "session", "code"];
    public static readonly string[] SuspensionColumns = ["upn", "urn", "start_date", "sessions", "type", "reason"];

    public static readonly HashSet<string> PrimaryNeeds = ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA"];
    private static readonly HashSet<string> YearGroups = ["N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "X"];

    /// <summary>The key that joins marks and suspensions to their enrolment.</summary>
    public static string Key(ReadOnlySpan<char> upn, ReadOnlySpan<char> urn) => string.Concat(upn, ",", urn);

    /// <summary>Reads the roll for a year. A pupil listed twice at one school is a problem: the first row stands.</summary>
    public static List<Enrolment> ReadEnrolments(string path, AcademicYear year, List<RowProblem> problems, string? name = null)
    {
        name ??= Path.GetFileName(path);
        using var reader = Open(path, name);
        return ReadEnrolments(reader, year, problems, name);
    }

    /// <summary>Reads rows given as text (a header line, then rows): how a corrected row is checked on release from quarantine.</summary>
    public static List<Enrolment> ReadEnrolmentsText(string text, AcademicYear year, List<RowProblem> problems, string name)
    {
        using var reader = OpenText(text, name);
        return ReadEnrolments(reader, year, problems, name);
    }

    private static List<Enrolment> ReadEnrolments(SepReader reader, AcademicYear year, List<RowProblem> problems, string name)
    {
        var result = new List<Enrolment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columns = Columns(reader, EnrolmentColumns, name, required: ["upn", "urn", "date_of_birth"]);
        var header = reader.Header.ToString();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var raw = row.Span.ToString();
            if (IsBlank(row)) continue;
            var reasons = new List<(int Column, string Problem)>();
            var values = Values(row, columns);
            string Get(string column) => values[column];
            void Problem(string column, string problem) => reasons.Add((columns[column] + 1, problem));

            var upn = Get("upn").ToUpperInvariant();
            if (!UpnCheck.IsValid(upn)) Problem("upn", upn.Length == 13 ? $"the UPN '{upn}' has the wrong check letter." : $"'{upn}' is not a UPN (13 characters).");
            var urn = Get("urn");
            if (urn.Length is < 6 or > 7 || !urn.All(char.IsAsciiDigit)) Problem("urn", $"'{urn}' is not a school URN (6 or 7 digits).");
            LocalDate dob = default;
            var dobText = Get("date_of_birth");
            if (!TryDate(dobText, out dob) || dob > year.End || dob.Year < year.StartYear - 25)
                Problem("date_of_birth", $"'{dobText}' is not a date of birth (YYYY-MM-DD).");
            var sex = Get("sex").ToUpperInvariant();
            if (sex.Length == 0) sex = "U";
            if (sex is not ("F" or "M" or "U")) Problem("sex", $"the sex '{sex}' should be F, M or U.");
            var yearGroup = Get("year_group").ToUpperInvariant();
            if (!YearGroups.Contains(yearGroup)) Problem("year_group", $"'{yearGroup}' is not a year group (N1, N2, R, 1 to 14, or X).");
            var sen = Get("sen_provision").ToUpperInvariant();
            if (sen.Length == 0) sen = "N";
            if (sen is not ("E" or "K" or "N")) Problem("sen_provision", $"the SEN provision '{sen}' should be E, K or N.");
            var need = Get("sen_primary_need").ToUpperInvariant();
            if (need.Length > 0 && !PrimaryNeeds.Contains(need)) Problem("sen_primary_need", $"'{need}' is not a primary need code.");
            var fsmText = Get("fsm").ToLowerInvariant();
            bool fsm = fsmText is "1" or "true" or "y" or "yes";
            if (!fsm && fsmText is not ("" or "0" or "false" or "n" or "no")) Problem("fsm", $"free school meals '{fsmText}' should be true or false.");
            if (reasons.Count == 0 && !seen.Add(Key(upn, urn)))
                Problem("upn", $"the pupil {upn} is already on this file's roll for school {urn}.");
            if (reasons.Count > 0)
            {
                foreach (var (column, problem) in reasons) problems.Add(new RowProblem(name, line, column, header, raw, problem));
                continue;
            }
            result.Add(new Enrolment
            {
                Upn = upn, Urn = urn, AcademicYear = year.StartYear, DateOfBirth = dob, Sex = sex, YearGroup = yearGroup, SenProvision = sen,
                SenPrimaryNeed = need.Length == 0 ? null : need, Fsm = fsm,
            });
        }
        return result;
    }

    /// <summary>The academic year of the first mark with a readable date, so a marks file can say which year it is.</summary>
    public static AcademicYear? YearOfFirstMark(string path)
    {
        using var reader = Open(path, Path.GetFileName(path));
        var columns = Columns(reader, MarkColumns, Path.GetFileName(path), required: MarkColumns);
        foreach (var row in reader)
            if (columns["date"] < row.ColCount && TryDate(row[columns["date"]].Span.Trim(), out var date)) return AcademicYear.Containing(date);
        return null;
    }

    /// <summary>
    /// Applies a marks file to the enrolments (keyed by <see cref="Key"/>). Vectors are widened to the whole year while
    /// marks are applied and trimmed of trailing empty sessions afterwards. A later mark for a session replaces an
    /// earlier one and the replacement is returned; a mark equal to the one held changes nothing, so applying the same
    /// file twice changes nothing the second time.
    /// </summary>
    public static MarksResult ApplyMarks(string path, AcademicYear year, Dictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string? name = null)
    {
        name ??= Path.GetFileName(path);
        if (TryApplyMarksFast(path, year, enrolments, problems, name) is { } fast) return fast;
        using var reader = Open(path, name);
        return ApplyMarks(reader, year, enrolments, problems, name);
    }

    /// <summary>
    /// The fast reader (<see cref="MarksFileReader"/>), for plain comma-separated UTF-8; null, having changed nothing,
    /// for a file it cannot read exactly as Sep would (quotes, a lone CR, another separator or encoding).
    /// </summary>
    internal static MarksResult? TryApplyMarksFast(string path, AcademicYear year, Dictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string name, int blockSize = MarksFileReader.BlockSize)
    {
        MarkRules rules;
        string header;
        using (var reader = Open(path, name))
        {
            rules = new MarkRules(year, enrolments, Columns(reader, MarkColumns, name, required: MarkColumns));
            header = reader.Header.ToString();
            if (reader.Spec.Sep.Separator != ',') return null;
        }
        return MarksFileReader.TryApply(path, rules, header, problems, name, blockSize);
    }

    public static MarksResult ApplyMarksText(string text, AcademicYear year, Dictionary<string, Enrolment> enrolments, List<RowProblem> problems, string name)
    {
        using var reader = OpenText(text, name);
        return ApplyMarks(reader, year, enrolments, problems, name);
    }

    private static MarksResult ApplyMarks(SepReader reader, AcademicYear year, Dictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string name)
    {
        var result = new MarksResult();
        var working = new Dictionary<Enrolment, Working>(ReferenceEqualityComparer.Instance);
        var rules = new MarkRules(year, enrolments, Columns(reader, MarkColumns, name, required: MarkColumns));
        foreach (var row in reader)
        {
            if (row.ColCount < rules.Needed)
            {
                if (IsBlank(row)) continue;
                Problem(row, row.ColCount + 1, rules.TooFewColumns(row.ColCount));
                continue;
            }
            result.Rows++;
            if (!rules.TryMark(row[rules.Upn].Span.Trim(), row[rules.Urn].Span.Trim(), row[rules.Date].Span.Trim(), row[rules.Session].Span.Trim(),
                    row[rules.Code].Span.Trim(), out var enrolment, out var index, out var code, out var column, out var problem))
            {
                Problem(row, column, problem);
                continue;
            }
            if (!working.TryGetValue(enrolment, out var w)) working[enrolment] = w = new Working(enrolment.Sessions, year.MaxSessions);
            w.Apply(result, enrolment, index, code, name, row.LineNumberFrom);
        }
        Finish(working, result);
        return result;

        void Problem(SepReader.Row row, int column, string problem) =>
            problems.Add(new RowProblem(name, row.LineNumberFrom, column, reader.Header.ToString(), row.Span.ToString(), problem));
    }

    /// <summary>Writes the working copies back to their enrolments (in the order first marked) and records what changed.</summary>
    internal static void Finish(IEnumerable<KeyValuePair<Enrolment, Working>> working, MarksResult result)
    {
        foreach (var (enrolment, w) in working)
        {
            var trimmed = Trim(w.Sessions);
            if (!trimmed.AsSpan().SequenceEqual(enrolment.Sessions))
            {
                result.Changed.Add(enrolment);
                enrolment.Sessions = trimmed;
            }
            // A session whose mark ends where it started (the same file applied again) has no change to record.
            foreach (var r in w.Replaced)
                if (w.Original(r.Session) != trimmed.ElementAtOrDefault(r.Session)) result.Replaced.Add(r);
        }
    }

    /// <summary>
    /// The checks on one marks row, shared by both readers so that they accept the same rows and word the same
    /// problems: the row's mark (its enrolment, session number and code), or the column and reason it is refused.
    /// </summary>
    internal sealed class MarkRules
    {
        private readonly Dictionary<string, Enrolment>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly int[] _dayOfYear;
        private readonly int _firstDay;

        public MarkRules(AcademicYear year, Dictionary<string, Enrolment> enrolments, Dictionary<string, int> columns)
        {
            Year = year;
            Enrolments = enrolments;
            _lookup = enrolments.GetAlternateLookup<ReadOnlySpan<char>>();
            _dayOfYear = DayTable(year);
            _firstDay = year.Start.ToDateOnly().DayNumber;
            (Upn, Urn, Date, Session, Code) = (columns["upn"], columns["urn"], columns["date"], columns["session"], columns["code"]);
            Needed = new[] { Upn, Urn, Date, Session, Code }.Max() + 1;
        }

        public AcademicYear Year { get; }
        public Dictionary<string, Enrolment> Enrolments { get; }
        public int Upn { get; }
        public int Urn { get; }
        public int Date { get; }
        public int Session { get; }
        public int Code { get; }
        /// <summary>Columns a row needs: one past the last of the five.</summary>
        public int Needed { get; }

        /// <summary>The weekday number (0 from the first weekday of the year) of a day number, -1 at a weekend, -2 outside the year.</summary>
        public int DayOf(int dayNumber)
        {
            var offset = dayNumber - _firstDay;
            return (uint)offset < (uint)_dayOfYear.Length ? _dayOfYear[offset] : -2;
        }

        public string TooFewColumns(int found) => $"expected at least {Needed} columns, found {found}.";

        public bool TryMark(ReadOnlySpan<char> upn, ReadOnlySpan<char> urn, ReadOnlySpan<char> dateText, ReadOnlySpan<char> sessionText,
            ReadOnlySpan<char> codeText, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Enrolment? enrolment, out int index, out byte code,
            out int column, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
        {
            enrolment = null;
            index = 0;
            column = 0;
            problem = null;
            code = SessionCodes.ToByte(codeText);
            if (code == SessionCodes.None) return Refuse(Code, $"'{codeText}' is not a register code.", out column, out problem);
            bool afternoon;
            if (sessionText.Equals("AM", StringComparison.OrdinalIgnoreCase)) afternoon = false;
            else if (sessionText.Equals("PM", StringComparison.OrdinalIgnoreCase)) afternoon = true;
            else return Refuse(Session, $"the session '{sessionText}' should be AM or PM.", out column, out problem);
            if (!TryDayNumber(dateText, out var dayNumber)) return Refuse(Date, $"'{dateText}' is not a date (YYYY-MM-DD).", out column, out problem);
            var day = DayOf(dayNumber);
            if (day < 0)
                return Refuse(Date, day == -2
                    ? $"{dateText} is outside the academic year {Year.Name} ({Year.Start:yyyy-MM-dd} to {Year.End:yyyy-MM-dd})."
                    : $"{dateText} is a weekend: schools do not record sessions at weekends.", out column, out problem);
            Span<char> key = stackalloc char[64];
            if (upn.Length + urn.Length + 1 <= key.Length)
            {
                upn.CopyTo(key);
                key[upn.Length] = ',';
                urn.CopyTo(key[(upn.Length + 1)..]);
                _lookup.TryGetValue(key[..(upn.Length + urn.Length + 1)], out enrolment);
            }
            if (enrolment is null)
                return Refuse(Upn, UpnCheck.IsValid(upn)
                    ? $"no enrolment for pupil {upn} at school {urn}: marks need the pupil on the school's roll."
                    : upn.Length == 13 ? $"the UPN '{upn}' has the wrong check letter." : $"'{upn}' is not a UPN (13 characters).", out column, out problem);
            index = day * 2 + (afternoon ? 1 : 0);
            return true;
        }

        private static bool Refuse(int at, string why, out int column, out string problem)
        {
            column = at + 1;
            problem = why;
            return false;
        }
    }

    /// <summary>Reads suspensions and permanent exclusions; each must name a pupil on a school's roll.</summary>
    public static List<Suspension> ReadSuspensions(string path, AcademicYear year, IReadOnlyDictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string? name = null)
    {
        name ??= Path.GetFileName(path);
        using var reader = Open(path, name);
        return ReadSuspensions(reader, year, enrolments, problems, name);
    }

    public static List<Suspension> ReadSuspensionsText(string text, AcademicYear year, IReadOnlyDictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string name)
    {
        using var reader = OpenText(text, name);
        return ReadSuspensions(reader, year, enrolments, problems, name);
    }

    private static List<Suspension> ReadSuspensions(SepReader reader, AcademicYear year, IReadOnlyDictionary<string, Enrolment> enrolments,
        List<RowProblem> problems, string name)
    {
        var result = new List<Suspension>();
        var columns = Columns(reader, SuspensionColumns, name, required: ["upn", "urn", "start_date", "sessions", "type"]);
        var header = reader.Header.ToString();
        foreach (var row in reader)
        {
            if (IsBlank(row)) continue;
            var reasons = new List<(int, string)>();
            var values = Values(row, columns);
            string Get(string column) => values[column];
            var upn = Get("upn").ToUpperInvariant();
            var urn = Get("urn");
            if (!enrolments.TryGetValue(Key(upn, urn), out var enrolment))
                reasons.Add((columns["upn"] + 1, UpnCheck.IsValid(upn) ? $"no enrolment for pupil {upn} at school {urn}." : $"'{upn}' is not a valid UPN."));
            var dateText = Get("start_date");
            if (!TryDate(dateText, out var start) || !year.Contains(start))
                reasons.Add((columns["start_date"] + 1, $"'{dateText}' is not a date in the academic year {year.Name}."));
            var sessionsText = Get("sessions");
            // At most 45 school days (90 sessions) of suspension in a school year.
            if (!int.TryParse(sessionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var sessions) || sessions is < 1 or > 90)
                reasons.Add((columns["sessions"] + 1, $"sessions '{sessionsText}' should be a whole number from 1 to 90."));
            var type = Get("type").ToLowerInvariant();
            if (type is not ("suspension" or "permanent"))
                reasons.Add((columns["type"] + 1, $"the type '{type}' should be suspension or permanent."));
            if (reasons.Count > 0)
            {
                foreach (var (column, problem) in reasons) problems.Add(new RowProblem(name, row.LineNumberFrom, column, header, row.Span.ToString(), problem));
                continue;
            }
            var reason = Get("reason");
            result.Add(new Suspension
            {
                Upn = upn, Urn = urn, AcademicYear = year.StartYear, PersonId = enrolment!.PersonId, StartDate = start, Sessions = sessions,
                Permanent = type == "permanent", Reason = reason.Length == 0 ? "not given" : reason,
            });
        }
        return result;
    }

    public static byte[] Trim(ReadOnlySpan<byte> sessions)
    {
        var last = sessions.LastIndexOfAnyExcept(SessionCodes.None);
        return sessions[..(last + 1)].ToArray();
    }

    public static bool TryDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (!TryDayNumber(text, out var dayNumber)) return false;
        date = LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));
        return true;
    }

    /// <summary>YYYY-MM-DD to a day number, without allocating: this runs once per mark.</summary>
    internal static bool TryDayNumber(ReadOnlySpan<char> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return false;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        dayNumber = new DateOnly(y, m, d).DayNumber;
        return true;
    }

    /// <summary>For each day of the year from 1 September: its weekday number, or -1 at a weekend.</summary>
    internal static int[] DayTable(AcademicYear year)
    {
        var days = Period.Between(year.Start, year.End, PeriodUnits.Days).Days + 1;
        var table = new int[days];
        for (var i = 0; i < days; i++)
        {
            var date = year.Start.PlusDays(i);
            table[i] = AcademicYear.IsWeekend(date) ? -1 : year.SessionIndex(date, afternoon: false) / 2;
        }
        return table;
    }

    private static SepReader Open(string path, string name)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file.", path);
        return LearnerCsv.OpenFile(path, name);
    }

    private static Dictionary<string, string> Values(SepReader.Row row, Dictionary<string, int> columns)
    {
        var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var (column, at) in columns) values[column] = at >= 0 && at < row.ColCount ? row[at].Span.Trim().ToString() : "";
        return values;
    }

    private static SepReader OpenText(string text, string name) => LearnerCsv.OpenText(text, name);

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.Trim().Length == 0;

    /// <summary>Where each expected column is (-1 when an optional one is missing); throws naming the file when a required one is missing.</summary>
    private static Dictionary<string, int> Columns(SepReader reader, string[] expected, string name, string[] required)
    {
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in expected)
        {
            var at = names.IndexOf(column);
            if (at < 0 && required.Contains(column))
                throw new RegisterFileException($"{name}:1:1: the header has no '{column}' column; expected {string.Join(',', expected)}.");
            columns[column] = at;
        }
        return columns;
    }

    /// <summary>The working copy of one enrolment's marks while a file is applied.</summary>
    internal sealed class Working
    {
        private readonly byte[] _original;
        private readonly ulong[] _touched;

        public Working(byte[] stored, int maxSessions)
        {
            _original = stored;
            Sessions = new byte[Math.Max(maxSessions, stored.Length)];
            stored.CopyTo(Sessions, 0);
            _touched = new ulong[(Sessions.Length + 63) / 64];
        }

        public byte[] Sessions { get; }
        public List<MarkReplaced> Replaced { get; } = [];
        public bool Touched(int i) => (_touched[i >> 6] & (1UL << i)) != 0;
        public void Touch(int i) => _touched[i >> 6] |= 1UL << i;
        public byte Original(int i) => i < _original.Length ? _original[i] : SessionCodes.None;

        /// <summary>
        /// Applies one mark: a mark equal to the one held changes nothing; a later mark for a session replaces an earlier
        /// one, and the replacement is kept with the file and line it came from.
        /// </summary>
        public void Apply(MarksResult result, Enrolment enrolment, int index, byte code, string name, long line)
        {
            var current = Sessions[index];
            var touched = Touched(index);
            if (current == code)
            {
                if (!touched) { Touch(index); result.Unchanged++; }
                return;
            }
            if (current == SessionCodes.None && !touched) result.NewMarks++;
            else Replaced.Add(new MarkReplaced(enrolment, index, current, code, $"{name}:{line}"));
            if (!touched) Touch(index);
            Sessions[index] = code;
        }
    }
}

/// <summary>A file that cannot be read at all (no header, a missing column): its message names the file, line and column.</summary>
public sealed class RegisterFileException(string message) : Exception(message);
