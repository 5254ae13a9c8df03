using System.Text.RegularExpressions;

namespace Safeguarding.Core.Platform.Organisations;

/// <summary>Which identifier each kind of organisation must carry, and what it looks like.</summary>
public static partial class OrganisationRules
{
    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex UrnPattern();

    // ODS codes: GP practices are a letter and five digits (B86001); trusts and ICBs are 3 to 5 alphanumerics.
    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex OdsPattern();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex PoliceForcePattern();

    /// <summary>
    /// A partnership's schools and colleges by name: every one, or only the caller's own when
    /// <paramref name="onlyOrganisationId"/> is given (whoever acts for one setting, not the whole partnership).
    /// </summary>
    public static IQueryable<Organisation> SettingsOf(this IQueryable<Organisation> organisations, Guid partnershipId, Guid? onlyOrganisationId) =>
        organisations
            .Where(o => o.PartnershipId == partnershipId && (o.Type == OrganisationType.School || o.Type == OrganisationType.College))
            .Where(o => onlyOrganisationId == null || o.Id == onlyOrganisationId)
            .OrderBy(o => o.Name);

    public static bool NeedsUrn(OrganisationType type) => type is OrganisationType.School or OrganisationType.College;

    public static bool NeedsOdsCode(OrganisationType type) =>
        type is OrganisationType.GpPractice or OrganisationType.HospitalTrust or OrganisationType.MentalHealthTrust or OrganisationType.IntegratedCareBoard;

    public static bool NeedsPoliceForceCode(OrganisationType type) => type is OrganisationType.PoliceForce;

    /// <summary>Field name to message for every problem; empty when the organisation is valid.</summary>
    public static Dictionary<string, string> Validate(string? name, OrganisationType type, string? urn, string? odsCode, string? policeForceCode)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) errors["Name"] = "Enter the organisation's name";
        else if (name.Length > 200) errors["Name"] = "Name must be 200 characters or fewer";
        if (NeedsUrn(type) && (urn is null || !UrnPattern().IsMatch(urn))) errors["Urn"] = "Enter the school's URN, 6 digits, like 107980";
        if (NeedsOdsCode(type) && (odsCode is null || !OdsPattern().IsMatch(odsCode))) errors["OdsCode"] = "Enter the NHS ODS code, like B86001";
        if (NeedsPoliceForceCode(type) && (policeForceCode is null || !PoliceForcePattern().IsMatch(policeForceCode))) errors["PoliceForceCode"] = "Enter the police force code, 2 digits, like 13";
        return errors;
    }
}
