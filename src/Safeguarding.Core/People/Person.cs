using NodaTime;

namespace Safeguarding.Core.People;

public enum Sex
{
    Unknown,
    Female,
    Male,
}

/// <summary>
/// A person known to the partnership (a child or an adult in their household). Synthetic in the demo.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The organisation that first recorded the person.</summary>
    public Guid? RecordedByOrganisationId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public LocalDate? DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    /// <summary>Sealed records are visible only to roles that may read them, or through break-glass.</summary>
    public bool IsSealed { get; set; }
    public Instant CreatedAt { get; set; }
    /// <summary>Set when this person was merged into another; cleared by an unmerge. Merged people are kept, not deleted.</summary>
    public Guid? MergedIntoPersonId { get; set; }

    public List<PersonLink> Links { get; set; } = [];

    public string FullName => $"{GivenName} {FamilyName}";
}

/// <summary>A household: people who live at one address.</summary>
public sealed class Household
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Address { get; set; }
    public required string Postcode { get; set; }
}

public enum PersonLinkKind
{
    RegisteredPupil,
    CollegeStudent,
    RegisteredPatient,
    OpenCase,
    Supervised,
}

/// <summary>
/// A relationship between a person and an organisation. Relationship-scoped roles (a school's Key Adult,
/// a GP practice) see a person only through one of these.
/// </summary>
public sealed class PersonLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public PersonLinkKind Kind { get; set; }
    public LocalDate From { get; set; }

    // Provenance: a relationship opens a child's record to an organisation, so how it was made is kept with it.
    /// <summary>How the link was made.</summary>
    public LinkMade Made { get; set; }
    /// <summary>The agency record that made it, when a record did.</summary>
    public Guid? SourceRecordId { get; set; }
    /// <summary>When it was made (none for links made before provenance was kept).</summary>
    public Instant? MadeAt { get; set; }
    /// <summary>Who made it: the sender of the record, or the practitioner who decided a held link or a merge.</summary>
    public Guid? MadeByUserId { get; set; }
}

/// <summary>How a link between a person and an organisation came to be.</summary>
public enum LinkMade
{
    /// <summary>Made before links carried their provenance, or recorded directly (demonstration data, case allocation).</summary>
    Unrecorded,
    /// <summary>The organisation's record started the person: the organisation knows only what it sent.</summary>
    RecordStartedPerson,
    /// <summary>The organisation's record matched a person no other setting holds, and the person is not sealed or protected.</summary>
    RecordMatched,
    /// <summary>A held link the council (Front Door or education lead) decided to make.</summary>
    HeldLinkApproved,
    /// <summary>Follows the organisation's records moved by a practitioner's merge, unmerge or match decision.</summary>
    Merge,
    /// <summary>A manager allocated the child to a worker of the organisation (People/ChildAllocations).</summary>
    Allocated,
}
