using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Safeguarding.Core.Platform.Imports;

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

        var occurred = ReceivedFields.Time(result.Errors, "occurredAt", r.OccurredAt, "when the incident happened", now);
        var reported = ReceivedFields.Time(result.Errors, "reportedAt", r.ReportedAt, "when it was reported to police", now);
        if (occurred is { } o && reported is { } rep && o > rep) result.Add("occurredAt", "The incident cannot have happened after it was reported");
        result.OccurredAt = occurred ?? default;
        result.ReportedAt = reported ?? default;

        if (!Enum.TryParse<DomesticAbuseCategory>(r.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category) || int.TryParse(r.Category, out _))
            result.Add("category", $"Category must be one of {string.Join(", ", Enum.GetNames<DomesticAbuseCategory>())}");
        result.Category = category;
        ReceivedFields.Length(result.Errors, "postcode", r.Postcode, 10);
        ReceivedFields.Length(result.Errors, "address", r.Address, 300);
        ReceivedFields.Length(result.Errors, "summary", r.Summary, 4000);

        for (var i = 0; i < r.Adults.Count; i++)
        {
            var a = r.Adults[i];
            var at = $"adults[{i}]";
            if (!Enum.TryParse<IncidentAdultRole>(a.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(a.Role, out _))
                result.Add($"{at}.role", "Role must be Victim or PersonCausingHarm");
            ReceivedFields.Name(result.Errors, at, a.GivenName, a.FamilyName);
            var dob = ReceivedFields.BirthDate(result.Errors, $"{at}.dateOfBirth", a.DateOfBirth, now);
            ReceivedFields.Length(result.Errors, $"{at}.address", a.Address, 300);
            ReceivedFields.Length(result.Errors, $"{at}.postcode", a.Postcode, 10);
            result.Adults.Add((a, role, dob));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.Children.Count; i++)
        {
            var c = r.Children[i];
            var at = $"children[{i}]";
            ReceivedFields.Name(result.Errors, at, c.GivenName, c.FamilyName);
            var dob = ReceivedFields.BirthDate(result.Errors, $"{at}.dateOfBirth", c.DateOfBirth, now);
            if (dob is { } d && reported is { } rep2 && Period.Between(d, rep2.InUtc().Date, PeriodUnits.Years).Years >= 18)
                result.Add($"{at}.dateOfBirth", "The child was 18 or over when the incident was reported: record them as an adult");
            var sex = People.Sex.Unknown;
            if (!string.IsNullOrWhiteSpace(c.Sex) && (!Enum.TryParse(c.Sex, ignoreCase: true, out sex) || int.TryParse(c.Sex, out _)))
                result.Add($"{at}.sex", "Sex must be Female, Male or Unknown");
            ReceivedFields.Length(result.Errors, $"{at}.address", c.Address, 300);
            ReceivedFields.Length(result.Errors, $"{at}.postcode", c.Postcode, 10);
            ReceivedFields.Length(result.Errors, $"{at}.relationship", c.Relationship, 200);
            ReceivedFields.Length(result.Errors, $"{at}.whatTheySaid", c.WhatTheySaid, 4000);
            ReceivedFields.Length(result.Errors, $"{at}.schoolNamed", c.SchoolNamed, 200);
            ReceivedFields.Length(result.Errors, $"{at}.id", c.Id, 100);
            if (!c.SpokenTo && !string.IsNullOrWhiteSpace(c.WhatTheySaid))
                result.Add($"{at}.whatTheySaid", "What the child said is given, but the child is not marked as spoken to");
            if (!keys.Add(c.Key())) result.Add($"{at}", "The same child is listed twice");
            result.Children.Add((c, sex, dob));
        }
        return result;
    }
}
