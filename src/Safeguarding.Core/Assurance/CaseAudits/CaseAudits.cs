using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.SupportRegister;

namespace Safeguarding.Core.Assurance.CaseAudits;

/// <summary>Changes a tool: its questions, one a line. The first change of a name is version 1.</summary>
public sealed record ChangeToolOptions(string ToolName, string Questions);

public sealed record CreateAuditOptions(
    string Title, Guid ToolVersionId, SampleCriteria Criteria, LocalDate PeriodFrom, LocalDate PeriodTo, int SampleSize, int Seed,
    LocalDate OpensOn, LocalDate ClosesOn);

public sealed record NameAuditorOptions(Guid AuditId, Guid UserId);

/// <summary>An agency's answers about its part of a case, by question number (1 is the first question).</summary>
public sealed record AnswerCaseOptions(Guid CaseId, IReadOnlyDictionary<int, string> Answers);

public sealed record GradeCaseOptions(Guid CaseId, CaseGrade Grade, string LearningPoints);

public sealed record AddAuditActionOptions(Guid CaseId, string Description, Guid OwnerOrganisationId, LocalDate Due);

public sealed record ToolVersionRow(Guid Id, string ToolName, int Version, IReadOnlyList<string> Questions);

/// <summary>Which page of the audits to show.</summary>
public sealed record AuditListOptions(PageOptions Page)
{
    public AuditListOptions() : this(new PageOptions()) { }
}
public sealed record AuditRow(Guid Id, string Title, SampleCriteria Criteria, LocalDate OpensOn, LocalDate ClosesOn, int Cases, int Graded, bool IsOpen);

public sealed record AuditorRow(Guid UserId, string Name, string Organisation);

/// <summary>A sampled case on the audit's page: the child's name only for those who may read the case now.</summary>
public sealed record AuditedCaseRow(Guid Id, int Position, string Child, CaseGrade? Grade);

public sealed record AuditView(
    Guid Id, string Title, string Tool, int ToolVersion, IReadOnlyList<string> Questions, SampleCriteria Criteria, LocalDate PeriodFrom, LocalDate PeriodTo,
    int SampleSize, int Seed, LocalDate OpensOn, LocalDate ClosesOn, string Lead, bool IsOpen, bool Sampled, bool MayManage,
    IReadOnlyList<AuditorRow> Auditors, IReadOnlyList<AuditedCaseRow> Cases);

public sealed record ChildSummary(string Name, LocalDate? DateOfBirth, IReadOnlyList<string> KnownTo);

public sealed record MaracMeetingView(LocalDate Date, MeetingStatus Status, IReadOnlyList<string> Decisions);

public sealed record MaracActionView(string Description, string Owner, LocalDate Due, ActionStatus Status);

/// <summary>The MARAC case a sampled case was drawn from, as the platform holds it.</summary>
public sealed record MaracCaseView(LocalDate ReferralDate, MaracReferralStatus Status, bool VisibleHighRisk, bool RepeatMarac,
    IReadOnlyList<MaracMeetingView> Meetings, IReadOnlyList<MaracActionView> Actions);

/// <summary>The register entry a sampled case was drawn from.</summary>
public sealed record RegisterCaseView(SupportRegisterStatus Status, SupportNeed Need, SupportRatingLevel? Rating);

public sealed record AnswerView(string Organisation, int Question, string Answer);

public sealed record AuditActionView(Guid Id, string Description, string Owner, LocalDate Due, LocalDate? DoneOn, bool Overdue);

public sealed record AuditedCaseView(
    Guid Id, Guid AuditId, string AuditTitle, int Position, ChildSummary Child, MaracCaseView? Marac, RegisterCaseView? Register,
    IReadOnlyList<string> Questions, IReadOnlyList<AnswerView> Answers, bool MayAnswer, bool MayGrade,
    CaseGrade? Grade, string? LearningPoints, IReadOnlyList<AuditActionView> Actions, IReadOnlyList<(Guid Id, string Name)> Agencies,
    IReadOnlyDictionary<int, string> OwnAnswers);

/// <summary>
/// Multi-agency case audits. The business manager changes the tools (every change a new version), sets up an audit on a
/// version, draws its sample by criteria from the platform's own records, and names each agency's auditors. An auditor
/// reads the audit's cases only while named on it and while it is open (start to end date), every read audited, and
/// answers for their agency's part; the audit lead agrees each case's grade, learning points and actions.
/// </summary>
public sealed class CaseAudits(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(CaseAudit);
    public const string CaseResourceType = nameof(AuditedCase);
    public const string NamedAuditorReason = "named auditor of an open case audit";
    public static readonly DateTimeZone London = WorkingDays.London;

    /// <summary>Writes the next version of a tool (version 1 for a new name). A running audit keeps the version it started with.</summary>
    public async Task<Guid> ChangeToolAsync(ChangeToolOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandManages(actor, null);
        var name = options.ToolName?.Trim() ?? "";
        if (name.Length is 0 or > 200) throw new ArgumentException("Enter the tool's name, 200 characters or fewer.", nameof(options));
        var questions = (options.Questions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (questions.Length == 0) throw new ArgumentException("Enter the tool's questions, one a line.", nameof(options));
        if (questions.Any(q => q.Length > 1000)) throw new ArgumentException("Each question must be 1,000 characters or fewer.", nameof(options));
        var last = await db.Set<CaseAuditToolVersion>().Where(v => v.PartnershipId == actor.PartnershipId && v.ToolName == name)
            .MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var version = new CaseAuditToolVersion
        {
            PartnershipId = actor.PartnershipId, ToolName = name, Version = last + 1, Questions = string.Join('\n', questions),
            CreatedAt = db.Clock.GetCurrentInstant(), CreatedByUserId = actor.UserId,
        };
        db.Process = process with { Purpose = "Case audit tool changed" };
        db.Add(version);
        await db.SaveChangesAsync(ct);
        return version.Id;
    }

    /// <summary>The latest version of each of the partnership's tools: what a new audit is set up on.</summary>
    public async Task<IReadOnlyList<ToolVersionRow>> ToolsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandManages(actor, null);
        var versions = await db.Set<CaseAuditToolVersion>().AsNoTracking().Where(v => v.PartnershipId == actor.PartnershipId).ToListAsync(ct);
        return [.. versions.GroupBy(v => v.ToolName).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.ToolName)
            .Select(v => new ToolVersionRow(v.Id, v.ToolName, v.Version, v.QuestionList))];
    }

    /// <summary>What is wrong with a new audit, by field, in the order of the form; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> AuditProblems(CreateAuditOptions o)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(o.Title)) problems.Add((nameof(o.Title), "Enter the audit's title"));
        else if (o.Title.Trim().Length > 200) problems.Add((nameof(o.Title), "The title must be 200 characters or fewer"));
        if (o.ToolVersionId == Guid.Empty) problems.Add((nameof(o.ToolVersionId), "Choose the audit tool"));
        if (!Enum.IsDefined(o.Criteria)) problems.Add((nameof(o.Criteria), "Choose which cases to sample"));
        if (o.PeriodTo < o.PeriodFrom) problems.Add((nameof(o.PeriodTo), "The period must end on or after it starts"));
        if (o.SampleSize is < 1 or > 100) problems.Add((nameof(o.SampleSize), "The sample must be 1 to 100 cases"));
        if (o.ClosesOn < o.OpensOn) problems.Add((nameof(o.ClosesOn), "The audit must close on or after it opens"));
        return problems;
    }

    /// <summary>Sets up an audit on a tool version; the one setting it up leads it.</summary>
    public async Task<Guid> CreateAsync(CreateAuditOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!AccessPolicy.Decide(actor, Resource.CaseAudit, Operation.Create).Allowed || !ManagesAll(actor))
            throw new ForbiddenException(ResourceType, null, "no role grants Create on CaseAudit across the partnership");
        var problems = AuditProblems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (!await db.Set<CaseAuditToolVersion>().AnyAsync(v => v.Id == options.ToolVersionId && v.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("Choose the audit tool.", nameof(options));
        if (actor.UserId is not { } lead) throw new ForbiddenException(ResourceType, null, "an audit is led by a person");
        var audit = new CaseAudit
        {
            PartnershipId = actor.PartnershipId, Title = options.Title.Trim(), ToolVersionId = options.ToolVersionId, Criteria = options.Criteria,
            PeriodFrom = options.PeriodFrom, PeriodTo = options.PeriodTo, SampleSize = options.SampleSize, Seed = options.Seed,
            OpensOn = options.OpensOn, ClosesOn = options.ClosesOn, LeadUserId = lead, CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.Process = process with { Purpose = "Case audit set up" };
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        return audit.Id;
    }

    /// <summary>
    /// Draws the audit's sample, once: every record the criteria find in the period, ordered by the SHA-256 of the audit's
    /// seed and the record's id, the first <see cref="CaseAudit.SampleSize"/> taken. The same seed on the same records
    /// draws the same cases, whatever order the database returns them in. Sealed children are never sampled.
    /// </summary>
    public async Task<int> DrawSampleAsync(Guid auditId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var audit = await db.Set<CaseAudit>().SingleOrDefaultAsync(a => a.Id == auditId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, auditId.ToString());
        DemandManages(actor, audit);
        if (audit.SampledAt is not null) throw new InvalidOperationException("This audit's sample has been drawn.");
        var found = await CandidatesAsync(audit.PartnershipId, audit.Criteria, audit.PeriodFrom, audit.PeriodTo, ct);
        var sample = Draw(found, audit.Seed, audit.SampleSize);
        var position = 0;
        foreach (var (sourceType, sourceId, personId) in sample)
            db.Add(new AuditedCase
            {
                PartnershipId = audit.PartnershipId, AuditId = audit.Id, Position = ++position, PersonId = personId, SourceType = sourceType, SourceId = sourceId,
            });
        audit.SampledAt = db.Clock.GetCurrentInstant();
        db.Process = process with { Purpose = "Case audit sample drawn" };
        await db.SaveChangesAsync(ct);
        return sample.Count;
    }

    /// <summary>The reproducible draw: candidates ordered by SHA-256 of "seed:id", the first <paramref name="size"/>.</summary>
    public static List<(string SourceType, Guid SourceId, Guid PersonId)> Draw(IEnumerable<(string SourceType, Guid SourceId, Guid PersonId)> candidates, int seed, int size) =>
        [.. candidates.OrderBy(c => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{c.SourceId:N}"))), StringComparer.Ordinal).Take(size)];

    /// <summary>The records the criteria find in a period, with the child each is about.</summary>
    public async Task<List<(string SourceType, Guid SourceId, Guid PersonId)>> CandidatesAsync(Guid partnershipId, SampleCriteria criteria, LocalDate from,
        LocalDate to, CancellationToken ct)
    {
        var (start, end) = (from.AtStartOfDayInZone(London).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(London).ToInstant());
        var sealedPeople = db.People.Where(p => p.PartnershipId == partnershipId && p.IsSealed).Select(p => p.Id);
        var found = new List<(string, Guid, Guid)>();
        if (criteria == SampleCriteria.MaracCasesWithChildren)
        {
            var heard = await db.MaracReferrals.AsNoTracking()
                .Where(r => r.PartnershipId == partnershipId && r.HeardAt >= start && r.HeardAt < end)
                .Select(r => new { r.Id, r.VictimPersonId, r.HeardAt }).ToListAsync(ct);
            var hidden = (await sealedPeople.ToListAsync(ct)).ToHashSet();
            // Every heard case's household in a fixed number of queries, then each case's children on its own day.
            var heardOn = heard.ToDictionary(r => r.Id, r => r.HeardAt!.Value.InZone(London).Date);
            var households = heard.Count == 0 ? [] : await Households.ChildrenOfManyAsync(db, [.. heard.Select(r => r.VictimPersonId)], heardOn.Values.Min(), ct);
            foreach (var r in heard.OrderBy(r => r.Id))
            {
                // The case's child: the eldest child of the victim's household on the day heard who is not sealed.
                var children = Households.ChildrenOn(households[r.VictimPersonId], heardOn[r.Id]);
                var child = children.FirstOrDefault(c => !hidden.Contains(c));
                if (child != Guid.Empty) found.Add((MaracReferrals.SourceType, r.Id, child));
            }
        }
        else
        {
            var red = await db.Set<SupportRating>().AsNoTracking()
                .Where(r => r.PartnershipId == partnershipId && r.Rating == SupportRatingLevel.Red && r.RatedAt >= start && r.RatedAt < end)
                .Join(db.Set<SupportRegisterEntry>(), r => r.EntryId, e => e.Id, (r, e) => new { e.Id, e.PersonId })
                .Where(e => !sealedPeople.Contains(e.PersonId)).Distinct().ToListAsync(ct);
            found.AddRange(red.Select(e => (SupportRegisterEntries.ResourceType, e.Id, e.PersonId)));
        }
        return found;
    }

    /// <summary>Names a user of the partnership, holding the case auditor's grant, as an auditor for their agency.</summary>
    public async Task NameAuditorAsync(NameAuditorOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var audit = await ManagedAsync(actor, options.AuditId, ct);
        var auditorRoles = RoleCatalogue.All.Where(r => RoleCatalogue.GrantsOf(r).Any(g => g is { Resource: Resource.CaseAudit, Operation: Operation.Read })).ToList();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == options.UserId && u.PartnershipId == audit.PartnershipId && !u.IsDisabled && u.Roles.Any(r => auditorRoles.Contains(r.Role)))
            .Select(u => new { u.Id, u.OrganisationId }).SingleOrDefaultAsync(ct)
            ?? throw new ArgumentException("Choose a user of the partnership who holds the case auditor role.", nameof(options));
        if (await db.Set<CaseAuditor>().AnyAsync(a => a.AuditId == audit.Id && a.UserId == user.Id && a.RemovedAt == null, ct))
            throw new ArgumentException("They are already an auditor on this audit.", nameof(options));
        db.Add(new CaseAuditor { AuditId = audit.Id, UserId = user.Id, OrganisationId = user.OrganisationId, NamedAt = db.Clock.GetCurrentInstant() });
        db.Process = process with { Purpose = "Case auditor named" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes an auditor: their sight of the audit's cases ends at once.</summary>
    public async Task RemoveAuditorAsync(NameAuditorOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var audit = await ManagedAsync(actor, options.AuditId, ct);
        var named = await db.Set<CaseAuditor>().Where(a => a.AuditId == audit.Id && a.UserId == options.UserId && a.RemovedAt == null).ToListAsync(ct);
        if (named.Count == 0) throw new NotFoundException(nameof(CaseAuditor), options.UserId.ToString());
        foreach (var a in named) a.RemovedAt = db.Clock.GetCurrentInstant();
        db.Process = process with { Purpose = "Case auditor removed" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The users who may be named auditors (holding the case auditor role), by name: for the business manager.</summary>
    public async Task<IReadOnlyList<AuditorRow>> AuditorChoicesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandManages(actor, null);
        var roles = RoleCatalogue.All.Where(r => RoleCatalogue.GrantsOf(r).Any(g => g is { Resource: Resource.CaseAudit, Operation: Operation.Read, Scope: Scope.RelatedRecords })).ToList();
        return await (from u in db.Users.AsNoTracking()
                      join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                      where u.PartnershipId == actor.PartnershipId && !u.IsDisabled && u.Roles.Any(r => roles.Contains(r.Role))
                      orderby u.DisplayName, u.Id
                      select new AuditorRow(u.Id, u.DisplayName, o.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// The audits this reader may see, a page with the true count: every audit for the business manager; for an auditor, the
    /// open audits they are named on. Open audits come first, closing soonest first; then the rest, latest opening first.
    /// </summary>
    public async Task<Paged<AuditRow>> ListAsync(AuditListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.CaseAudit, Operation.Read)) throw new ForbiddenException(ResourceType, null, "no role grants Read on CaseAudit");
        var today = Today();
        var audits = db.Set<CaseAudit>().AsNoTracking().Where(a => a.PartnershipId == actor.PartnershipId);
        if (!ReadsAll(actor))
        {
            var user = actor.UserId;
            audits = audits.Where(a => a.OpensOn <= today && a.ClosesOn >= today
                && db.Set<CaseAuditor>().Any(n => n.AuditId == a.Id && n.UserId == user && n.RemovedAt == null));
        }
        var cases = db.Set<AuditedCase>();
        var notOpen = LocalDate.MaxIsoValue;
        return await audits.OrderByDescending(a => a.OpensOn <= today && a.ClosesOn >= today)
            .ThenBy(a => a.OpensOn <= today && a.ClosesOn >= today ? a.ClosesOn : notOpen).ThenByDescending(a => a.OpensOn).ThenBy(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.Title, a.Criteria, a.OpensOn, a.ClosesOn, cases.Count(c => c.AuditId == a.Id),
                cases.Count(c => c.AuditId == a.Id && c.Grade != null), a.OpensOn <= today && a.ClosesOn >= today))
            .PageAsync(options.Page, ct);
    }

    /// <summary>An audit, for the business manager or one of its auditors while it is open; the children named on it are audited as listed.</summary>
    public async Task<AuditView> OpenAuditAsync(Guid auditId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var audit = await db.Set<CaseAudit>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, auditId.ToString());
        var decision = await DecideAsync(actor, audit, Operation.Read, ct);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, audit.Id.ToString(), decision.Reason);
        var tool = await db.Set<CaseAuditToolVersion>().AsNoTracking().SingleAsync(v => v.Id == audit.ToolVersionId, ct);
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == audit.LeadUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "Unknown";
        var auditors = await (from a in db.Set<CaseAuditor>().AsNoTracking()
                              join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                              join o in db.Organisations.AsNoTracking() on a.OrganisationId equals o.Id
                              where a.AuditId == audit.Id && a.RemovedAt == null
                              orderby o.Name, u.DisplayName
                              select new AuditorRow(u.Id, u.DisplayName, o.Name)).ToListAsync(ct);
        var cases = await db.Set<AuditedCase>().AsNoTracking().Where(c => c.AuditId == audit.Id).OrderBy(c => c.Position).ToListAsync(ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. cases.Select(c => c.PersonId)], ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, audit.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        new AuditTrail(db).QueueListed(process, "Case audit", PersonRecords.ResourceType, cases.Select(c => c.PersonId));
        await db.SaveChangesAsync(ct);
        return new AuditView(audit.Id, audit.Title, tool.ToolName, tool.Version, tool.QuestionList, audit.Criteria, audit.PeriodFrom, audit.PeriodTo,
            audit.SampleSize, audit.Seed, audit.OpensOn, audit.ClosesOn, lead, IsOpen(audit, Today()), audit.SampledAt is not null, ManagesAll(actor),
            auditors, [.. cases.Select(c => new AuditedCaseRow(c.Id, c.Position, names.GetValueOrDefault(c.PersonId, SealedPeople.Withheld), c.Grade))]);
    }

    /// <summary>
    /// A sampled case as its reader needs it: the child's record summary, the MARAC case's meetings and actions (or the
    /// register entry) as the platform holds them, the tool's questions with the answers the reader may see (an auditor
    /// their agency's; the business manager every agency's), and the grade and actions. Each record shown is audited.
    /// </summary>
    public async Task<AuditedCaseView> OpenCaseAsync(Guid caseId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (audited, audit) = await CaseAsync(actor, caseId, Operation.Read, process, ct);
        var tool = await db.Set<CaseAuditToolVersion>().AsNoTracking().SingleAsync(v => v.Id == audit.ToolVersionId, ct);
        var child = await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == audited.PersonId, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [child.Id], ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == audit.PartnershipId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var knownTo = child.Links.Select(l => $"{organisations.GetValueOrDefault(l.OrganisationId, "An organisation")} ({Words(l.Kind)})")
            .Distinct().Order().ToList();
        var summary = new ChildSummary(names.GetValueOrDefault(child.Id, SealedPeople.Withheld), names.ContainsKey(child.Id) ? child.DateOfBirth : null, knownTo);
        var trail = new AuditTrail(db);
        trail.QueueListed(process, "Case audit: the child's record summary", PersonRecords.ResourceType, [child.Id]);

        MaracCaseView? marac = null;
        RegisterCaseView? register = null;
        if (audited.SourceType == MaracReferrals.SourceType)
        {
            var referral = await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == audited.SourceId, ct);
            var items = await db.Set<AgendaItem>().AsNoTracking()
                .Where(i => (i.SourceType == MaracReferrals.SourceType && i.SourceId == referral.Id) || i.Id == referral.AgendaItemId)
                .Include(i => i.Decisions).ToListAsync(ct);
            var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
            var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToListAsync(ct);
            var itemIds = items.Select(i => i.Id).ToList();
            var actions = await db.MeetingActions.AsNoTracking().Where(a => a.AgendaItemId != null && itemIds.Contains(a.AgendaItemId.Value))
                .OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(ct);
            marac = new MaracCaseView(referral.ReferralDate, referral.Status, referral.VisibleHighRisk, referral.RepeatMarac,
                [.. meetings.OrderBy(m => m.Date).Select(m => new MaracMeetingView(m.Date, m.Status,
                    [.. items.Where(i => i.MeetingId == m.Id).SelectMany(i => i.Decisions).OrderBy(d => d.RecordedAt).Select(d => d.Decision)]))],
                [.. actions.Select(a => new MaracActionView(a.Description, organisations.GetValueOrDefault(a.OwnerOrganisationId, "An organisation"), a.DueDate, a.Status))]);
            db.QueueAudit(process, AuditActions.Read, MaracReferrals.SourceType, referral.Id.ToString(), AuditOutcome.Allowed, "Case audit");
            trail.QueueListed(process, "Case audit", MeetingRecords.ResourceType, meetingIds);
        }
        else if (audited.SourceType == SupportRegisterEntries.ResourceType)
        {
            var entry = await db.Set<SupportRegisterEntry>().AsNoTracking().SingleAsync(e => e.Id == audited.SourceId, ct);
            register = new RegisterCaseView(entry.Status, entry.Need, entry.CurrentRating);
            db.QueueAudit(process, AuditActions.Read, SupportRegisterEntries.ResourceType, entry.Id.ToString(), AuditOutcome.Allowed, "Case audit");
        }

        var readsAll = ReadsAll(actor);
        var answers = await db.Set<AuditAnswer>().AsNoTracking()
            .Where(a => a.CaseId == audited.Id && (readsAll || a.OrganisationId == actor.OrganisationId))
            .OrderBy(a => a.Question).ThenBy(a => a.OrganisationId).ToListAsync(ct);
        var today = Today();
        var auditActions = await db.Set<AuditAction>().AsNoTracking().Where(a => a.CaseId == audited.Id).OrderBy(a => a.Due).ThenBy(a => a.Id).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        var mayAnswer = (await DecideAsync(actor, audit, Operation.Update, ct)).Allowed && IsOpen(audit, today);
        var agencies = MayGrade(actor, audit) ? await ActionOwners.OfAsync(db, audit.PartnershipId, ct) : [];
        return new AuditedCaseView(audited.Id, audit.Id, audit.Title, audited.Position, summary, marac, register, tool.QuestionList,
            [.. answers.Select(a => new AnswerView(organisations.GetValueOrDefault(a.OrganisationId, "An organisation"), a.Question, a.Answer))],
            mayAnswer, MayGrade(actor, audit), audited.Grade, audited.LearningPoints,
            [.. auditActions.Select(a => new AuditActionView(a.Id, a.Description, organisations.GetValueOrDefault(a.OwnerOrganisationId, "An organisation"), a.Due,
                a.DoneOn, a.DoneOn is null && a.Due < today))], agencies,
            answers.Where(a => a.OrganisationId == actor.OrganisationId).ToDictionary(a => a.Question, a => a.Answer));
    }

    /// <summary>Saves an agency's answers about its part of a case, while the audit is open (an answer given again replaces the last).</summary>
    public async Task AnswerAsync(AnswerCaseOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (audited, audit) = await CaseAsync(actor, options.CaseId, Operation.Update, process: null, ct);
        if (!IsOpen(audit, Today())) throw new InvalidOperationException("The audit is not open: answers are given between the days it opens and closes.");
        if (actor.UserId is not { } user) throw new ForbiddenException(CaseResourceType, audited.Id.ToString(), "answers are given by a person");
        var questions = (await db.Set<CaseAuditToolVersion>().AsNoTracking().SingleAsync(v => v.Id == audit.ToolVersionId, ct)).QuestionList.Count;
        var given = options.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim());
        if (given.Count == 0) throw new ArgumentException("Answer at least one question.", nameof(options));
        if (given.Keys.Any(q => q < 1 || q > questions)) throw new ArgumentException("Answer the tool's questions only.", nameof(options));
        if (given.Values.Any(a => a.Length > 4000)) throw new ArgumentException("Each answer must be 4,000 characters or fewer.", nameof(options));
        var existing = await db.Set<AuditAnswer>().Where(a => a.CaseId == audited.Id && a.OrganisationId == actor.OrganisationId).ToDictionaryAsync(a => a.Question, ct);
        var now = db.Clock.GetCurrentInstant();
        foreach (var (question, text) in given)
        {
            if (existing.TryGetValue(question, out var answer)) (answer.Answer, answer.AnsweredByUserId, answer.AnsweredAt) = (text, user, now);
            else db.Add(new AuditAnswer { CaseId = audited.Id, OrganisationId = actor.OrganisationId, Question = question, Answer = text, AnsweredByUserId = user, AnsweredAt = now });
        }
        db.Process = process with { Purpose = "Case audit answered" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the case's overall grade and learning points, agreed by the audit lead (only they grade).</summary>
    public async Task GradeAsync(GradeCaseOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (audited, audit) = await CaseAsync(actor, options.CaseId, Operation.Update, process: null, ct);
        if (!MayGrade(actor, audit)) throw new ForbiddenException(CaseResourceType, audited.Id.ToString(), "only the audit lead agrees a case's grade");
        if (!Enum.IsDefined(options.Grade)) throw new ArgumentException("Choose the grade.", nameof(options));
        var learning = options.LearningPoints?.Trim() ?? "";
        if (learning.Length is 0 or > 8000) throw new ArgumentException("Enter the learning points, 8,000 characters or fewer.", nameof(options));
        (audited.Grade, audited.LearningPoints, audited.GradedAt, audited.GradedByUserId) = (options.Grade, learning, db.Clock.GetCurrentInstant(), actor.UserId);
        db.Process = process with { Purpose = "Case audit graded" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an action the case's audit agreed, owned by an agency of the partnership, due by a date.</summary>
    public async Task<Guid> AddActionAsync(AddAuditActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (audited, audit) = await CaseAsync(actor, options.CaseId, Operation.Update, process: null, ct);
        DemandManages(actor, audit);
        var description = options.Description?.Trim() ?? "";
        if (description.Length is 0 or > 2000) throw new ArgumentException("Enter the action, 2,000 characters or fewer.", nameof(options));
        if (!await db.Organisations.AnyAsync(o => o.Id == options.OwnerOrganisationId && o.PartnershipId == audit.PartnershipId, ct))
            throw new ArgumentException("Choose the agency that owns the action.", nameof(options));
        var action = new AuditAction { PartnershipId = audit.PartnershipId, CaseId = audited.Id, Description = description, OwnerOrganisationId = options.OwnerOrganisationId, Due = options.Due };
        db.Add(action);
        db.Process = process with { Purpose = "Case audit action recorded" };
        await db.SaveChangesAsync(ct);
        return action.Id;
    }

    /// <summary>Marks an audit action done today.</summary>
    public async Task CompleteActionAsync(Guid actionId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var action = await db.Set<AuditAction>().SingleOrDefaultAsync(a => a.Id == actionId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(AuditAction), actionId.ToString());
        var (_, audit) = await CaseAsync(actor, action.CaseId, Operation.Update, process: null, ct);
        DemandManages(actor, audit);
        action.DoneOn ??= Today();
        db.Process = process with { Purpose = "Case audit action done" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A case and its audit for a reader the policy allows; the case's read is audited when a process is given.</summary>
    private async Task<(AuditedCase Case, CaseAudit Audit)> CaseAsync(Actor actor, Guid caseId, Operation operation, ProcessContext? process, CancellationToken ct)
    {
        var audited = await db.Set<AuditedCase>().SingleOrDefaultAsync(c => c.Id == caseId && c.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(CaseResourceType, caseId.ToString());
        var audit = await db.Set<CaseAudit>().AsNoTracking().SingleAsync(a => a.Id == audited.AuditId, ct);
        var decision = await DecideAsync(actor, audit, operation, ct);
        if (!decision.Allowed) throw new ForbiddenException(CaseResourceType, audited.Id.ToString(), decision.Reason);
        if (process is not null) db.QueueAudit(process, AuditActions.Read, CaseResourceType, audited.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        return (audited, audit);
    }

    /// <summary>
    /// The policy's decision on an audit (and its cases) for one reader. No organisation owns an audit: it relates the
    /// reader's organisation only while the reader is a named auditor on it (not removed) and today is between the days it
    /// opens and closes, so a case auditor's related grant reaches its cases then and never before or after.
    /// </summary>
    public async Task<AccessDecision> DecideAsync(Actor actor, CaseAudit audit, Operation operation, CancellationToken ct)
    {
        var named = actor.UserId is { } user && IsOpen(audit, Today())
            && await db.Set<CaseAuditor>().AnyAsync(a => a.AuditId == audit.Id && a.UserId == user && a.RemovedAt == null, ct);
        var decision = AccessPolicy.Decide(actor, Resource.CaseAudit, operation, Facts(audit, named ? actor.OrganisationId : null));
        return decision.Allowed && !ReadsAll(actor) ? decision with { Reason = NamedAuditorReason } : decision;
    }

    public static RecordFacts Facts(CaseAudit audit, Guid? auditorOrganisationId) =>
        new(audit.PartnershipId, null, auditorOrganisationId is { } o ? [o] : []);

    public static bool IsOpen(CaseAudit audit, LocalDate today) => audit.OpensOn <= today && today <= audit.ClosesOn;

    private LocalDate Today() => db.Clock.GetCurrentInstant().InZone(London).Date;

    private static bool ReadsAll(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.CaseAudit, Operation: Operation.Read, Scope: Scope.WholePartnership });

    private static bool ManagesAll(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.CaseAudit, Operation: Operation.Update, Scope: Scope.WholePartnership });

    private static bool MayGrade(Actor actor, CaseAudit audit) => ManagesAll(actor) && actor.UserId == audit.LeadUserId;

    private static void DemandManages(Actor actor, CaseAudit? audit)
    {
        if (!ManagesAll(actor)) throw new ForbiddenException(ResourceType, audit?.Id.ToString(), "no role grants Update on CaseAudit across the partnership");
    }

    private async Task<CaseAudit> ManagedAsync(Actor actor, Guid auditId, CancellationToken ct)
    {
        var audit = await db.Set<CaseAudit>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, auditId.ToString());
        DemandManages(actor, audit);
        return audit;
    }

    private static string Words(PersonLinkKind kind) => kind switch
    {
        PersonLinkKind.RegisteredPupil => "pupil",
        PersonLinkKind.CollegeStudent => "student",
        PersonLinkKind.RegisteredPatient => "patient",
        PersonLinkKind.OpenCase => "open case",
        PersonLinkKind.Supervised => "supervised",
        _ => "known",
    };
}
