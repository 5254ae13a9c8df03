using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// One version of a police domestic-abuse incident, as received. A correction or a child added later arrives as
/// a new version (same police reference, next number); earlier versions are kept unchanged.
/// </summary>
public sealed class DomesticIncident
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The police force (organisation) that sent it.</summary>
    public Guid ForceOrganisationId { get; set; }
    public required string PoliceReference { get; set; }
    public int Version { get; set; } = 1;
    /// <summary>Whether this is the newest version of the incident.</summary>
    public bool IsLatest { get; set; } = true;
    public Instant OccurredAt { get; set; }
    /// <summary>When it was reported to police: the Encompass clock starts here. The offset as sent is in <see cref="Received"/>.</summary>
    public Instant ReportedAt { get; set; }
    public string? Postcode { get; set; }
    public string? Address { get; set; }
    public DomesticAbuseCategory Category { get; set; }
    /// <summary>The officer's brief summary of the circumstances.</summary>
    public string? Summary { get; set; }
    /// <summary>A hash of the facts in a fixed form: a resubmission with the same fingerprint changes nothing.</summary>
    public string Fingerprint { get; set; } = "";
    /// <summary>The incident exactly as received (JSON).</summary>
    public required string Received { get; set; }
    public Instant ReceivedAt { get; set; }
    public List<IncidentAdult> Adults { get; set; } = [];
    public List<IncidentChild> Children { get; set; } = [];
}

public enum DomesticAbuseCategory
{
    Physical,
    Sexual,
    ControllingOrCoercive,
    Economic,
    Psychological,
    Emotional,
    Stalking,
    Other,
}

public enum IncidentAdultRole
{
    Victim,
    PersonCausingHarm,
}

public sealed class IncidentAdult
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public IncidentAdultRole Role { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public LocalDate? DateOfBirth { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    /// <summary>The person in the person index this adult was linked to, when linked.</summary>
    public Guid? PersonId { get; set; }
}

public sealed class IncidentChild
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public LocalDate? DateOfBirth { get; set; }
    public People.Sex Sex { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    /// <summary>How the child is related to the adults, in the officer's words ("son of victim").</summary>
    public string? Relationship { get; set; }
    public bool Present { get; set; }
    public bool SawOrHeard { get; set; }
    public bool Resident { get; set; }
    public bool SpokenTo { get; set; }
    /// <summary>What the child said, when spoken to.</summary>
    public string? WhatTheySaid { get; set; }
    /// <summary>The school or college the officer was told, if any (a name or URN as written).</summary>
    public string? SchoolNamed { get; set; }
    /// <summary>The person in the person index this child was linked to, when linked.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>Who the child is across versions of the incident (the police id, else name and birth date).</summary>
    public string ChildKey { get; set; } = "";
    /// <summary>What finding the child's education setting came to.</summary>
    public ChildSettingOutcome SettingOutcome { get; set; }
    /// <summary>For a child waiting in the Front Door's queue: the council calendar's deadline to pick a setting by.</summary>
    public Instant? ResolutionDeadline { get; set; }
    public Instant? ResolvedAt { get; set; }
    public Guid? ResolvedByUserId { get; set; }
}

public enum ChildSettingOutcome
{
    /// <summary>Each of the child's settings (or the council's EHE or CME lead) has been told.</summary>
    SettingsNotified,
    /// <summary>Below compulsory school age and on no school roll: recorded and reported, not notified.</summary>
    UnderSchoolAge,
    /// <summary>On no roll or register: waits in the Front Door's resolution queue.</summary>
    NotFound,
    /// <summary>The person index could not be sure who the child is: waits in the resolution queue.</summary>
    Uncertain,
    /// <summary>A Front Door practitioner picked the setting.</summary>
    SettingPicked,
}
