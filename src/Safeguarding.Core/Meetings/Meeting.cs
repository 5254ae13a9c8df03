using NodaTime;

namespace Safeguarding.Core.Meetings;

/// <summary>How often a series meets.</summary>
public enum Cadence
{
    /// <summary>Every working day: Monday to Friday, not on bank holidays (DRAMM, Project Shield).</summary>
    DailyOnWeekdays,
    /// <summary>Every 14 days from the first meeting (MARAC in many areas, child-focused MACE).</summary>
    Fortnightly,
    /// <summary>Every 28 days from the first meeting (contextual MACE).</summary>
    FourWeekly,
    /// <summary>Every three calendar months from the first meeting (Silver, Gold).</summary>
    Quarterly,
    /// <summary>The same day of every month from the first meeting (the Dynamic Support Register's review).</summary>
    Monthly,
}

/// <summary>What kind of meeting a series holds, so that each pathway finds its own.</summary>
public enum MeetingKind
{
    Dramm,
    Marac,
    ChildFocusedMace,
    ContextualMace,
    Other,
    /// <summary>The young offender institution's public protection meeting: custody and release planning (issue 14).</summary>
    PublicProtection,
    /// <summary>Project Shield's daily youth-violence meeting at the Front Door (Exploitation/Shield).</summary>
    ProjectShield,
    /// <summary>An area's serious youth violence meeting, one series per area (Exploitation/Shield).</summary>
    AreaYouthViolence,
    /// <summary>A child's Risk Outside The Home child protection conferences: one series per child (Exploitation/Roth).</summary>
    RothConference,
    /// <summary>A child's Care (Education) and Treatment Reviews: one series per child on the Dynamic Support Register (SupportRegister/Cetrs).</summary>
    CetrReview,
    /// <summary>The Dynamic Support Register's review, one series per partnership (SupportRegister/Reviews).</summary>
    RegisterReview,
}

/// <summary>A standing multi-agency meeting: who belongs, who chairs, and when it meets.</summary>
public sealed class MeetingSeries
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    public MeetingKind Kind { get; set; }
    public Cadence Cadence { get; set; }
    /// <summary>The first meeting's date: fortnightly, four-weekly and quarterly series count from it.</summary>
    public LocalDate FirstDate { get; set; }
    /// <summary>Start time in Europe/London.</summary>
    public LocalTime StartTime { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public Guid ChairOrganisationId { get; set; }
    public Guid? ChairUserId { get; set; }
    /// <summary>Where it meets (a room or a video link), for invitations.</summary>
    public string? Location { get; set; }
    /// <summary>How many cases one meeting can hear (a MARAC's agenda is built within it); null when not limited.</summary>
    public int? CasesPerMeeting { get; set; }
    public List<SeriesMember> Members { get; set; } = [];
    /// <summary>The people each member agency sends: every one is invited to each meeting whose agenda is built.</summary>
    public List<SeriesRepresentative> Representatives { get; set; } = [];
}

/// <summary>An organisation that sends someone to every meeting of a series.</summary>
public sealed class SeriesMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SeriesId { get; set; }
    public Guid OrganisationId { get; set; }
}

/// <summary>A user who represents a member organisation at the series' meetings.</summary>
public sealed class SeriesRepresentative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SeriesId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
}

public enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>One meeting of a series.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid SeriesId { get; set; }
    public LocalDate Date { get; set; }
    public Instant StartsAt { get; set; }
    public Instant EndsAt { get; set; }
    public MeetingStatus Status { get; set; }
    /// <summary>The minutes, once written; read only by the organisations on the distribution list.</summary>
    public string? Minutes { get; set; }
    public Instant? MinutesApprovedAt { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MinutesRecipient> MinutesRecipients { get; set; } = [];
}

/// <summary>
/// Someone invited to a meeting. Only current attendees see the meeting's agenda subjects; removing someone
/// (<see cref="RemovedAt"/>) ends that at once.
/// </summary>
public sealed class MeetingAttendee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? UserId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    /// <summary>Null until the meeting is held; then whether they came.</summary>
    public bool? Attended { get; set; }
    public Instant? RemovedAt { get; set; }
    /// <summary>The seat they take on a review panel (a C(E)TR's), where the meeting has one.</summary>
    public PanelRole? PanelRole { get; set; }
}

/// <summary>A seat on a review panel: a C(E)TR's independent panel members and the people around the child.</summary>
public enum PanelRole
{
    /// <summary>The panel's chair, from the commissioner.</summary>
    Chair,
    IndependentClinicalExpert,
    /// <summary>Someone with lived experience, or a family carer of someone who has.</summary>
    ExpertByExperience,
    Family,
    Education,
    Health,
    Care,
}

/// <summary>Who or what an agenda item is about.</summary>
public enum SubjectKind
{
    Victim,
    Child,
    PersonCausingHarm,
    Place,
    PeerGroup,
    /// <summary>A context recorded as a subject in its own right (Exploitation/Contexts; the record is the item's SourceId).</summary>
    Context,
    /// <summary>A theme or trend (Exploitation/Contexts; the record is the item's SourceId).</summary>
    Theme,
}

/// <summary>One case or topic on a meeting's agenda.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public SubjectKind SubjectKind { get; set; }
    /// <summary>The person the item is about, when it is about a person.</summary>
    public Guid? SubjectPersonId { get; set; }
    /// <summary>A place or peer group's description, or a person's name as referred when not yet in the index.</summary>
    public string? SubjectDescription { get; set; }
    public required string Reason { get; set; }
    /// <summary>The pathway record that put it here (a MARAC referral, a DRAMM case), for the way back.</summary>
    public string? SourceType { get; set; }
    public Guid? SourceId { get; set; }
    public List<AgencyResearch> Research { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
}

/// <summary>What one agency's records hold about an agenda item's subject, added before the meeting.</summary>
public sealed class AgencyResearch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgendaItemId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AddedByUserId { get; set; }
    public required string Findings { get; set; }
    public Instant AddedAt { get; set; }
}

public sealed class MeetingDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgendaItemId { get; set; }
    public required string Decision { get; set; }
    public Instant RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
}

public enum ActionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>Something an agency agreed to do, by a date.</summary>
public sealed class MeetingAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    /// <summary>The named person in the owning organisation, when the meeting named one.</summary>
    public Guid? OwnerUserId { get; set; }
    public required string Description { get; set; }
    public LocalDate DueDate { get; set; }
    public ActionStatus Status { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? CompletedAt { get; set; }
    public string? CompletionNote { get; set; }

    /// <summary>Open and past its due date: due today is not yet overdue.</summary>
    public bool IsOverdueOn(LocalDate today) => Status == ActionStatus.Open && DueDate < today;
}

/// <summary>An organisation allowed to read a meeting's minutes.</summary>
public sealed class MinutesRecipient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid OrganisationId { get; set; }
}
