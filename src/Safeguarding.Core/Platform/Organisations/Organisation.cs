using NodaTime;

namespace Safeguarding.Core.Platform.Organisations;

public enum OrganisationType
{
    PoliceForce,
    CouncilService,
    School,
    College,
    GpPractice,
    HospitalTrust,
    MentalHealthTrust,
    IntegratedCareBoard,
    YouthJustice,
    VoluntarySector,
}

public enum SchoolPhase
{
    NotApplicable,
    Nursery,
    Primary,
    Secondary,
    AllThrough,
    Special,
    AlternativeProvision,
    SixteenPlus,
}

/// <summary>An agency, school, practice or service that acts inside a partnership.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    /// <summary>DfE unique reference number (6 digits) for schools and colleges.</summary>
    public string? Urn { get; set; }
    /// <summary>NHS Organisation Data Service code for GP practices, trusts and ICBs.</summary>
    public string? OdsCode { get; set; }
    /// <summary>Home Office police force code, e.g. "13" for West Yorkshire.</summary>
    public string? PoliceForceCode { get; set; }
    public SchoolPhase Phase { get; set; } = SchoolPhase.NotApplicable;
    /// <summary>Where the Front Door phones the setting when a notification is not acknowledged (a UK number, as typed).</summary>
    public string? PhoneNumber { get; set; }
    /// <summary>
    /// The organisation's safeguarding team's shared mailbox (its DSL's or safeguarding team's address), so that a
    /// message for the organisation reaches whoever is on duty, not only the user who acted: the Front Door's outcome
    /// emails go there. Content-free messages only.
    /// </summary>
    public string? SafeguardingMailbox { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>The identifier a person from that agency would quote, for lists and audit pages.</summary>
    public string? Identifier => Urn ?? OdsCode ?? PoliceForceCode;
}
