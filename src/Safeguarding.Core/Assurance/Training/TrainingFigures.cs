using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Assurance.Training;

/// <summary>The period counted, first and last day included; the comparison is the same days a year before.</summary>
public sealed record TrainingPeriodOptions(LocalDate From, LocalDate To);

public sealed record AgencyPlaces(string Agency, int Taken, int Attended);
public sealed record CampaignFigure(string Title, LocalDate Starts, LocalDate Ends, int DaysOfAction, int Reach);

/// <summary>
/// One period's training figures. Sessions and places count sessions held in the period; evaluations those of its
/// sessions; a campaign counts in the period it starts in. Averages are null where there is nothing to average.
/// </summary>
public sealed record TrainingPeriod(LocalDate From, LocalDate To, int Courses, int Sessions, int PlacesOffered, int PlacesTaken, int Attended,
    IReadOnlyList<AgencyPlaces> ByAgency, int Evaluations, double? ConfidenceBefore, double? ConfidenceAfter, IReadOnlyList<CampaignFigure> Campaigns)
{
    public int Reach => Campaigns.Sum(c => c.Reach);
    public int DaysOfAction => Campaigns.Sum(c => c.DaysOfAction);
    /// <summary>Of places taken, the share attended (percent), or null with none taken.</summary>
    public double? AttendanceRate => PlacesTaken == 0 ? null : 100.0 * Attended / PlacesTaken;
}

public sealed record TrainingFiguresReport(TrainingPeriod Period, TrainingPeriod YearBefore);

/// <summary>
/// The training and campaign figures for the yearly report (the seed's 2,107 places; 38,000 people over 16 days of
/// action): places offered, places taken by agency, attendance, evaluation averages and campaign reach over a period,
/// beside the same period a year before. Counts only, for the partnership's figures readers; reading is audited.
/// </summary>
public sealed class TrainingFigures(SafeguardingDbContext db)
{
    public const string ResourceType = "TrainingFigures";

    public static bool MayRead(Actor actor) =>
        actor.SeesPartnershipFigures || actor.Grants.Any(g => g is { Resource: Resource.TrainingRecord, Operation: Operation.Read, Scope: Scope.WholePartnership });

    public async Task<TrainingFiguresReport> ForPeriodAsync(TrainingPeriodOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!MayRead(actor)) throw new ForbiddenException(ResourceType, null, "no role grants the partnership's figures or Read on TrainingRecord across it");
        if (options.To < options.From) throw new ArgumentException("The period must end on or after it starts.", nameof(options.To));
        var now = await PeriodAsync(actor.PartnershipId, options.From, options.To, ct);
        var before = await PeriodAsync(actor.PartnershipId, options.From.PlusYears(-1), options.To.PlusYears(-1), ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, $"{options.From:yyyy-MM-dd}/{options.To:yyyy-MM-dd}", AuditOutcome.Allowed);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new TrainingFiguresReport(now, before);
    }

    private async Task<TrainingPeriod> PeriodAsync(Guid partnershipId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var sessions = db.Set<TrainingSession>().AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.Date >= from && s.Date <= to);
        // A year holds hundreds of sessions, not millions: counted here rather than in a grouped query each provider translates its own way.
        var held = await sessions.Select(s => new { s.CourseId, s.PlacesOffered }).ToListAsync(ct);
        var byAgency = await (from p in db.Set<SessionPlaces>().AsNoTracking()
                              join s in sessions on p.SessionId equals s.Id
                              join o in db.Organisations.AsNoTracking() on p.OrganisationId equals o.Id
                              group p by o.Name into g
                              select new AgencyPlaces(g.Key, g.Sum(p => p.Taken), g.Sum(p => p.Attended))).ToListAsync(ct);
        var evaluations = await (from e in db.Set<SessionEvaluation>().AsNoTracking()
                                 join s in sessions on e.SessionId equals s.Id
                                 select new { e.ConfidenceBefore, e.ConfidenceAfter }).ToListAsync(ct);
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.PartnershipId == partnershipId && c.Starts >= from && c.Starts <= to)
            .OrderBy(c => c.Starts).Select(c => new CampaignFigure(c.Title, c.Starts, c.Ends, c.DaysOfAction, c.Reach)).ToListAsync(ct);
        return new TrainingPeriod(from, to, held.Select(s => s.CourseId).Distinct().Count(), held.Count, held.Sum(s => s.PlacesOffered), byAgency.Sum(a => a.Taken), byAgency.Sum(a => a.Attended),
            [.. byAgency.OrderByDescending(a => a.Taken).ThenBy(a => a.Agency, StringComparer.Ordinal)], evaluations.Count,
            evaluations.Count == 0 ? null : evaluations.Average(e => e.ConfidenceBefore), evaluations.Count == 0 ? null : evaluations.Average(e => e.ConfidenceAfter), campaigns);
    }
}
