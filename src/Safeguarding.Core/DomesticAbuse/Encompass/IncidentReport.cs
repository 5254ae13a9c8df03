using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// An incident as a police system sends it (JSON through the API or a file; a CSV file is read into the same
/// shape). Every field is a string or a flag as sent, so that a bad value can be named and the record kept raw.
/// </summary>
public sealed record IncidentReport
{
    public string? PoliceReference { get; init; }
    public string? OccurredAt { get; init; }
    public string? ReportedAt { get; init; }
    public string? Postcode { get; init; }
    public string? Address { get; init; }
    public string? Category { get; init; }
    public string? Summary { get; init; }
    public List<ReportedAdult> Adults { get; init; } = [];
    public List<ReportedChild> Children { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A number or flag sent as text is a mistake to report, not something to guess at.
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The facts in a fixed form: two reports with the same fingerprint say the same thing.</summary>
    public string Fingerprint()
    {
        var canonical = JsonSerializer.Serialize(this with
        {
            PoliceReference = PoliceReference?.Trim(),
            Children = [.. Children.OrderBy(c => c.Key())],
            Adults = [.. Adults.OrderBy(a => $"{a.Role}|{a.FamilyName}|{a.GivenName}|{a.DateOfBirth}", StringComparer.Ordinal)],
        }, Json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public sealed record ReportedAdult
{
    /// <summary>Victim or PersonCausingHarm.</summary>
    public string? Role { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
}

public sealed record ReportedChild
{
    /// <summary>The police system's own id for the child, when it has one: keeps the child the same across versions.</summary>
    public string? Id { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Relationship { get; init; }
    public bool Present { get; init; }
    public bool SawOrHeard { get; init; }
    public bool Resident { get; init; }
    public bool SpokenTo { get; init; }
    public string? WhatTheySaid { get; init; }
    public string? SchoolNamed { get; init; }

    /// <summary>Who this child is across versions of the incident: the police id, else name and birth date.</summary>
    public string Key() => !string.IsNullOrWhiteSpace(Id)
        ? $"id:{Id.Trim()}"
        : $"{GivenName?.Trim().ToUpperInvariant()}|{FamilyName?.Trim().ToUpperInvariant()}|{DateOfBirth?.Trim()}";
}

/// <summary>A report checked field by field: the values to store, or the problems, keyed by the field's path.</summary>
public sealed class CheckedReport
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public Instant OccurredAt { get; set; }
    public Instant ReportedAt { get; set; }
    public DomesticAbuseCategory Category { get; set; }
    public List<(ReportedAdult Adult, IncidentAdultRole Role, LocalDate? DateOfBirth)> Adults { get; } = [];
    public List<(ReportedChild Child, People.Sex Sex, LocalDate? DateOfBirth)> Children { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public IEnumerable<string> Reasons => Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));

    internal void Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        list.Add(message);
    }
}

public static class IncidentRules
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;

    /// <summary>Reads a JSON body; null with a reason when it is not a JSON object of the right shape.</summary>
    public static IncidentReport? Parse(string json, out string? problem)
    {
        problem = null;
        try
        {
            var report = JsonSerializer.Deserialize<IncidentReport>(json, IncidentReport.Json);
            if (report is null) problem = "Send one incident as a JSON object.";
            return report is null ? null : report with { Adults = report.Adults ?? [], Children = report.Children ?? [] };
        }
        catch (JsonException e)
        {
            problem = $"Not a valid incident: {e.Message}";
            return null;
        }
    }

    /// <summary>Checks every field, naming each problem, so the sender can fix them all at once.</summary>
    public static CheckedReport Check(IncidentReport r, Instant now)
    {
        var result = new CheckedReport();
        if (string.IsNullOrWhiteSpace(r.PoliceReference)) result.Add("policeReference", "Enter the police reference");
        else if (r.PoliceReference.Trim().Length > 64) result.Add("policeReference", "Police reference must be 64 characters or fewer");

        var occurred = Time(result, "occurredAt", r.OccurredAt, "when the incident happened", now);
        var reported = Time(result, "reportedAt", r.ReportedAt, "when it was reported to police", now);
        if (occurred is { } o && reported is { } rep && o > rep) result.Add("occurredAt", "The incident cannot have happened after it was reported");
        result.OccurredAt = occurred ?? default;
        result.ReportedAt = reported ?? default;

        if (!Enum.TryParse<DomesticAbuseCategory>(r.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category) || int.TryParse(r.Category, out _))
            result.Add("category", $"Category must be one of {string.Join(", ", Enum.GetNames<DomesticAbuseCategory>())}");
        result.Category = category;
        Length(result, "postcode", r.Postcode, 10);
        Length(result, "address", r.Address, 300);
        Length(result, "summary", r.Summary, 4000);

        for (var i = 0; i < r.Adults.Count; i++)
        {
            var a = r.Adults[i];
            var at = $"adults[{i}]";
            if (!Enum.TryParse<IncidentAdultRole>(a.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(a.Role, out _))
                result.Add($"{at}.role", "Role must be Victim or PersonCausingHarm");
            Name(result, at, a.GivenName, a.FamilyName);
            var dob = BirthDate(result, $"{at}.dateOfBirth", a.DateOfBirth, now);
            Length(result, $"{at}.address", a.Address, 300);
            Length(result, $"{at}.postcode", a.Postcode, 10);
            result.Adults.Add((a, role, dob));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.Children.Count; i++)
        {
            var c = r.Children[i];
            var at = $"children[{i}]";
            Name(result, at, c.GivenName, c.FamilyName);
            var dob = BirthDate(result, $"{at}.dateOfBirth", c.DateOfBirth, now);
            if (dob is { } d && reported is { } rep2 && Period.Between(d, rep2.InUtc().Date, PeriodUnits.Years).Years >= 18)
                result.Add($"{at}.dateOfBirth", "The child was 18 or over when the incident was reported: record them as an adult");
            var sex = People.Sex.Unknown;
            if (!string.IsNullOrWhiteSpace(c.Sex) && (!Enum.TryParse(c.Sex, ignoreCase: true, out sex) || int.TryParse(c.Sex, out _)))
                result.Add($"{at}.sex", "Sex must be Female, Male or Unknown");
            Length(result, $"{at}.address", c.Address, 300);
            Length(result, $"{at}.postcode", c.Postcode, 10);
            Length(result, $"{at}.relationship", c.Relationship, 200);
            Length(result, $"{at}.whatTheySaid", c.WhatTheySaid, 4000);
            Length(result, $"{at}.schoolNamed", c.SchoolNamed, 200);
            Length(result, $"{at}.id", c.Id, 100);
            if (!c.SpokenTo && !string.IsNullOrWhiteSpace(c.WhatTheySaid))
                result.Add($"{at}.whatTheySaid", "What the child said is given, but the child is not marked as spoken to");
            if (!keys.Add(c.Key())) result.Add($"{at}", "The same child is listed twice");
            result.Children.Add((c, sex, dob));
        }
        return result;
    }

    private static Instant? Time(CheckedReport result, string field, string? value, string what, Instant now)
    {
        if (string.IsNullOrWhiteSpace(value)) { result.Add(field, $"Enter {what}, with its offset (2026-11-06T21:40:00+00:00)"); return null; }
        var parsed = WithOffset.Parse(value.Trim());
        if (!parsed.Success) { result.Add(field, $"Give {what} as an ISO 8601 time with its offset, such as 2026-11-06T21:40:00+00:00"); return null; }
        var instant = parsed.Value.ToInstant();
        // A clock a few minutes fast is tolerated; a time in the future is a typing mistake.
        if (instant > now + Duration.FromMinutes(15)) { result.Add(field, $"The time {what} is in the future"); return null; }
        return instant;
    }

    private static LocalDate? BirthDate(CheckedReport result, string field, string? value, Instant now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        if (!parsed.Success) { result.Add(field, "Date of birth must be a real date written YYYY-MM-DD"); return null; }
        if (parsed.Value > now.InUtc().Date) { result.Add(field, "Date of birth must be in the past"); return null; }
        return parsed.Value;
    }

    private static void Name(CheckedReport result, string at, string? given, string? family)
    {
        if (string.IsNullOrWhiteSpace(given)) result.Add($"{at}.givenName", "Enter the given name");
        else Length(result, $"{at}.givenName", given, 100);
        if (string.IsNullOrWhiteSpace(family)) result.Add($"{at}.familyName", "Enter the family name");
        else Length(result, $"{at}.familyName", family, 100);
    }

    private static void Length(CheckedReport result, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) result.Add(field, $"Must be {max} characters or fewer");
    }
}
