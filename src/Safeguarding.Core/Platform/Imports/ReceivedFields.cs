using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.Platform.Imports;

/// <summary>
/// Checks for the fields of records received from outside (a police incident, a missing-person report), each problem
/// named by the field's path and kept in <c>errors</c>, so that a sender fixes them all at once and the quarantine
/// holds every reason.
/// </summary>
public static class ReceivedFields
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;

    public static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>An ISO 8601 time with its offset, not in the future (a clock a few minutes fast is tolerated).</summary>
    public static Instant? Time(Dictionary<string, List<string>> errors, string field, string? value, string what, Instant now)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(errors, field, $"Enter {what}, with its offset (2026-11-06T21:40:00+00:00)"); return null; }
        var parsed = WithOffset.Parse(value.Trim());
        if (!parsed.Success) { Add(errors, field, $"Give {what} as an ISO 8601 time with its offset, such as 2026-11-06T21:40:00+00:00"); return null; }
        var instant = parsed.Value.ToInstant();
        // A time in the future is a typing mistake.
        if (instant > now + Duration.FromMinutes(15)) { Add(errors, field, $"The time {what} is in the future"); return null; }
        return instant;
    }

    public static LocalDate? BirthDate(Dictionary<string, List<string>> errors, string field, string? value, Instant now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        if (!parsed.Success) { Add(errors, field, "Date of birth must be a real date written YYYY-MM-DD"); return null; }
        if (parsed.Value > now.InUtc().Date) { Add(errors, field, "Date of birth must be in the past"); return null; }
        return parsed.Value;
    }

    public static void Name(Dictionary<string, List<string>> errors, string at, string? given, string? family)
    {
        if (string.IsNullOrWhiteSpace(given)) Add(errors, $"{at}.givenName", "Enter the given name");
        else Length(errors, $"{at}.givenName", given, 100);
        if (string.IsNullOrWhiteSpace(family)) Add(errors, $"{at}.familyName", "Enter the family name");
        else Length(errors, $"{at}.familyName", family, 100);
    }

    public static void Length(Dictionary<string, List<string>> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) Add(errors, field, $"Must be {max} characters or fewer");
    }
}
