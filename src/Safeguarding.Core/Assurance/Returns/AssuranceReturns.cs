using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.Assurance.Returns;

public sealed record AskReturnOptions(Guid QuestionSetId, Guid? SubGroupId, string Title, LocalDate Due, IReadOnlyList<Guid> AgencyIds);
public sealed record AnswerInput(Guid QuestionId, int? Grade, string? Evidence);
/// <summary>The agency's answers; <paramref name="Submit"/> sends them to the sub-group (every question answered), otherwise a draft.</summary>
public sealed record SaveAnswersOptions(Guid ReturnId, IReadOnlyList<AnswerInput> Answers, bool Submit);
/// <summary>The sub-group's grade of one answer, with a challenge where it asks the agency for more.</summary>
public sealed record GradeInput(Guid QuestionId, int? Grade, string? Challenge);
public sealed record GradeAnswersOptions(Guid ReturnId, IReadOnlyList<GradeInput> Grades);
public sealed record RespondOptions(Guid ReturnId, Guid QuestionId, string Response);

public sealed record Choice(Guid Id, string Name);
public sealed record AskChoices(IReadOnlyList<Choice> QuestionSets, IReadOnlyList<Choice> SubGroups, IReadOnlyList<Choice> Agencies)
{
    /// <summary>The agencies the partners name as relevant agencies, so a return can be asked of all of them in one choice.</summary>
    public IReadOnlyList<Guid> RelevantAgencyIds { get; init; } = [];
}
public sealed record RequestRow(Guid Id, string Title, string QuestionSet, LocalDate Due, int Asked, int Submitted, int Overdue, int Closed);
public sealed record OwnReturnRow(Guid Id, string Title, LocalDate Due, ReturnStatus Status, bool Overdue, int ChallengesToAnswer);
/// <summary>One page of the requests asked and one of the agency's own returns, each with its true count.</summary>
public sealed record ReturnsList(Paged<RequestRow> Requests, Paged<OwnReturnRow> OwnReturns);
/// <summary>Which page of the requests asked (the business manager's) and of the agency's own returns to show.</summary>
public sealed record ReturnsListOptions(PageOptions Requests, PageOptions OwnReturns)
{
    public ReturnsListOptions() : this(new PageOptions(), new PageOptions()) { }
}
/// <summary>How many answers of one agency's return have each grade: the agency's own and the sub-group's.</summary>
public sealed record AgencySummaryRow(Guid ReturnId, string Agency, ReturnStatus Status, bool Overdue, IReadOnlyDictionary<int, int> SelfGrades,
    IReadOnlyDictionary<int, int> SubGroupGrades, int OpenChallenges);
public sealed record RequestSummary(Guid Id, string Title, string QuestionSet, GradeScale Scale, LocalDate Due, IReadOnlyList<AgencySummaryRow> Agencies)
{
    public int Answered => Agencies.Count(a => a.Status is ReturnStatus.Submitted or ReturnStatus.Closed);
    public int Overdue => Agencies.Count(a => a.Overdue);
}
public sealed record AnswerView(Guid QuestionId, int Number, string Question, int? SelfGrade, string? Evidence, int? SubGroupGrade, string? Challenge, string? Response);
/// <summary>
/// One agency's return as its reader may see it: the agency sees its answers always, the sub-group only once submitted.
/// <paramref name="MayAnswer"/>: the agency, before submitting; <paramref name="MayGrade"/>: the sub-group, once submitted;
/// <paramref name="MayRespond"/>: the agency, while a challenge waits for its response.
/// </summary>
public sealed record ReturnView(Guid Id, Guid RequestId, string Title, string QuestionSet, GradeScale Scale, string Agency, LocalDate Due, ReturnStatus Status, bool Overdue,
    IReadOnlyList<AnswerView> Answers, bool AnswersShown, bool MayAnswer, bool MayGrade, bool MayRespond);

/// <summary>
/// Assurance returns (docs/assurance-returns.md): a sub-group asks agencies a versioned question set by a due date; each
/// agency's safeguarding lead answers its own return on the platform (a grade on the set's scale and evidence per
/// question, saved as a draft then submitted); the sub-group (who holds returns across the partnership: the business
/// manager) grades each answer and may challenge it; the agency responds; the sub-group closes the return. A return
/// belongs to the agency asked: the access policy decides on it with that agency as owner, so another agency's lead is
/// refused it. Nothing partial is saved: a form with any error changes nothing.
/// </summary>
public sealed class AssuranceReturns(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
{
    public const string ResourceType = "AssuranceReturn";
    public const string ListPath = "/assurance/returns";

    public static LocalDate Today(Instant now) => now.InZone(WorkingDays.London).Date;

    /// <summary>The question sets (latest version of each), sub-groups and agencies a return may be asked with; the shipped sets are made on first use.</summary>
    public async Task<AskChoices> AskChoicesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = SubGroup(process, Operation.Create);
        await EnsureShippedAsync(actor.PartnershipId, process, ct);
        var sets = (await db.Set<QuestionSet>().AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId).ToListAsync(ct))
            .GroupBy(s => s.Key).Select(g => g.MaxBy(s => s.Version)!).OrderBy(s => s.Title)
            .Select(s => new Choice(s.Id, $"{s.Title} (version {s.Version})")).ToList();
        var groups = await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == actor.PartnershipId).OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct);
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var relevant = await db.Set<RelevantAgency>().AsNoTracking().Where(a => a.PartnershipId == actor.PartnershipId).Select(a => a.OrganisationId).ToListAsync(ct);
        return new AskChoices(sets, groups, agencies) { RelevantAgencyIds = relevant };
    }

    /// <summary>Makes the shipped question sets for a partnership that has none of them yet (version 1 each).</summary>
    public async Task EnsureShippedAsync(Guid partnershipId, ProcessContext process, CancellationToken ct = default)
    {
        var have = await db.Set<QuestionSet>().Where(s => s.PartnershipId == partnershipId).Select(s => s.Key).Distinct().ToListAsync(ct);
        var missing = ShippedQuestionSets.All.Where(s => !have.Contains(s.Key)).ToList();
        if (missing.Count == 0) return;
        foreach (var (set, questions) in missing.Select(m => ShippedQuestionSets.Rows(partnershipId, m.Key)))
        {
            db.Add(set);
            db.AddRange(questions);
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Asks each agency named a return with the set, due on a day after today; each agency's safeguarding leads are told by email (a link, nothing more).</summary>
    public async Task<Guid> AskAsync(AskReturnOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = SubGroup(process, Operation.Create);
        var today = Today(db.Clock.GetCurrentInstant());
        var title = PartnershipBusiness.Text(options.Title, 200, "a title for the return", nameof(options.Title));
        if (!await db.Set<QuestionSet>().AnyAsync(s => s.Id == options.QuestionSetId && s.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("Choose a question set.", nameof(options.QuestionSetId));
        if (options.SubGroupId is { } group && !await db.Set<SubGroup>().AnyAsync(g => g.Id == group && g.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("Choose a sub-group of the partnership.", nameof(options.SubGroupId));
        if (options.Due <= today) throw new ArgumentException("The due date must be after today.", nameof(options.Due));
        var agencies = options.AgencyIds.Distinct().ToList();
        if (agencies.Count == 0) throw new ArgumentException("Choose at least one agency.", nameof(options.AgencyIds));
        if (await db.Organisations.CountAsync(o => agencies.Contains(o.Id) && o.PartnershipId == actor.PartnershipId, ct) != agencies.Count)
            throw new ArgumentException("Choose agencies of the partnership.", nameof(options.AgencyIds));

        var request = new ReturnRequest { PartnershipId = actor.PartnershipId, QuestionSetId = options.QuestionSetId, SubGroupId = options.SubGroupId, Title = title,
            Due = options.Due, AskedAt = db.Clock.GetCurrentInstant(), AskedByUserId = actor.UserId };
        db.Add(request);
        var returns = agencies.Select(a => new AssuranceReturn { PartnershipId = actor.PartnershipId, RequestId = request.Id, OrganisationId = a }).ToList();
        db.AddRange(returns);
        var outbox = new Outbox(db);
        var content = Email("An assurance return has been asked of your organisation",
            "The partnership has asked your organisation for an assurance return. It is in Safeguarding Hub:");
        foreach (var (r, lead) in await LeadsAsync(actor.PartnershipId, returns, ct))
            outbox.QueueEmail(actor.PartnershipId, lead.Email, content, $"assurance-return/{r.Id:N}/asked/{lead.Id:N}", "Assurance return asked", r.Id);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    /// <summary>
    /// The sub-group's requests with how many agencies answered, are overdue and are closed; and the reader's own agency's
    /// returns. Each list is paged with its true count. What still needs doing comes first, soonest due (so overdue) first:
    /// requests with a return not yet closed, and the agency's returns not yet sent; then the rest, latest due first.
    /// </summary>
    public async Task<ReturnsList> ListAsync(ReturnsListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.AssuranceReturn, Operation.Read)) throw new ForbiddenException(ResourceType, null, "no role grants Read on AssuranceReturn");
        var today = Today(db.Clock.GetCurrentInstant());
        // Finished rows share one constant first key, so the latest-due order below applies to them alone.
        var finished = LocalDate.MaxIsoValue;
        var requests = new Paged<RequestRow>([], 0, 1, options.Requests.Size);
        if (AcrossPartnership(actor, Operation.Read))
        {
            var returns = db.Set<AssuranceReturn>();
            requests = await (from r in db.Set<ReturnRequest>().AsNoTracking()
                              join s in db.Set<QuestionSet>().AsNoTracking() on r.QuestionSetId equals s.Id
                              where r.PartnershipId == actor.PartnershipId
                              let open = returns.Any(a => a.RequestId == r.Id && a.Status != ReturnStatus.Closed)
                              orderby open descending, open ? r.Due : finished, r.Due descending, r.Id
                              select new RequestRow(r.Id, r.Title, s.Title, r.Due, returns.Count(a => a.RequestId == r.Id),
                                  returns.Count(a => a.RequestId == r.Id && (a.Status == ReturnStatus.Submitted || a.Status == ReturnStatus.Closed)),
                                  returns.Count(a => a.RequestId == r.Id && (a.Status == ReturnStatus.NotStarted || a.Status == ReturnStatus.Draft) && r.Due < today),
                                  returns.Count(a => a.RequestId == r.Id && a.Status == ReturnStatus.Closed))).PageAsync(options.Requests, ct);
        }
        var own = new Paged<OwnReturnRow>([], 0, 1, options.OwnReturns.Size);
        if (Decide(actor, actor.OrganisationId, Operation.Read).Allowed)
        {
            var page = await (from a in db.Set<AssuranceReturn>().AsNoTracking()
                              join r in db.Set<ReturnRequest>().AsNoTracking() on a.RequestId equals r.Id
                              where a.PartnershipId == actor.PartnershipId && a.OrganisationId == actor.OrganisationId
                              let open = a.Status == ReturnStatus.NotStarted || a.Status == ReturnStatus.Draft
                                  || (a.Status != ReturnStatus.Closed && db.Set<ReturnAnswer>().Any(x => x.ReturnId == a.Id && x.Challenge != null && x.Response == null))
                              orderby open descending, open ? r.Due : finished, r.Due descending, a.Id
                              select new { a.Id, r.Title, r.Due, a.Status, Open = db.Set<ReturnAnswer>().Count(x => x.ReturnId == a.Id && x.Challenge != null && x.Response == null) })
                .PageAsync(options.OwnReturns, ct);
            own = page.Select(a => new OwnReturnRow(a.Id, a.Title, a.Due, a.Status, IsOverdue(a.Status, a.Due, today), a.Status == ReturnStatus.Closed ? 0 : a.Open));
        }
        return new ReturnsList(requests, own);
    }

    /// <summary>A request's summary for the sub-group: each agency's status, whether overdue, and how many answers have each grade.</summary>
    public async Task<RequestSummary?> SummaryAsync(Guid requestId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = SubGroup(process, Operation.Read);
        var request = await db.Set<ReturnRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.PartnershipId == actor.PartnershipId, ct);
        if (request is null) return null;
        var set = await db.Set<QuestionSet>().AsNoTracking().SingleAsync(s => s.Id == request.QuestionSetId, ct);
        var today = Today(db.Clock.GetCurrentInstant());
        var returns = await (from a in db.Set<AssuranceReturn>().AsNoTracking()
                             join o in db.Organisations.AsNoTracking() on a.OrganisationId equals o.Id
                             where a.RequestId == requestId
                             orderby o.Name
                             select new { a.Id, o.Name, a.Status }).ToListAsync(ct);
        var ids = returns.Select(r => r.Id).ToList();
        var answers = (await db.Set<ReturnAnswer>().AsNoTracking().Where(x => ids.Contains(x.ReturnId))
            .Select(x => new { x.ReturnId, x.SelfGrade, x.SubGroupGrade, x.Challenge, x.Response }).ToListAsync(ct)).ToLookup(x => x.ReturnId);
        db.QueueAudit(process, AuditActions.Read, "AssuranceReturnRequest", requestId.ToString(), AuditOutcome.Allowed);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new RequestSummary(request.Id, request.Title, set.Title, set.Scale, request.Due, [.. returns.Select(r =>
        {
            // A draft's grades are the agency's own until it submits: the sub-group counts them only once submitted.
            var shown = r.Status is ReturnStatus.Submitted or ReturnStatus.Closed ? answers[r.Id].ToList() : [];
            return new AgencySummaryRow(r.Id, r.Name, r.Status, IsOverdue(r.Status, request.Due, today),
                shown.Where(x => x.SelfGrade != null).GroupBy(x => x.SelfGrade!.Value).ToDictionary(g => g.Key, g => g.Count()),
                shown.Where(x => x.SubGroupGrade != null).GroupBy(x => x.SubGroupGrade!.Value).ToDictionary(g => g.Key, g => g.Count()),
                shown.Count(x => x.Challenge != null && x.Response == null));
        })]);
    }

    /// <summary>Opens one agency's return for a reader the policy allows (its own agency, or the sub-group across the partnership); audited.</summary>
    public async Task<ReturnView?> OpenAsync(Guid returnId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var ret = await db.Set<AssuranceReturn>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == returnId && r.PartnershipId == actor.PartnershipId, ct);
        if (ret is null) return null;
        var decision = Decide(actor, ret.OrganisationId, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, ret.Id.ToString(), decision.Reason);
        var request = await db.Set<ReturnRequest>().AsNoTracking().SingleAsync(r => r.Id == ret.RequestId, ct);
        var set = await db.Set<QuestionSet>().AsNoTracking().SingleAsync(s => s.Id == request.QuestionSetId, ct);
        var agency = await db.Organisations.AsNoTracking().Where(o => o.Id == ret.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var isAgency = IsAgency(actor, ret);
        var submitted = ret.Status is ReturnStatus.Submitted or ReturnStatus.Closed;
        var shown = isAgency || submitted;
        var answers = (await db.Set<ReturnAnswer>().AsNoTracking().Where(a => a.ReturnId == ret.Id).ToListAsync(ct)).ToDictionary(a => a.QuestionId);
        var questions = await db.Set<ReturnQuestion>().AsNoTracking().Where(q => q.QuestionSetId == set.Id).OrderBy(q => q.Number).ToListAsync(ct);
        var views = questions.Select(q => answers.GetValueOrDefault(q.Id) is { } a && shown
            ? new AnswerView(q.Id, q.Number, q.Text, a.SelfGrade, a.Evidence, submitted ? a.SubGroupGrade : null, a.Challenge, a.Response)
            : new AnswerView(q.Id, q.Number, q.Text, null, null, null, null, null)).ToList();
        db.QueueAudit(process, AuditActions.Read, ResourceType, ret.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        var mayUpdate = Decide(actor, ret.OrganisationId, Operation.Update).Allowed;
        return new ReturnView(ret.Id, request.Id, request.Title, set.Title, set.Scale, agency, request.Due, ret.Status,
            IsOverdue(ret.Status, request.Due, Today(db.Clock.GetCurrentInstant())), views, shown,
            MayAnswer: isAgency && mayUpdate && ret.Status is ReturnStatus.NotStarted or ReturnStatus.Draft,
            MayGrade: AcrossPartnership(actor, Operation.Update) && ret.Status == ReturnStatus.Submitted,
            MayRespond: isAgency && mayUpdate && ret.Status == ReturnStatus.Submitted && views.Any(v => v.Challenge != null && v.Response == null));
    }

    /// <summary>
    /// The agency saves its answers (a grade on the set's scale and evidence per question), as a draft or submitted. Only
    /// the agency asked, before it submits. Submitting needs every question graded with evidence; then the sub-group sees it.
    /// </summary>
    public async Task SaveAsync(SaveAnswersOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (ret, set) = await LoadAsync(actor, options.ReturnId, ct);
        if (!IsAgency(actor, ret) || !Decide(actor, ret.OrganisationId, Operation.Update).Allowed)
            throw new ForbiddenException(ResourceType, ret.Id.ToString(), "only the agency asked answers its return");
        if (ret.Status is not (ReturnStatus.NotStarted or ReturnStatus.Draft)) throw new ArgumentException("This return has been submitted: it can no longer be changed.", nameof(options));
        var questions = await db.Set<ReturnQuestion>().AsNoTracking().Where(q => q.QuestionSetId == set.Id).OrderBy(q => q.Number).ToListAsync(ct);
        var given = options.Answers.GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Last());
        if (given.Keys.Any(id => questions.All(q => q.Id != id))) throw new ArgumentException("Answer the questions of this return.", nameof(options.Answers));
        var answers = await db.Set<ReturnAnswer>().Where(a => a.ReturnId == ret.Id).ToDictionaryAsync(a => a.QuestionId, ct);
        var grades = ShippedQuestionSets.Grades(set.Scale).Select(g => g.Value).ToHashSet();
        foreach (var q in questions)
        {
            var input = given.GetValueOrDefault(q.Id);
            var evidence = PartnershipBusiness.Text(input?.Evidence, 4000, $"evidence for question {q.Number}", $"Evidence{q.Number}", required: options.Submit);
            if (input?.Grade is { } g && !grades.Contains(g)) throw new ArgumentException($"Choose a grade for question {q.Number}.", $"Grade{q.Number}");
            if (options.Submit && input?.Grade is null) throw new ArgumentException($"Choose a grade for question {q.Number}.", $"Grade{q.Number}");
            if (!answers.TryGetValue(q.Id, out var answer))
            {
                if (input?.Grade is null && evidence.Length == 0) continue;
                answer = new ReturnAnswer { PartnershipId = ret.PartnershipId, ReturnId = ret.Id, QuestionId = q.Id };
                db.Add(answer);
            }
            (answer.SelfGrade, answer.Evidence) = (input?.Grade, evidence.Length == 0 ? null : evidence);
        }
        ret.Status = options.Submit ? ReturnStatus.Submitted : ReturnStatus.Draft;
        if (options.Submit) ret.SubmittedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The sub-group grades a submitted return's answers and may challenge any (a challenge waits for the agency's response).</summary>
    public async Task GradeAsync(GradeAnswersOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = SubGroup(process, Operation.Update);
        var (ret, set) = await LoadAsync(actor, options.ReturnId, ct);
        if (ret.Status != ReturnStatus.Submitted) throw new ArgumentException("Only a submitted return, not yet closed, is graded.", nameof(options));
        var answers = await db.Set<ReturnAnswer>().Where(a => a.ReturnId == ret.Id).ToDictionaryAsync(a => a.QuestionId, ct);
        var numbers = await db.Set<ReturnQuestion>().AsNoTracking().Where(q => q.QuestionSetId == set.Id).ToDictionaryAsync(q => q.Id, q => q.Number, ct);
        var grades = ShippedQuestionSets.Grades(set.Scale).Select(g => g.Value).ToHashSet();
        var now = db.Clock.GetCurrentInstant();
        foreach (var input in options.Grades)
        {
            if (!answers.TryGetValue(input.QuestionId, out var answer)) throw new ArgumentException("Grade the answers of this return.", nameof(options.Grades));
            var n = numbers[input.QuestionId];
            if (input.Grade is { } g && !grades.Contains(g)) throw new ArgumentException($"Choose a grade for question {n}.", $"Grade{n}");
            answer.SubGroupGrade = input.Grade ?? answer.SubGroupGrade;
            var challenge = PartnershipBusiness.Text(input.Challenge, 4000, $"the challenge to question {n}", $"Challenge{n}", required: false);
            if (challenge.Length == 0 || challenge == answer.Challenge) continue;
            if (answer.Challenge != null && answer.Response == null)
                throw new ArgumentException($"Question {n} has a challenge waiting for the agency's response.", $"Challenge{n}");
            (answer.Challenge, answer.ChallengedAt, answer.Response, answer.RespondedAt) = (challenge, now, null, null);
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agency responds to the sub-group's challenge of one answer.</summary>
    public async Task RespondAsync(RespondOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (ret, _) = await LoadAsync(actor, options.ReturnId, ct);
        if (!IsAgency(actor, ret) || !Decide(actor, ret.OrganisationId, Operation.Update).Allowed)
            throw new ForbiddenException(ResourceType, ret.Id.ToString(), "only the agency asked responds to a challenge");
        var answer = await db.Set<ReturnAnswer>().SingleOrDefaultAsync(a => a.ReturnId == ret.Id && a.QuestionId == options.QuestionId, ct);
        if (ret.Status != ReturnStatus.Submitted || answer is not { Challenge: not null, Response: null })
            throw new ArgumentException("There is no challenge waiting for a response on that question.", nameof(options.QuestionId));
        answer.Response = PartnershipBusiness.Text(options.Response, 4000, "your response to the challenge", nameof(options.Response));
        answer.RespondedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The sub-group closes a submitted return once every answer is graded and no challenge waits for a response.</summary>
    public async Task CloseAsync(Guid returnId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = SubGroup(process, Operation.Update);
        var (ret, _) = await LoadAsync(actor, returnId, ct);
        if (ret.Status != ReturnStatus.Submitted) throw new ArgumentException("Only a submitted return can be closed.", nameof(returnId));
        var answers = await db.Set<ReturnAnswer>().AsNoTracking().Where(a => a.ReturnId == ret.Id).ToListAsync(ct);
        if (answers.Any(a => a.SubGroupGrade == null)) throw new ArgumentException("Grade every answer before closing the return.", nameof(returnId));
        if (answers.Any(a => a.Challenge != null && a.Response == null)) throw new ArgumentException("A challenge is waiting for the agency's response.", nameof(returnId));
        ret.Status = ReturnStatus.Closed;
        ret.ClosedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    public static bool IsOverdue(ReturnStatus status, LocalDate due, LocalDate today) => status is ReturnStatus.NotStarted or ReturnStatus.Draft && due < today;

    /// <summary>The safeguarding leads of each return's agency (active, with an email address).</summary>
    internal async Task<List<(AssuranceReturn Return, (Guid Id, string Email) Lead)>> LeadsAsync(Guid partnershipId, IReadOnlyCollection<AssuranceReturn> returns, CancellationToken ct)
    {
        var organisations = returns.Select(r => r.OrganisationId).Distinct().ToList();
        var leads = (await db.Users.AsNoTracking()
                .Where(u => u.PartnershipId == partnershipId && organisations.Contains(u.OrganisationId) && !u.IsDisabled && u.Email != null
                    && u.Roles.Any(r => r.Role == Role.AgencySafeguardingLead))
                .Select(u => new { u.Id, u.OrganisationId, u.Email }).ToListAsync(ct))
            .ToLookup(u => u.OrganisationId);
        return [.. returns.SelectMany(r => leads[r.OrganisationId].Select(u => (r, (u.Id, u.Email!))))];
    }

    /// <summary>A content-free email: what happened in general words and a link to the returns list, never the return's content.</summary>
    internal EmailContent Email(string subject, string lead) =>
        new(subject, $"{lead}\n\n{(deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl.TrimEnd('/')}{ListPath}");

    private async Task<(AssuranceReturn Return, QuestionSet Set)> LoadAsync(Actor actor, Guid returnId, CancellationToken ct)
    {
        var ret = await db.Set<AssuranceReturn>().SingleOrDefaultAsync(r => r.Id == returnId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, returnId.ToString());
        var decision = Decide(actor, ret.OrganisationId, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, ret.Id.ToString(), decision.Reason);
        var set = await (from r in db.Set<ReturnRequest>() join s in db.Set<QuestionSet>() on r.QuestionSetId equals s.Id where r.Id == ret.RequestId select s).AsNoTracking().SingleAsync(ct);
        return (ret, set);
    }

    private static AccessDecision Decide(Actor actor, Guid agencyId, Operation operation) =>
        AccessPolicy.Decide(actor, Resource.AssuranceReturn, operation, new RecordFacts(actor.PartnershipId, agencyId));

    /// <summary>The agency asked: a reader of the organisation the return is asked of.</summary>
    private static bool IsAgency(Actor actor, AssuranceReturn ret) => actor.OrganisationId == ret.OrganisationId;

    private static bool AcrossPartnership(Actor actor, Operation operation) =>
        actor.Grants.Any(g => g is { Resource: Resource.AssuranceReturn, Scope: Scope.WholePartnership } && g.Operation == operation);

    private static Actor SubGroup(ProcessContext process, Operation operation)
    {
        var actor = process.RequireActor();
        PartnershipBusiness.DemandAcrossPartnership(actor, Resource.AssuranceReturn, operation);
        return actor;
    }
}
