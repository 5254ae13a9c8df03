using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// What one education setting (or the council's EHE or CME lead) is told about one child in one incident
/// version, and what happened to it: delivered to the Key Adults' inbox, opened, acknowledged, escalated.
/// </summary>
public sealed class EncompassNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid IncidentChildId { get; set; }
    public Guid? ChildPersonId { get; set; }
    /// <summary>The school, college or council that receives it.</summary>
    public Guid RecipientOrganisationId { get; set; }
    public NotificationRecipient Recipient { get; set; }
    /// <summary>
    /// The setting's deadline: the start of its next school day after the notification was sent to it (never before
    /// the report). A follow-up or a late placement is therefore never born overdue; see <see cref="DueAfter"/>.
    /// </summary>
    public Instant Deadline { get; set; }
    /// <summary>What the recipient is told, fixed when made (JSON of <see cref="EncompassNotificationContent"/>).</summary>
    public required string Content { get; set; }
    /// <summary>The earlier notification this one follows up (a later version of the incident), if any.</summary>
    public Guid? FollowsUpNotificationId { get; set; }
    public NotificationStatus Status { get; set; } = NotificationStatus.Ready;
    public Instant CreatedAt { get; set; }
    public Instant? DeliveredAt { get; set; }
    public Instant? FirstOpenedAt { get; set; }
    public Instant? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    /// <summary>The support the setting put in place (choice keys, comma separated) and its own words.</summary>
    public string? SupportChoices { get; set; }
    public string? SupportNotes { get; set; }
    public Instant? EscalatedAt { get; set; }
    public Instant? BreachRecordedAt { get; set; }
    public string? BreachReason { get; set; }

    /// <summary>
    /// When a setting must acknowledge what is sent at <paramref name="sentAt"/>: the start of its next school day after
    /// both the report and the sending, by the setting's own calendar (the council's for its EHE and CME leads). Police
    /// delay and Front Door placement time are theirs, never the setting's.
    /// </summary>
    public static Instant DueAfter(Func<Guid?, Platform.Calendars.SchoolDays> calendars, NotificationRecipient recipient, Guid organisationId,
        Instant reportedAt, Instant sentAt) =>
        calendars(CalendarOf(recipient, organisationId)).DeadlineAfter(Instant.Max(reportedAt, sentAt));

    /// <summary>Whose school days a deadline follows: the setting's own, or the council's (null) for its EHE and CME leads.</summary>
    public static Guid? CalendarOf(NotificationRecipient recipient, Guid organisationId) =>
        recipient is NotificationRecipient.ElectiveHomeEducationLead or NotificationRecipient.ChildrenMissingEducationLead ? null : organisationId;
}

public enum NotificationRecipient
{
    School,
    College,
    ElectiveHomeEducationLead,
    ChildrenMissingEducationLead,
    /// <summary>Early years, only where the partnership opted in.</summary>
    EarlyYearsSetting,
}

public enum NotificationStatus
{
    Ready,
    Delivered,
    Opened,
    Acknowledged,
    /// <summary>Replaced by a follow-up before it was opened (a later version of the incident).</summary>
    Superseded,
}

/// <summary>Only what the setting needs to support the child (Home Office guidance): nothing about the adults.</summary>
public sealed record EncompassNotificationContent(
    string ChildGivenName,
    string ChildFamilyName,
    LocalDate? ChildDateOfBirth,
    string PoliceReference,
    Instant OccurredAt,
    string? Location,
    bool Present,
    bool SawOrHeard,
    bool SpokenTo,
    string? WhatTheySaid,
    string? Summary,
    string ContactName,
    string ContactDetails);
