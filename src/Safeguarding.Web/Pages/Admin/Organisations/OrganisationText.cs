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

    /// <summary>A school's phase as the DfE's Get Information about Schools names it, never the code's name ("SixteenPlus").</summary>
    public static string Phase(SchoolPhase phase) => phase switch
    {
        SchoolPhase.NotApplicable => "Not a school",
        SchoolPhase.Nursery => "Nursery",
        SchoolPhase.Primary => "Primary",
        SchoolPhase.Secondary => "Secondary",
        SchoolPhase.AllThrough => "All-through",
        SchoolPhase.Special => "Special school",
        SchoolPhase.AlternativeProvision => "Alternative provision",
        SchoolPhase.SixteenPlus => "16 plus",
        _ => phase.ToString(),
    };

    public static string Identifier(Organisation o) =>
        o.Urn is not null ? $"URN {o.Urn}" : o.OdsCode is not null ? $"ODS {o.OdsCode}" : o.PoliceForceCode is not null ? $"Force {o.PoliceForceCode}" : "";
}
