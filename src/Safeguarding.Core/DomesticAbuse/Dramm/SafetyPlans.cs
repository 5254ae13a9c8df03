using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

public sealed record SafetyMeasureOptions(string Measure, Guid ResponsibleOrganisationId);

public sealed record SafetyPlanOptions(IReadOnlyList<SafetyMeasureOptions> Measures, LocalDate ReviewDate);

/// <summary>A plan agreed for a victim, from a MARAC case when there is one.</summary>
public sealed record AgreeSafetyPlanOptions(Guid VictimPersonId, SafetyPlanOptions Plan, Guid? MaracReferralId = null);

/// <summary>Plans agreed in [From, To).</summary>
public sealed record SafetyPlanCountOptions(LocalDate From, LocalDate To);

/// <summary>Safety plans and how many victims had one in a period (the yearly report's figure).</summary>
public sealed record SafetyPlanCount(LocalDate From, LocalDate To, int Plans, int Victims);

public sealed class SafetyPlans(SafeguardingDbContext db)
{
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

    /// <summary>Plans agreed in [from, to), and how many different victims they were for.</summary>
    public async Task<SafetyPlanCount> CountAsync(SafetyPlanCountOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (from, to) = options;
        if (!actor.HasAny(Resource.AggregateFigures, Operation.Read)) throw new ForbiddenException(nameof(SafetyPlanCount), null, "Reading figures is not granted.");
        var plans = db.SafetyPlans.AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId && p.AgreedOn >= from && p.AgreedOn < to);
        return new SafetyPlanCount(from, to, await plans.CountAsync(ct), await plans.Select(p => p.VictimPersonId).Distinct().CountAsync(ct));
    }
}
