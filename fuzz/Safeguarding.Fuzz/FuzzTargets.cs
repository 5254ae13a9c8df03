using System.Text;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Census;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Fuzz;

/// <summary>
/// One fuzz target per file reader: each takes the bytes of a file and reads them as the product does. A reader
/// reports bad input in its documented way (its own exception naming file, line and column, or a problem in its
/// result), which is caught here; any other exception escapes, and is a finding. AFL++ runs these through
/// <see cref="Program"/>; the Core tests replay every file of fuzz/corpus through the same functions.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["incident"] = Incident,
        ["roll"] = Roll,
        ["ctf"] = Ctf,
        ["attendance"] = Attendance,
        ["calendar"] = Calendar,
        ["dash"] = Dash,
    };

    // A fixed clock and year, so that a corpus file gives the same result whenever it is replayed. Nothing from the
    // instrumented assemblies may run before SharpFuzz has set up its coverage map, so no Core type is made here.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);

    /// <summary>An Operation Encompass incident file, JSON or CSV (told apart as an upload is, by its name), each record then checked as the intake does.</summary>
    public static void Incident(byte[] bytes)
    {
        var text = Text(bytes);
        var name = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? "incidents.json" : "incidents.csv";
        try
        {
            foreach (var record in IncidentFiles.Read(text, name))
                if (record.Report is { } report) IncidentRules.Check(report, Now);
        }
        catch (IncidentFileException) { }
    }

    /// <summary>A pupil roll as uploaded: a CSV, or a CTF when it looks like XML.</summary>
    public static void Roll(byte[] bytes)
    {
        try { RollFiles.Read(Text(bytes), "roll.csv"); }
        catch (RollFileException) { }
    }

    /// <summary>A Common Transfer File.</summary>
    public static void Ctf(byte[] bytes)
    {
        try { RollFiles.ReadCtf(Text(bytes), "roll.xml"); }
        catch (RollFileException) { }
    }

    /// <summary>
    /// The attendance files: the same bytes read as an enrolment roll, a marks file (against two enrolments held and
    /// any the bytes enrolled), a suspensions file and a census file. Each reads only the file whose header it finds.
    /// </summary>
    public static void Attendance(byte[] bytes)
    {
        var text = Text(bytes);
        var year = new AcademicYear(2025);
        var problems = new List<RowProblem>();
        var enrolments = new Dictionary<string, Enrolment>(StringComparer.Ordinal);
        foreach (var held in new[] { ("B801200005001", "100001"), ("A801200005001", "100002") })
            enrolments[RegisterFiles.Key(held.Item1, held.Item2)] = new Enrolment { Upn = held.Item1, Urn = held.Item2, AcademicYear = year.StartYear, Sex = "F", YearGroup = "5", SenProvision = "N", Sessions = [1, 2, 3] };
        try
        {
            foreach (var e in RegisterFiles.ReadEnrolmentsText(text, year, problems, "roll.csv")) enrolments.TryAdd(RegisterFiles.Key(e.Upn, e.Urn), e);
        }
        catch (RegisterFileException) { }
        try { RegisterFiles.ApplyMarksText(text, year, enrolments, problems, "marks.csv"); }
        catch (RegisterFileException) { }
        try { RegisterFiles.ReadSuspensionsText(text, year, enrolments, problems, "suspensions.csv"); }
        catch (RegisterFileException) { }
        try { CensusHeadcounts.ReadText(text, year, problems, "census.csv"); }
        catch (RegisterFileException) { }
        foreach (var problem in problems) _ = problem.ToString();
    }

    /// <summary>
    /// A calendar: the form's three boxes (day start, terms, closures; separated in the bytes by form feeds) read by
    /// <see cref="CalendarText"/>, and the same bytes as a calendar.json file.
    /// </summary>
    public static void Calendar(byte[] bytes)
    {
        var parts = Text(bytes).Split('\f', 3);
        CalendarText.Read(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
        try { CalendarFile.Parse(bytes, "calendar.json"); }
        catch (CalendarFileException) { }
    }

    /// <summary>A DASH scoring input, read for each shipped checklist and scored, as <c>safeguard dash score</c> does.</summary>
    public static void Dash(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        foreach (var checklist in ShippedChecklists.List)
        {
            try { RiskScoring.Score(RiskScoringInputReader.Read(span, checklist, checklist.Thresholds ?? RiskThresholds.Default)); }
            catch (RiskScoringInputException) { }
        }
    }

    // Uploads are decoded as UTF-8, invalid bytes replaced.
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
