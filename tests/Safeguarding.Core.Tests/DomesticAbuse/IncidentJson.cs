using System.Text.Json;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>Incidents in the API's JSON shape, for a child the index knows through a school's record.</summary>
public static class IncidentJson
{
    public static string NewReference() => $"AV-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public static object Child(SourceRecord pupil, bool present = true, string? said = null) => new
    {
        givenName = pupil.GivenName, familyName = pupil.FamilyName, dateOfBirth = pupil.DateOfBirth, sex = pupil.Sex.ToString(),
        postcode = pupil.Postcode, address = pupil.Address, relationship = "child of victim", present, sawOrHeard = true, resident = true,
        spokenTo = said is not null, whatTheySaid = said,
    };

    public static object Child(string given, string family, string dob, string postcode = "AV1 9ZZ") => new
    {
        givenName = given, familyName = family, dateOfBirth = dob, sex = "Unknown", postcode, present = false, sawOrHeard = false, resident = true, spokenTo = false,
    };

    public static string Incident(string reference, string summary, params object[] children) => JsonSerializer.Serialize(new
    {
        policeReference = reference,
        occurredAt = "2026-11-06T21:10:00+00:00",
        reportedAt = "2026-11-06T21:40:00+00:00",
        postcode = "AV1 1AA",
        address = "1 Example Street, Aire Valley",
        category = "Physical",
        summary,
        adults = new object[]
        {
            new { role = "Victim", givenName = "Alex", familyName = "Example", dateOfBirth = "1990-02-03" },
            new { role = "PersonCausingHarm", givenName = "Sam", familyName = "Example", dateOfBirth = "1988-07-08" },
        },
        children,
    });
}
