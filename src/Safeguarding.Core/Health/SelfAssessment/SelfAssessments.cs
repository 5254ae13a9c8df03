using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Health.SelfAssessment;

/// <summary>The nurse starts a self-assessment for a person (found through the person index), optionally in one attendance.</summary>
public sealed record StartSelfAssessmentOptions(Guid PersonId, Guid? AttendanceId = null);

/// <summary>The young person's answers on the tablet: question key to <see cref="SelfAssessments.Yes"/>, <see cref="SelfAssessments.No"/> or <see cref="SelfAssessments.NotSay"/>.</summary>
public sealed record SubmitSelfAssessmentOptions(Guid SelfAssessmentId, IReadOnlyDictionary<string, string> Answers);

/// <summary>What the nurse made of the answers; no further action needs the reason.</summary>
public sealed record RespondToSelfAssessmentOptions(Guid SelfAssessmentId, SelfAssessmentResponse Response, string? Note);

/// <summary>The nurse's list: waiting for the young person, waiting for the nurse's response, or answered.</summary>
public enum SelfAssessmentList
{
    ToRespond,
    OnTheTablet,
    Answered,
}

public sealed record SelfAssessmentListOptions(SelfAssessmentList List, PageOptions? Page = null);

public sealed record SelfAssessmentRow(Guid Id, Guid PersonId, string Name, int Age, Instant StartedAt, Instant? SubmittedAt, int AttentionCount, bool Urgent,
    SelfAssessmentResponse? Response);

/// <summary>What the tablet shows: the questions only, nothing of any record.</summary>
public sealed record TabletView(Guid Id, ChecklistDefinition Checklist, bool Submitted);

/// <summary>A self-assessment as its nurse reads it: the young person, the questions of its version, the answers and those needing attention.</summary>
public sealed record SelfAssessmentView(YoungPersonSelfAssessment Assessment, Person Person, ChecklistDefinition Checklist,
    IReadOnlyDictionary<string, string> Answers, IReadOnlySet<string> NeedAttention)
{
    public bool IsSerious(string key) => Checklist.Bands?.SeriousKeys?.Contains(key) ?? false;
}

/// <summary>
/// The young person's self-assessment on the ward's tablet (issue 14). The emergency department's safeguarding nurse
/// starts it for someone aged 12 to 18; the young person answers once (it cannot be reopened); the answers that need
/// attention go to the nurse's list, where the nurse starts the young people's DASH, the exploitation screening or a
/// Navigator referral (the web layer links there: Health does not use Exploitation), or records no further action.
/// </summary>
public sealed class SelfAssessments(SafeguardingDbContext db, PersonRecords people, ChecklistLibrary checklists)
{
    public const string ChecklistCode = "ed-self-assessment";
    public const string ResourceType = nameof(YoungPersonSelfAssessment);
    public const int YoungestAge = 12, OldestAge = 18;
    public const string Yes = "yes", No = "no", NotSay = "not-say";

    public async Task<YoungPersonSelfAssessment> StartAsync(StartSelfAssessmentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.EdSelfAssessment, Operation.Create);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        var person = (await people.OpenAsync(options.PersonId, process, ct) ?? throw new NotFoundException(PersonRecords.ResourceType, options.PersonId.ToString())).Person;
        var now = db.Clock.GetCurrentInstant();
        var age = AgeOn(person, Households.LondonDate(now))
            ?? throw new ArgumentException("The self-assessment is for young people aged 12 to 18: record their date of birth first.", nameof(options));
        if (age is < YoungestAge or > OldestAge)
            throw new ArgumentException($"The self-assessment is for young people aged {YoungestAge} to {OldestAge}: this person is {age}.", nameof(options));
        if (options.AttendanceId is { } attendanceId && !await db.Set<EmergencyDepartment.EdAttendance>()
                .AnyAsync(a => a.Id == attendanceId && a.PartnershipId == actor.PartnershipId && a.PersonId == person.Id, ct))
            throw new ArgumentException("That attendance is not this person's.", nameof(options));
        var checklist = await checklists.CurrentAsync(actor.PartnershipId, ChecklistCode, ct);
        var assessment = new YoungPersonSelfAssessment
        {
            PartnershipId = actor.PartnershipId, PersonId = person.Id, AttendanceId = options.AttendanceId, OrganisationId = actor.OrganisationId,
            AgeAtStart = age, ChecklistCode = checklist.Code, ChecklistVersion = checklist.Version, StartedAt = now, StartedByUserId = actor.UserId,
        };
        db.Process = process;
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    private static int? AgeOn(Person person, LocalDate day) =>
        person.DateOfBirth is { } born ? Period.Between(born, day, PeriodUnits.Years).Years : null;

    /// <summary>The tablet's view: the questions only. Opened with the update grant, as submitting needs it.</summary>
    public async Task<TabletView?> OpenOnTabletAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var assessment = await FindAsync(actor, id, tracked: false, ct);
        if (assessment is null) return null;
        Demand(actor, assessment, Operation.Update);
        var checklist = await checklists.VersionAsync(actor.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion, ct);
        return new TabletView(assessment.Id, checklist, assessment.SubmittedAt is not null);
    }

    /// <summary>The young person's answers, once: every question answered (yes, no or rather not say); never reopened after.</summary>
    public async Task<YoungPersonSelfAssessment> SubmitAsync(SubmitSelfAssessmentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var assessment = await FindAsync(actor, options.SelfAssessmentId, tracked: true, ct) ?? throw new NotFoundException(ResourceType, options.SelfAssessmentId.ToString());
        Demand(actor, assessment, Operation.Update);
        if (assessment.SubmittedAt is not null) throw new InvalidOperationException("These answers have been sent to the nurse and cannot be opened again.");
        var checklist = await checklists.VersionAsync(actor.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion, ct);
        var unknown = options.Answers.Keys.Where(k => !checklist.HasQuestion(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"The self-assessment has no question {string.Join(", ", unknown)}.", nameof(options));
        if (options.Answers.Values.Any(a => a is not (Yes or No or NotSay))) throw new ArgumentException("Each answer is yes, no or rather not say.", nameof(options));
        var missing = checklist.Questions.Where(q => !options.Answers.ContainsKey(q.Key)).ToList();
        if (missing.Count > 0) throw new ArgumentException("Answer every question, or choose 'I'd rather not say'.", nameof(options));

        var attention = NeedingAttention(checklist, options.Answers);
        assessment.Answers = JsonSerializer.Serialize(checklist.Questions.ToDictionary(q => q.Key, q => options.Answers[q.Key]));
        assessment.AttentionCount = attention.Count;
        assessment.Urgent = attention.Any(k => checklist.Bands?.SeriousKeys?.Contains(k) ?? false);
        assessment.SubmittedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>Every question is about a worry, so a "yes" is what needs the nurse's attention.</summary>
    public static IReadOnlySet<string> NeedingAttention(ChecklistDefinition checklist, IReadOnlyDictionary<string, string> answers) =>
        checklist.Questions.Where(q => answers.GetValueOrDefault(q.Key) == Yes).Select(q => q.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>One page of the nurse's list (their own trust's), the most urgent and longest waiting first; the names listed are audited.</summary>
    public async Task<Paged<SelfAssessmentRow>> ListAsync(SelfAssessmentListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var query = Scope(actor, Operation.Read);
        query = options.List switch
        {
            SelfAssessmentList.OnTheTablet => query.Where(s => s.SubmittedAt == null).OrderBy(s => s.StartedAt).ThenBy(s => s.Id),
            SelfAssessmentList.ToRespond => query.Where(s => s.SubmittedAt != null && s.Response == null)
                .OrderByDescending(s => s.Urgent).ThenByDescending(s => s.AttentionCount).ThenBy(s => s.SubmittedAt).ThenBy(s => s.Id),
            _ => query.Where(s => s.Response != null).OrderByDescending(s => s.RespondedAt).ThenBy(s => s.Id),
        };
        var page = await query.PageAsync(options.Page ?? new PageOptions(), ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. page.Items.Select(s => s.PersonId)], ct);
        new AuditTrail(db).QueueListed(process, "self-assessments", PersonRecords.ResourceType, names.Keys);
        await db.SaveChangesAsync(ct);
        return page.Select(s => new SelfAssessmentRow(s.Id, s.PersonId, names.GetValueOrDefault(s.PersonId, SealedPeople.Withheld), s.AgeAtStart, s.StartedAt,
            s.SubmittedAt, s.AttentionCount, s.Urgent, s.Response));
    }

    /// <summary>How many submitted self-assessments wait for the reader's response (the list shows the urgent first); null for a role that answers none.</summary>
    public async Task<WorkCount?> CountAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.EdSelfAssessment, Operation.Update)) return null;
        var waiting = Scope(actor, Operation.Read).Where(s => s.SubmittedAt != null && s.Response == null);
        return new WorkCount(await waiting.CountAsync(ct));
    }

    /// <summary>One self-assessment for its nurse: the young person opened through the policy and the read audited.</summary>
    public async Task<SelfAssessmentView?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var assessment = await FindAsync(actor, id, tracked: false, ct);
        if (assessment is null) return null;
        Demand(actor, assessment, Operation.Read);
        var person = (await people.OpenAsync(assessment.PersonId, process, ct))!.Person;
        db.QueueAudit(process, AuditActions.Read, ResourceType, assessment.Id.ToString(), AuditOutcome.Allowed, null);
        await db.SaveChangesAsync(ct);
        var checklist = await checklists.VersionAsync(actor.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion, ct);
        var answers = assessment.Answers is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(assessment.Answers) ?? [];
        return new SelfAssessmentView(assessment, person, checklist, answers, NeedingAttention(checklist, answers));
    }

    /// <summary>The nurse's response to submitted answers, once.</summary>
    public async Task RespondAsync(RespondToSelfAssessmentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var assessment = await FindAsync(actor, options.SelfAssessmentId, tracked: true, ct) ?? throw new NotFoundException(ResourceType, options.SelfAssessmentId.ToString());
        Demand(actor, assessment, Operation.Update);
        if (assessment.SubmittedAt is null) throw new InvalidOperationException("The young person has not sent their answers yet.");
        if (assessment.Response is not null) throw new InvalidOperationException("A response is already recorded.");
        if (options.Response == SelfAssessmentResponse.NoFurtherAction && string.IsNullOrWhiteSpace(options.Note))
            throw new ArgumentException("Say why no further action is needed.", nameof(options));
        Responded(assessment, options.Response, options.Note, actor, db.Clock.GetCurrentInstant());
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a response on a tracked self-assessment (a Navigator referral made from it records its own).</summary>
    public static void Responded(YoungPersonSelfAssessment assessment, SelfAssessmentResponse response, string? note, Actor actor, Instant now) =>
        (assessment.Response, assessment.ResponseNote, assessment.RespondedAt, assessment.RespondedByUserId) =
            (response, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now, actor.UserId);

    private Task<YoungPersonSelfAssessment?> FindAsync(Actor actor, Guid id, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<YoungPersonSelfAssessment>() : db.Set<YoungPersonSelfAssessment>().AsNoTracking();
        return set.SingleOrDefaultAsync(s => s.Id == id && s.PartnershipId == actor.PartnershipId, ct);
    }

    /// <summary>The self-assessments the actor reaches: their own trust's, or every one with a partnership grant.</summary>
    private IQueryable<YoungPersonSelfAssessment> Scope(Actor actor, Operation operation)
    {
        var scopes = actor.Grants.Where(g => g.Resource == Resource.EdSelfAssessment && g.Operation == operation).Select(g => g.Scope).ToList();
        if (scopes.Count == 0) throw new ForbiddenException(ResourceType, null, $"no role grants {operation} on {Resource.EdSelfAssessment}");
        var query = db.Set<YoungPersonSelfAssessment>().AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId);
        return scopes.Contains(Platform.Access.Scope.WholePartnership) ? query : query.Where(s => s.OrganisationId == actor.OrganisationId);
    }

    public static void Demand(Actor actor, YoungPersonSelfAssessment assessment, Operation operation)
    {
        var decision = AccessPolicy.Decide(actor, Resource.EdSelfAssessment, operation, new RecordFacts(assessment.PartnershipId, assessment.OrganisationId));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, assessment.Id.ToString(), decision.Reason);
    }
}
