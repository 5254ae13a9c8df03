using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.FrontDoor;

/// <summary>A period of whole London days, both ends included (the yearly report's 1 April to 31 March).</summary>
public sealed record FrontDoorFiguresOptions(LocalDate From, LocalDate To);

/// <summary>
/// The Front Door's figures over one period (definitions in docs/front-door.md, "Figures"). Shares are null when
/// nothing is counted under them.
/// </summary>
public sealed record FrontDoorPeriodFigures(
    LocalDate From, LocalDate To,
    int Contacts, int Decided, int DecidedInOneWorkingDay,
    int Referrals, int ReReferrals, int ReferralsWithDomesticAbuseFactor,
    int AssessmentsCompleted, int AssessmentsInFortyFiveWorkingDays)
{
    public double? DomesticAbuseShare => Share(ReferralsWithDomesticAbuseFactor, Referrals);
    public double? ReReferralRate => Share(ReReferrals, Referrals);
    public double? DecidedInTimeShare => Share(DecidedInOneWorkingDay, Decided);
    public double? AssessedInTimeShare => Share(AssessmentsInFortyFiveWorkingDays, AssessmentsCompleted);

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

/// <summary>The period asked for and the same days a year before.</summary>
public sealed record FrontDoorFigureSet(FrontDoorPeriodFigures Period, FrontDoorPeriodFigures YearBefore);

/// <summary>
/// The Front Door's figures for the yearly report: counts only, no child named, for readers of the partnership's
/// figures; reading them is audited. Everything is counted from the contacts themselves, so each figure can be traced.
/// </summary>
public sealed class FrontDoorFigures(SafeguardingDbContext db)
{
    public const string ResourceType = "FrontDoorFigures";

    public static bool MayRead(Actor actor) => actor.SeesPartnershipFigures;

    public async Task<FrontDoorFigureSet> ForAsync(FrontDoorFiguresOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!MayRead(actor)) throw new ForbiddenException(ResourceType, null, "no role grants Read on AggregateFigures across the partnership");
        if (options.To < options.From) throw new ArgumentException("The period ends on or after the day it starts.", nameof(options));
        var period = await PeriodAsync(actor.PartnershipId, options.From, options.To, ct);
        var before = await PeriodAsync(actor.PartnershipId, options.From.PlusYears(-1), options.To.PlusYears(-1), ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"Front Door figures {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new FrontDoorFigureSet(period, before);
    }

    private static Instant Start(LocalDate day) => day.AtStartOfDayInZone(WorkingDays.London).ToInstant();

    private async Task<FrontDoorPeriodFigures> PeriodAsync(Guid partnership, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var (start, end) = (Start(from), Start(to.PlusDays(1)));
        var contacts = db.Set<FrontDoorContact>().AsNoTracking().Where(c => c.PartnershipId == partnership);
        var received = await contacts.CountAsync(c => c.ReceivedAt >= start && c.ReceivedAt < end, ct);
        // Decisions on the contacts received in the period, and how many by their one-working-day due time.
        var decided = await contacts.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end && c.DecidedAt != null)
            .Select(c => new { In = c.DecidedAt <= c.DecisionDueAt }).ToListAsync(ct);
        // Referrals: contacts accepted (assessment or strategy discussion) in the period, with the referrals of the 12
        // months before it, to find re-referrals.
        var lookBack = Start(from.PlusMonths(-12));
        var referrals = await contacts.Where(c => (c.Decision == ContactDecision.Assessment || c.Decision == ContactDecision.StrategyDiscussion)
                && c.DecidedAt >= lookBack && c.DecidedAt < end)
            .Select(c => new { c.Id, c.PersonId, DecidedAt = c.DecidedAt!.Value, c.Factors }).ToListAsync(ct);
        var inPeriod = referrals.Where(r => r.DecidedAt >= start).ToList();
        var byChild = referrals.ToLookup(r => r.PersonId);
        var reReferrals = inPeriod.Count(r => byChild[r.PersonId].Any(p => p.Id != r.Id && p.DecidedAt < r.DecidedAt && p.DecidedAt >= TwelveMonthsBefore(r.DecidedAt)));
        var withDomesticAbuse = inPeriod.Count(r => r.Factors.Any(CensusFactors.DomesticAbuse.Contains));
        // Assessments completed in the period, and how many by their 45th working day.
        var assessments = await contacts.Where(c => c.AssessmentCompletedOn >= from && c.AssessmentCompletedOn <= to)
            .Select(c => new { In = c.AssessmentCompletedOn <= c.AssessmentDue }).ToListAsync(ct);
        return new FrontDoorPeriodFigures(from, to, received, decided.Count, decided.Count(d => d.In), inPeriod.Count, reReferrals, withDomesticAbuse,
            assessments.Count, assessments.Count(a => a.In));
    }

    /// <summary>The same London time a year before: a referral after it and before this one makes this one a re-referral.</summary>
    public static Instant TwelveMonthsBefore(Instant at) =>
        at.InZone(WorkingDays.London).LocalDateTime.PlusMonths(-12).InZoneLeniently(WorkingDays.London).ToInstant();
}
