using System.Text.Json;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// <c>measures.json</c>: <c>{"overall": {...}, "schools": {"&lt;urn&gt;": {...}}}</c>, each with the integer sums and the
/// unrounded percentages. Only enrolments that count (in scope, at least one possible session) are in it; a school
/// with none is left out.
/// </summary>
public static class MeasuresJson
{
    public static void Write(AttendanceFigures figures, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("overall");
        Write(json, figures.Overall);
        json.WriteStartObject("schools");
        foreach (var (urn, tally) in figures.Schools)
        {
            if (tally.Enrolments == 0) continue;
            json.WritePropertyName(urn);
            Write(json, tally);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter json, AbsenceTally t)
    {
        json.WriteStartObject();
        json.WriteNumber("enrolments", t.Enrolments);
        json.WriteNumber("possible_sessions", t.PossibleSessions);
        json.WriteNumber("present_sessions", t.PresentSessions);
        json.WriteNumber("authorised_absence_sessions", t.AuthorisedAbsenceSessions);
        json.WriteNumber("unauthorised_absence_sessions", t.UnauthorisedAbsenceSessions);
        json.WriteNumber("persistent_absentees", t.PersistentAbsentees);
        json.WriteNumber("severe_absentees", t.SevereAbsentees);
        json.WriteNumber("overall_absence_rate", t.OverallAbsenceRate);
        json.WriteNumber("authorised_absence_rate", t.AuthorisedAbsenceRate);
        json.WriteNumber("unauthorised_absence_rate", t.UnauthorisedAbsenceRate);
        json.WriteNumber("persistent_absence_rate", t.PersistentAbsenceRate);
        json.WriteNumber("severe_absence_rate", t.SevereAbsenceRate);
        json.WriteEndObject();
    }
}
