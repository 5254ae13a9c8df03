using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

public sealed record SafetyMeasureOptions(string Measure, Guid ResponsibleOrganisationId);

public sealed record SafetyPlanOptions(IReadOnlyList<SafetyMeasureOptions> Measures, LocalDate ReviewDate);

/// <summary>A plan agreed for a victim, from a MARAC case when there is one.</summary>
public sealed record AgreeSafetyPlanOptions(Guid VictimPersonId, SafetyPlanOptions Plan, Guid? MaracReferralId = null);

/// <summary>Plans agreed in [From, To).</summary>
public sealed record SafetyPlanCountOptions(LocalDate From, LocalDate To);

/// <summary>Safety plans and how many victims had one in a period (the yearly report's figure).</summary>
public sealed record SafetyPlanCount(LocalDate From, LocalDate To, int Plans, int Victims);

/// <summary>Open plans, soonest review first: those due for review within <see cref="SafetyPlans.ReminderDays"/> days (or overdue) only, or all.</summary>
public sealed record SafetyPlanListOptions(bool DueOnly, PageOptions Page);

public sealed record SafetyPlanListItem(Guid Id, string VictimName, LocalDate AgreedOn, LocalDate ReviewDate, string AgreedBy, int Measures);

/// <summary>One page of open plans, how many are due for review (overdue included), and when it was read (for "overdue").</summary>
public sealed record SafetyPlanList(Paged<SafetyPlanListItem> Page, int DueForReview, Instant Now)
{
    /// <summary>A review is late once its day has passed (in London).</summary>
    public static Instant ReviewDeadline(LocalDate reviewDate) => reviewDate.PlusDays(1).AtStartOfDayInZone(Households.London).ToInstant();
}

public sealed record SafetyMeasureView(string Measure, string ResponsibleOrganisation);

public sealed record SafetyPlanView(Guid Id, Guid VictimPersonId, string VictimName, LocalDate AgreedOn, string AgreedBy, LocalDate ReviewDate,
    LocalDate? LastReviewedOn, LocalDate? EndedOn, string? EndedBy, string? EndReason, IReadOnlyList<SafetyMeasureView> Measures, bool MayUpdate, Instant Now)
{
    public bool IsOpen => EndedOn is null;
}

public sealed record AddSafetyMeasureOptions(Guid PlanId, SafetyMeasureOptions Measure);

/// <summary>The plan reviewed today, and when it is next reviewed.</summary>
public sealed record ReviewSafetyPlanOptions(Guid PlanId, LocalDate NextReviewDate);

public sealed record EndSafetyPlanOptions(Guid PlanId, string Reason);

/// <summary>Why a change to a plan was refused, in the words shown on its page; null when it was made.</summary>
public sealed record SafetyPlanChange(string? Problem)
{
    public static readonly SafetyPlanChange Done = new((string?)null);
}

public sealed class SafetyPlans(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(SafetyPlan);
    /// <summary>A plan shows as due for review this many days before its review date (and overdue after it).</summary>
    public const int ReminderDays = 7;

    public async Task<SafetyPlan> AgreeAsync(AgreeSafetyPlanOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var problems = Problems(options.Plan).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        db.Process = process;
        var plan = Add(db, actor, options.VictimPersonId, options.Plan, null, options.MaracReferralId);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Adds a plan to the context (the caller saves).</summary>
    internal static SafetyPlan Add(SafeguardingDbContext db, Actor actor, Guid victimPersonId, SafetyPlanOptions options, Guid? triageDecisionId, Guid? maracReferralId)
    {
        if (!actor.HasAny(Resource.SafetyPlan, Operation.Create)) throw new ForbiddenException(nameof(SafetyPlan), null, "Agreeing safety plans is not granted.");
        var now = db.Clock.GetCurrentInstant();
        var plan = new SafetyPlan
        {
            PartnershipId = actor.PartnershipId, VictimPersonId = victimPersonId, TriageDecisionId = triageDecisionId, MaracReferralId = maracReferralId,
            AgreedByOrganisationId = actor.OrganisationId, AgreedOn = Households.LondonDate(now), AgreedAt = now, ReviewDate = options.ReviewDate,
            Measures = options.Measures.Select(m => new SafetyMeasure { Measure = m.Measure.Trim(), ResponsibleOrganisationId = m.ResponsibleOrganisationId }).ToList(),
        };
        db.SafetyPlans.Add(plan);
        return plan;
    }

    public static IEnumerable<string> Problems(SafetyPlanOptions plan)
    {
        if (plan.Measures.Count == 0) yield return "A safety plan has at least one measure.";
        if (plan.Measures.Any(m => string.IsNullOrWhiteSpace(m.Measure))) yield return "Describe every measure.";
    }

    /// <summary>
    /// The open plans the actor may see (every plan with a partnership grant, its own organisation's otherwise), soonest
    /// review first. Three queries whatever the list holds; the plans shown are audited as listed.
    /// </summary>
    public async Task<SafetyPlanList> ListAsync(SafetyPlanListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.SafetyPlan, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        var now = db.Clock.GetCurrentInstant();
        var dueBy = Households.LondonDate(now).PlusDays(ReminderDays);
        var open = Visible(actor).Where(p => p.EndedOn == null);
        var due = await open.CountAsync(p => p.ReviewDate <= dueBy, ct);
        var listed = options.DueOnly ? open.Where(p => p.ReviewDate <= dueBy) : open;
        var page = await (
                from p in listed
                join o in db.Organisations.AsNoTracking() on p.AgreedByOrganisationId equals o.Id
                orderby p.ReviewDate, p.Id
                select new { p.Id, p.VictimPersonId, p.AgreedOn, p.ReviewDate, o.Name, Measures = p.Measures.Count })
            .PageAsync(options.Page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. page.Items.Select(p => p.VictimPersonId).Distinct()], ct);
        await new AuditTrail(db).RecordListedAsync(process, "safety plans", ResourceType, page.Items.Select(p => p.Id), ct);
        return new SafetyPlanList(page.Select(p => new SafetyPlanListItem(p.Id, names.GetValueOrDefault(p.VictimPersonId, SealedPeople.Withheld), p.AgreedOn, p.ReviewDate, p.Name, p.Measures)), due, now);
    }

    /// <summary>
    /// Open plans due for review within <see cref="ReminderDays"/> days or overdue (a review is late once its day has
    /// passed), among those the actor may review (update): what the list's default view shows them to do. Null when the
    /// actor reviews no plans. Two counts, nothing listed.
    /// </summary>
    public async Task<WorkCount?> DueForReviewAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.SafetyPlan, Operation.Update)) return null;
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        var dueBy = today.PlusDays(ReminderDays);
        var due = Visible(actor, Operation.Update).Where(p => p.EndedOn == null && p.ReviewDate <= dueBy);
        return new WorkCount(await due.CountAsync(ct), await due.CountAsync(p => p.ReviewDate < today, ct));
    }

    /// <summary>One plan with its measures, for someone who may read it; null when the partnership has no such plan. The read is audited.</summary>
    public async Task<SafetyPlanView?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var plan = await db.SafetyPlans.AsNoTracking().Include(p => p.Measures).SingleOrDefaultAsync(p => p.Id == id && p.PartnershipId == actor.PartnershipId, ct);
        if (plan is null) return null;
        var decision = AccessPolicy.Decide(actor, Resource.SafetyPlan, Operation.Read, Facts(plan));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        var organisationIds = plan.Measures.Select(m => m.ResponsibleOrganisationId).Append(plan.AgreedByOrganisationId)
            .Concat(plan.EndedByOrganisationId is { } e ? [e] : []).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [plan.VictimPersonId], ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return new SafetyPlanView(plan.Id, plan.VictimPersonId, names.GetValueOrDefault(plan.VictimPersonId, SealedPeople.Withheld), plan.AgreedOn,
            organisations.GetValueOrDefault(plan.AgreedByOrganisationId, ""), plan.ReviewDate, plan.LastReviewedOn, plan.EndedOn,
            plan.EndedByOrganisationId is { } by ? organisations.GetValueOrDefault(by) : null, plan.EndReason,
            [.. plan.Measures.OrderBy(m => m.Id).Select(m => new SafetyMeasureView(m.Measure, organisations.GetValueOrDefault(m.ResponsibleOrganisationId, "")))],
            AccessPolicy.Decide(actor, Resource.SafetyPlan, Operation.Update, Facts(plan)).Allowed, db.Clock.GetCurrentInstant());
    }

    /// <summary>The organisations that can carry out a measure: the partnership's agencies (not schools, colleges or GP practices).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OrganisationsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var partnership = process.RequireActor().PartnershipId;
        var found = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == partnership && o.Type != OrganisationType.School && o.Type != OrganisationType.College && o.Type != OrganisationType.GpPractice)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return [.. found.Select(o => (o.Id, o.Name))];
    }

    /// <summary>Adds a measure to an open plan.</summary>
    public Task<SafetyPlanChange> AddMeasureAsync(AddSafetyMeasureOptions options, ProcessContext process, CancellationToken ct = default) =>
        ChangeAsync(options.PlanId, process, async plan =>
        {
            if (string.IsNullOrWhiteSpace(options.Measure.Measure)) return "Describe the measure";
            if (!await db.Organisations.AnyAsync(o => o.Id == options.Measure.ResponsibleOrganisationId && o.PartnershipId == plan.PartnershipId, ct))
                return "Choose the organisation that does it";
            db.Add(new SafetyMeasure { SafetyPlanId = plan.Id, Measure = options.Measure.Measure.Trim(), ResponsibleOrganisationId = options.Measure.ResponsibleOrganisationId });
            return null;
        }, ct);

    /// <summary>Records the plan reviewed today and sets its next review date, which is after today.</summary>
    public Task<SafetyPlanChange> ReviewAsync(ReviewSafetyPlanOptions options, ProcessContext process, CancellationToken ct = default) =>
        ChangeAsync(options.PlanId, process, plan =>
        {
            var today = Households.LondonDate(db.Clock.GetCurrentInstant());
            if (options.NextReviewDate <= today) return Task.FromResult<string?>("The next review date must be after today");
            if (options.NextReviewDate > today.PlusYears(1)) return Task.FromResult<string?>("The next review date must be within a year");
            plan.LastReviewedOn = today;
            plan.ReviewDate = options.NextReviewDate;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Ends an open plan with a reason; it leaves the review list, and still counts for the period it was agreed in.</summary>
    public Task<SafetyPlanChange> EndAsync(EndSafetyPlanOptions options, ProcessContext process, CancellationToken ct = default) =>
        ChangeAsync(options.PlanId, process, plan =>
        {
            if (string.IsNullOrWhiteSpace(options.Reason)) return Task.FromResult<string?>("Enter why the plan is ending");
            if (options.Reason.Trim().Length > 2000) return Task.FromResult<string?>("The reason must be 2,000 characters or fewer");
            var now = db.Clock.GetCurrentInstant();
            (plan.EndedAt, plan.EndedOn, plan.EndedByOrganisationId, plan.EndReason) = (now, Households.LondonDate(now), process.RequireActor().OrganisationId, options.Reason.Trim());
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Loads an open plan the actor may update (refused otherwise; not found, and ended plans, throw), applies the change
    /// and saves it, or returns the change's problem with nothing saved.
    /// </summary>
    private async Task<SafetyPlanChange> ChangeAsync(Guid id, ProcessContext process, Func<SafetyPlan, Task<string?>> change, CancellationToken ct)
    {
        var actor = process.RequireActor();
        var plan = await db.SafetyPlans.SingleOrDefaultAsync(p => p.Id == id && p.PartnershipId == actor.PartnershipId, ct)
                   ?? throw new NotFoundException(ResourceType, id.ToString());
        var decision = AccessPolicy.Decide(actor, Resource.SafetyPlan, Operation.Update, Facts(plan));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        if (plan.EndedOn is not null) return new SafetyPlanChange("This plan has ended: it cannot be changed");
        if (await change(plan) is { } problem) return new SafetyPlanChange(problem);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return SafetyPlanChange.Done;
    }

    /// <summary>A plan belongs to the organisation that agreed it (an IDVA service sees and changes its own).</summary>
    private static RecordFacts Facts(SafetyPlan plan) => new(plan.PartnershipId, plan.AgreedByOrganisationId);

    /// <summary>The plans the actor may read (or, given, update): every plan with a partnership grant, its own organisation's otherwise.</summary>
    private IQueryable<SafetyPlan> Visible(Actor actor, Operation operation = Operation.Read)
    {
        var partnership = actor.PartnershipId;
        var whole = actor.Grants.Any(g => g.Resource == Resource.SafetyPlan && g.Operation == operation && g.Scope == Scope.WholePartnership);
        var organisation = actor.OrganisationId;
        return db.SafetyPlans.AsNoTracking().Where(p => p.PartnershipId == partnership && (whole || p.AgreedByOrganisationId == organisation));
    }

    /// <summary>
    /// Plans agreed in [from, to), and how many different victims they were for: the yearly report's "victims given
    /// safety plans" counts each victim once in the year, however many plans they had, whether or not a plan has since ended.
    /// </summary>
    public async Task<SafetyPlanCount> CountAsync(SafetyPlanCountOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (from, to) = options;
        // The partnership's figure: a grant over one's own organisation's figures (a school's) is not enough.
        if (!actor.SeesPartnershipFigures) throw new ForbiddenException(nameof(SafetyPlanCount), null, "Reading the partnership's figures is not granted.");
        var plans = db.SafetyPlans.AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId && p.AgreedOn >= from && p.AgreedOn < to);
        return new SafetyPlanCount(from, to, await plans.CountAsync(ct), await plans.Select(p => p.VictimPersonId).Distinct().CountAsync(ct));
    }
}
