using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>A file that cannot be read at all, naming the file, line and column; nothing in it is taken.</summary>
public sealed class EdAttendanceFileException(string message) : Exception(message);

/// <summary>
/// A hospital's attendance file: CSV, one attendance a row, in the API's fields (snake_case). Read with the learners'
/// small-file reader (columns by header name, file:line:column on problems); each row keeps the header with it, so a
/// quarantined row can be read again on its own.
/// </summary>
public static class EdAttendanceFiles
{
    public static readonly string[] Columns =
    [
        "attendance_reference", "arrived_at", "nhs_number", "given_name", "family_name", "date_of_birth", "sex", "postcode",
        "chief_complaint_code", "injury_intent_code", "injury_mechanism_code", "discharge_destination_code",
        "education_setting_urn", "education_setting_name", "no_education_setting", "in_employment_or_training", "ed_advice",
    ];

    private static readonly string[] Required = ["attendance_reference", "arrived_at", "nhs_number", "given_name", "family_name", "date_of_birth"];

    /// <summary>The report's field names, as the rules name them, and the column each comes from.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["attendanceReference"] = "attendance_reference", ["arrivedAt"] = "arrived_at", ["nhsNumber"] = "nhs_number", ["givenName"] = "given_name",
        ["familyName"] = "family_name", ["dateOfBirth"] = "date_of_birth", ["sex"] = "sex", ["postcode"] = "postcode",
        ["chiefComplaintCode"] = "chief_complaint_code", ["injuryIntentCode"] = "injury_intent_code", ["injuryMechanismCode"] = "injury_mechanism_code",
        ["dischargeDestinationCode"] = "discharge_destination_code", ["educationSettingUrn"] = "education_setting_urn",
        ["educationSettingName"] = "education_setting_name", ["noEducationSetting"] = "no_education_setting",
        ["inEmploymentOrTraining"] = "in_employment_or_training", ["edAdvice"] = "ed_advice",
    };

    public static IReadOnlyList<(string Where, EdAttendanceToReceive Row)> Read(string text, string fileName)
    {
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new EdAttendanceFileException($"{fileName}:1:1: an attendance file is a CSV file whose first line names the columns: {string.Join(',', Columns)}");
        string header;
        List<CsvRow> rows;
        try
        {
            (header, rows) = LearnerCsv.ReadText(text, fileName, Columns, Required);
        }
        catch (RegisterFileException e)
        {
            throw new EdAttendanceFileException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new EdAttendanceFileException($"{fileName}:1:1: {e.Message}");
        }
        return [.. rows.Select(row =>
        {
            var report = new EdAttendanceReport
            {
                AttendanceReference = Blank(row["attendance_reference"]), ArrivedAt = Blank(row["arrived_at"]), NhsNumber = Blank(row["nhs_number"]),
                GivenName = Blank(row["given_name"]), FamilyName = Blank(row["family_name"]), DateOfBirth = Blank(row["date_of_birth"]),
                Sex = Blank(row["sex"]), Postcode = Blank(row["postcode"]), ChiefComplaintCode = Blank(row["chief_complaint_code"]),
                InjuryIntentCode = Blank(row["injury_intent_code"]), InjuryMechanismCode = Blank(row["injury_mechanism_code"]),
                DischargeDestinationCode = Blank(row["discharge_destination_code"]), EducationSettingUrn = Blank(row["education_setting_urn"]),
                EducationSettingName = Blank(row["education_setting_name"]), NoEducationSetting = Blank(row["no_education_setting"]),
                InEmploymentOrTraining = Blank(row["in_employment_or_training"]), EdAdvice = Blank(row["ed_advice"]),
            };
            var where = $"{fileName} line {row.Line}";
            string Locate(string field) => $"{fileName}:{row.Line}:{(ColumnOfField.TryGetValue(field, out var column) ? row.ColumnOf(column) : 1)}";
            return (where, new EdAttendanceToReceive($"{header}\n{row.Raw}", report, null, where, Locate));
        })];
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
