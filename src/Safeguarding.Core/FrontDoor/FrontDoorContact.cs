using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// A contact: any concern about a child sent to children's social work, from an agency's form, a member of the public
/// (recorded by Front Door staff), or another module (DRAMM, PIM...). The Front Door decides within one working day
/// (the referral decision); a contact accepted for an assessment or a strategy discussion is a referral, and its child
/// and family assessment, due 45 working days from the decision, records the census factors identified.
/// </summary>
public sealed class FrontDoorContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The child, through the person index.</summary>
    public Guid PersonId { get; set; }
    public ContactSource Source { get; set; }
    /// <summary>The sending module's own record (the DRAMM triage referral, the PIM child row...), for tracing; null for a form.</summary>
    public Guid? SourceRecordId { get; set; }
    /// <summary>The referring organisation; null for a member of the public.</summary>
    public Guid? FromOrganisationId { get; set; }
    public Guid? FromUserId { get; set; }
    /// <summary>A member of the public's name and how to reach them: shown to the Front Door only, never to another agency.</summary>
    public string? PublicReferrer { get; set; }
    public required string Concern { get; set; }
    public Instant ReceivedAt { get; set; }
    /// <summary>One working day after it was received (Working Together 2023).</summary>
    public Instant DecisionDueAt { get; set; }

    public ContactDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public Instant? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }

    /// <summary>The child and family assessment's last day: 45 working days from the referral (the decision's London day).</summary>
    public LocalDate? AssessmentDue { get; set; }
    public LocalDate? AssessmentCompletedOn { get; set; }
    public AssessmentOutcome? AssessmentOutcome { get; set; }
    /// <summary>The census factor codes identified at the end of the assessment (<see cref="CensusFactors"/>).</summary>
    public List<string> Factors { get; set; } = [];
    public Guid? AssessedByUserId { get; set; }
    /// <summary>When the overdue decision was escalated to the Front Door managers (once; FrontDoorEscalation).</summary>
    public Instant? DecisionEscalatedAt { get; set; }
    /// <summary>When the overdue assessment was escalated to the Front Door managers (once; FrontDoorEscalation).</summary>
    public Instant? AssessmentEscalatedAt { get; set; }

    public bool IsReferral => Decision is ContactDecision.Assessment or ContactDecision.StrategyDiscussion;
}

/// <summary>Where a contact came from.</summary>
public enum ContactSource
{
    /// <summary>An agency's form, from the child's record.</summary>
    AgencyForm,
    /// <summary>A member of the public, recorded by Front Door staff.</summary>
    Public,
    /// <summary>The DRAMM's triage referral to children's social work (DomesticAbuse/Dramm).</summary>
    Dramm,
    /// <summary>A PIM response referring the child to children's social work (Exploitation/Intelligence).</summary>
    Pim,
    OperationEncompass,
    EmergencyDepartment,
    Mace,
}

/// <summary>The referral decision: the response the Front Door decides on.</summary>
public enum ContactDecision
{
    NoFurtherAction,
    InformationAndAdvice,
    EarlyHelp,
    /// <summary>A child and family assessment: the contact is accepted as a referral.</summary>
    Assessment,
    /// <summary>A strategy discussion (significant harm suspected): the contact is accepted as a referral.</summary>
    StrategyDiscussion,
}

public enum AssessmentOutcome
{
    NoFurtherAction,
    EarlyHelp,
    ChildInNeedPlan,
    StrategyDiscussion,
    LookedAfter,
}

/// <summary>The Front Door's statutory clocks (Working Together 2023): decide within one working day; assess within 45.</summary>
public static class FrontDoorClocks
{
    public const int DecisionWorkingDays = 1;
    public const int AssessmentWorkingDays = 45;

    public static Instant DecisionDue(Instant received) => WorkingDays.After(received, DecisionWorkingDays);

    public static LocalDate AssessmentDue(Instant referred) => WorkingDays.Add(referred.InZone(WorkingDays.London).Date, AssessmentWorkingDays);

    public static LocalDate Today(Instant now) => now.InZone(WorkingDays.London).Date;
}

/// <summary>
/// The factors identified at the end of assessment, as the DfE children in need census codes them ("Children in need
/// census: guide for local authorities", the annex "Factors identified at the end of assessment"). Since 2018-19 the
/// census splits physical and sexual abuse by who abused the child: 18B and 19B by an adult, 18C and 19C by another
/// child or young person; 18A and 19A are no longer collected. 24A (child criminal exploitation) was added later. Kept
/// as data with the census wording so that the yearly figures count what the census counts (docs/front-door.md gives the source).
/// </summary>
public static class CensusFactors
{
    public sealed record Factor(string Code, string Wording);

    public static readonly IReadOnlyList<Factor> All =
    [
        new("1A", "Alcohol misuse: concerns about the child"), new("1B", "Alcohol misuse: concerns about the parent or carer"),
        new("1C", "Alcohol misuse: concerns about another person living in the household"),
        new("2A", "Drug misuse: concerns about the child"), new("2B", "Drug misuse: concerns about the parent or carer"),
        new("2C", "Drug misuse: concerns about another person living in the household"),
        new("3A", "Domestic abuse: concerns about the child being the subject"), new("3B", "Domestic abuse: concerns about the parent or carer being the subject"),
        new("3C", "Domestic abuse: concerns about another person living in the household being the subject"),
        new("4A", "Mental health: concerns about the child"), new("4B", "Mental health: concerns about the parent or carer"),
        new("4C", "Mental health: concerns about another person living in the household"),
        new("5A", "Learning disability: concerns about the child"), new("5B", "Learning disability: concerns about the parent or carer"),
        new("5C", "Learning disability: concerns about another person living in the household"),
        new("6A", "Physical disability or illness: concerns about the child"), new("6B", "Physical disability or illness: concerns about the parent or carer"),
        new("6C", "Physical disability or illness: concerns about another person living in the household"),
        new("7A", "Young carer"),
        new("8B", "Privately fostered"),
        new("9A", "Unaccompanied asylum-seeking child"),
        new("10A", "Going or being missing"),
        new("11A", "Child sexual exploitation"),
        new("12A", "Trafficking"),
        new("13A", "Gangs"),
        new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"),
        new("16A", "Abuse or neglect: neglect"),
        new("17A", "Abuse or neglect: emotional abuse"),
        new("18B", "Abuse or neglect: physical abuse by an adult"),
        new("18C", "Abuse or neglect: physical abuse by another child or young person"),
        new("19B", "Abuse or neglect: sexual abuse by an adult"),
        new("19C", "Abuse or neglect: sexual abuse by another child or young person"),
        new("20", "Other"),
        new("21", "No factors identified"),
        new("22A", "Female genital mutilation"),
        new("23A", "Abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation"),
    ];

    /// <summary>Domestic abuse, whoever is the subject: the yearly report's "feature of domestic abuse".</summary>
    public static readonly IReadOnlySet<string> DomesticAbuse = new HashSet<string> { "3A", "3B", "3C" };

    /// <summary>
    /// Codes the census no longer collects, still read on assessments recorded with them (the first demo data used
    /// 18A): shown in their words, never chosen for a new assessment.
    /// </summary>
    public static readonly IReadOnlyList<Factor> NoLongerCollected =
    [
        new("18A", "Abuse or neglect: physical abuse (no longer collected: 18B or 18C)"),
        new("19A", "Abuse or neglect: sexual abuse (no longer collected: 19B or 19C)"),
    ];

    private static readonly Dictionary<string, string> ByCode = All.ToDictionary(f => f.Code, f => f.Wording, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> Retired = NoLongerCollected.ToDictionary(f => f.Code, f => f.Wording, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a new assessment may record the code: the census collects it today.</summary>
    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static string Wording(string code) => ByCode.GetValueOrDefault(code) ?? Retired.GetValueOrDefault(code, code);
}

internal sealed class FrontDoorContactMapping : IEntityTypeConfiguration<FrontDoorContact>
{
    public void Configure(EntityTypeBuilder<FrontDoorContact> b)
    {
        b.ToTable("front_door_contacts");
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        b.Property(c => c.Concern).HasMaxLength(4000);
        b.Property(c => c.PublicReferrer).HasMaxLength(500);
        b.Property(c => c.DecisionReason).HasMaxLength(4000);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.AssessmentOutcome).HasConversion<string>().HasMaxLength(30);
        b.Ignore(c => c.IsReferral);
        // The Front Door's list: awaiting a decision, due first; the figures by period.
        b.HasIndex(c => new { c.PartnershipId, c.DecidedAt, c.DecisionDueAt });
        b.HasIndex(c => new { c.PartnershipId, c.ReceivedAt });
        b.HasIndex(c => new { c.PartnershipId, c.PersonId });
        b.HasIndex(c => new { c.PartnershipId, c.FromOrganisationId, c.ReceivedAt });
    }
}
