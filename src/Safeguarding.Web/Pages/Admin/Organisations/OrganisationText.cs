using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Web.Pages.Admin.Organisations;

/// <summary>How organisation types and identifiers read to people.</summary>
public static class OrganisationText
{
    public static string Type(OrganisationType type) => type switch
    {
        OrganisationType.PoliceForce => "Police force",
        OrganisationType.CouncilService => "Council service",
        OrganisationType.School => "School",
        OrganisationType.College => "College",
        OrganisationType.GpPractice => "GP practice",
        OrganisationType.HospitalTrust => "Hospital trust",
        OrganisationType.MentalHealthTrust => "Mental health trust",
        OrganisationType.IntegratedCareBoard => "Integrated care board",
        OrganisationType.YouthJustice => "Youth justice service",
        OrganisationType.VoluntarySector => "Voluntary sector",
        _ => type.ToString(),
    };

    public static string Identifier(Organisation o) =>
        o.Urn is not null ? $"URN {o.Urn}" : o.OdsCode is not null ? $"ODS {o.OdsCode}" : o.PoliceForceCode is not null ? $"Force {o.PoliceForceCode}" : "";
}
