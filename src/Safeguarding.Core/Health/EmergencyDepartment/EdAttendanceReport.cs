using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Imports;

namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>
/// One emergency department attendance as a hospital sends it (the API's JSON, or a CSV row read into the same shape).
/// Every field is text as sent (JSON booleans and numbers are read as text too), so a bad value can be named and the
/// attendance kept raw in the quarantine.
/// </summary>
public sealed record EdAttendanceReport
{
    public string? AttendanceReference { get; init; }
    public string? ArrivedAt { get; init; }
    public string? NhsNumber { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? Postcode { get; init; }
    // The Emergency Care Data Set fields, SNOMED CT concept ids.
    public string? ChiefComplaintCode { get; init; }
    public string? InjuryIntentCode { get; init; }
    public string? InjuryMechanismCode { get; init; }
    public string? DischargeDestinationCode { get; init; }
    // What the young person said about their education.
    public string? EducationSettingUrn { get; init; }
    public string? EducationSettingName { get; init; }
    /// <summary>"true" when the young person named no school, college or nursery.</summary>
    public string? NoEducationSetting { get; init; }
    /// <summary>For a 16 to 18-year-old: "true" when in employment or training.</summary>
    public string? InEmploymentOrTraining { get; init; }
    /// <summary>The department's advice to a young person not in education, employment or training.</summary>
    public string? EdAdvice { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new TextOfAnyValue() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The facts in a fixed form: two reports with the same fingerprint say the same thing.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this with
    {
        AttendanceReference = Clean(AttendanceReference), NhsNumber = Clean(NhsNumber)?.Replace(" ", "", StringComparison.Ordinal),
    }, Json))));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Reads a JSON string, boolean or number as its text, so "true" and true are the same answer.</summary>
    private sealed class TextOfAnyValue : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException("Each field is a string, a number or true/false."),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>An attendance checked field by field: the values to store, or the problems keyed by the field's name.</summary>
public sealed class CheckedEdAttendance
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public string Reference { get; set; } = "";
    public Instant ArrivedAt { get; set; }
    public LocalDate ArrivedOn { get; set; }
    public string NhsNumber { get; set; } = "";
    public LocalDate DateOfBirth { get; set; }
    public int AgeAtArrival { get; set; }
    public Sex Sex { get; set; }
    public bool? NoEducationSetting { get; set; }
    public bool? InEmploymentOrTraining { get; set; }
    public bool IsValid => Errors.Count == 0;
    public IEnumerable<string> Reasons => Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
}

public static class EdAttendanceRules
{
    /// <summary>Only attendances of people under this age on arrival are sent.</summary>
    public const int AgeLimit = 26;

    public static EdAttendanceReport? Parse(string json, out string? problem)
    {
        problem = null;
        try
        {
            var report = JsonSerializer.Deserialize<EdAttendanceReport>(json, EdAttendanceReport.Json);
            if (report is null) problem = "Send one attendance as a JSON object.";
            return report;
        }
        catch (JsonException e)
        {
            problem = $"Not a valid attendance: {e.Message}";
            return null;
        }
    }

    /// <summary>Checks every field, naming each problem, so the hospital can fix them all at once.</summary>
    public static CheckedEdAttendance Check(EdAttendanceReport r, Instant now)
    {
        var result = new CheckedEdAttendance();
        var errors = result.Errors;
        if (string.IsNullOrWhiteSpace(r.AttendanceReference)) ReceivedFields.Add(errors, "attendanceReference", "Enter the attendance reference");
        else ReceivedFields.Length(errors, "attendanceReference", r.AttendanceReference, 64);
        result.Reference = r.AttendanceReference?.Trim() ?? "";

        var arrived = ReceivedFields.Time(errors, "arrivedAt", r.ArrivedAt, "the arrival time", now);
        if (arrived is { } at)
        {
            result.ArrivedAt = at;
            result.ArrivedOn = at.InZone(SchoolDays.London).Date;
        }

        var nhs = r.NhsNumber?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(nhs)) ReceivedFields.Add(errors, "nhsNumber", "Enter the NHS number");
        else if (!People.NhsNumber.IsValid(nhs)) ReceivedFields.Add(errors, "nhsNumber", "NHS number must be 10 digits with a valid check digit");
        result.NhsNumber = nhs ?? "";

        if (string.IsNullOrWhiteSpace(r.GivenName)) ReceivedFields.Add(errors, "givenName", "Enter the given name");
        else ReceivedFields.Length(errors, "givenName", r.GivenName, 100);
        if (string.IsNullOrWhiteSpace(r.FamilyName)) ReceivedFields.Add(errors, "familyName", "Enter the family name");
        else ReceivedFields.Length(errors, "familyName", r.FamilyName, 100);
        if (string.IsNullOrWhiteSpace(r.DateOfBirth)) ReceivedFields.Add(errors, "dateOfBirth", "Enter the date of birth");
        else if (ReceivedFields.BirthDate(errors, "dateOfBirth", r.DateOfBirth, now) is { } dob)
        {
            result.DateOfBirth = dob;
            if (arrived is not null)
            {
                result.AgeAtArrival = Period.Between(dob, result.ArrivedOn, PeriodUnits.Years).Years;
                if (dob > result.ArrivedOn) ReceivedFields.Add(errors, "dateOfBirth", "The date of birth is after the arrival");
                else if (result.AgeAtArrival >= AgeLimit)
                    ReceivedFields.Add(errors, "dateOfBirth", $"The person was {AgeLimit} or over on arrival: only attendances of people under {AgeLimit} are sent");
            }
        }
        var sex = Sex.Unknown;
        if (!string.IsNullOrWhiteSpace(r.Sex) && (!Enum.TryParse(r.Sex, ignoreCase: true, out sex) || int.TryParse(r.Sex, out _)))
            ReceivedFields.Add(errors, "sex", "Sex must be Female, Male or Unknown");
        result.Sex = sex;
        ReceivedFields.Length(errors, "postcode", r.Postcode, 10);

        Code(errors, "chiefComplaintCode", r.ChiefComplaintCode);
        Code(errors, "injuryIntentCode", r.InjuryIntentCode);
        Code(errors, "injuryMechanismCode", r.InjuryMechanismCode);
        Code(errors, "dischargeDestinationCode", r.DischargeDestinationCode);

        if (!string.IsNullOrWhiteSpace(r.EducationSettingUrn) && !(r.EducationSettingUrn.Trim() is { Length: 6 or 7 } urn && urn.All(char.IsAsciiDigit)))
            ReceivedFields.Add(errors, "educationSettingUrn", "The setting's URN is 6 or 7 digits");
        ReceivedFields.Length(errors, "educationSettingName", r.EducationSettingName, 200);
        result.NoEducationSetting = YesNo(errors, "noEducationSetting", r.NoEducationSetting);
        result.InEmploymentOrTraining = YesNo(errors, "inEmploymentOrTraining", r.InEmploymentOrTraining);
        var named = !string.IsNullOrWhiteSpace(r.EducationSettingUrn) || !string.IsNullOrWhiteSpace(r.EducationSettingName);
        if (named && result.NoEducationSetting == true)
            ReceivedFields.Add(errors, "noEducationSetting", "A setting is named, so noEducationSetting cannot be true");
        ReceivedFields.Length(errors, "edAdvice", r.EdAdvice, 2000);
        return result;
    }

    /// <summary>A SNOMED CT concept id: digits only, at most 18. Any such code is kept; one this product does not read is never refused.</summary>
    private static void Code(Dictionary<string, List<string>> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var code = value.Trim();
        if (code.Length is < 6 or > 18 || !code.All(char.IsAsciiDigit)) ReceivedFields.Add(errors, field, "A SNOMED CT code is 6 to 18 digits");
    }

    private static bool? YesNo(Dictionary<string, List<string>> errors, string field, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "": return null;
            case "true" or "yes": return true;
            case "false" or "no": return false;
            default: ReceivedFields.Add(errors, field, "Answer true or false"); return null;
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
