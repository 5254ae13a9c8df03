using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Assurance;

public sealed record AssuranceReviewFiguresOptions(LocalDate From, LocalDate To);

/// <summary>
/// The yearly report's figures from case audits, practice reviews and the voice, for a period (both days included):
/// aggregates only, no child named.
/// </summary>
/// <param name="CasesGraded">Sampled cases whose grade was agreed in the period.</param>
/// <param name="Grades">Those cases by grade (every grade listed, zero included).</param>
/// <param name="AuditsCompleted">Audits closing in the period with every sampled case graded.</param>
/// <param name="ReviewsNotified">Serious incidents notified to the national panel in the period.</param>
/// <param name="NotifiedInTime">Of those, notified within 5 working days of the council becoming aware.</param>
/// <param name="RapidReviews">Rapid reviews held in the period.</param>
/// <param name="RapidReviewsInTime">Of those, held within 15 working days of the notification.</param>
/// <param name="LocalReviewsPublished">Local reviews published in the period.</param>
/// <param name="RecommendationsDone">Recommendations marked done in the period.</param>
/// <param name="RecommendationsOverdue">Recommendations not done at the period's end and due before it.</param>
/// <param name="VoiceItems">Feedback given in the period, agreed to share or not.</param>
/// <param name="VoiceByTheme">Those items by theme (an item with two themes counts under each), by name.</param>
public sealed record AssuranceReviewFigureSet(
    LocalDate From, LocalDate To, int CasesGraded, IReadOnlyDictionary<CaseGrade, int> Grades, int AuditsCompleted,
    int ReviewsNotified, int NotifiedInTime, int RapidReviews, int RapidReviewsInTime, int LocalReviewsPublished,
    int RecommendationsDone, int RecommendationsOverdue, int VoiceItems, IReadOnlyDictionary<string, int> VoiceByTheme);

/// <summary>What the yearly report asks of case audits, practice reviews and the voice: one call, figures only.</summary>
public sealed class AssuranceReviewFigures(SafeguardingDbContext db)
{
    public const string ResourceType = "AssuranceReviewFigures";

    public async Task<AssuranceReviewFigureSet> FiguresAsync(AssuranceReviewFiguresOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.SeesPartnershipFigures) throw new ForbiddenException(ResourceType, null, "no role grants Read on AggregateFigures across the partnership");
        if (options.To < options.From) throw new ArgumentException("The period must end on or after it starts.", nameof(options));
        var (partnership, from, to) = (actor.PartnershipId, options.From, options.To);
        var (start, end) = (from.AtStartOfDayInZone(CaseAudits.CaseAudits.London).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(CaseAudits.CaseAudits.London).ToInstant());

        var grades = await db.Set<AuditedCase>().AsNoTracking()
            .Where(c => c.PartnershipId == partnership && c.Grade != null && c.GradedAt >= start && c.GradedAt < end)
            .GroupBy(c => c.Grade!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var cases = db.Set<AuditedCase>();
        var completed = await db.Set<CaseAudit>().AsNoTracking()
            .CountAsync(a => a.PartnershipId == partnership && a.ClosesOn >= from && a.ClosesOn <= to && a.SampledAt != null
                && cases.Any(c => c.AuditId == a.Id) && !cases.Any(c => c.AuditId == a.Id && c.Grade == null), ct);

        var reviews = await db.Set<PracticeReview>().AsNoTracking().Where(r => r.PartnershipId == partnership)
            .Select(r => new { r.NotificationDue, r.NotifiedOn, r.RapidReviewDue, r.RapidReviewOn, r.PublishedOn }).ToListAsync(ct);
        bool In(LocalDate? d) => d is { } x && x >= from && x <= to;
        var notified = reviews.Where(r => In(r.NotifiedOn)).ToList();
        var rapid = reviews.Where(r => In(r.RapidReviewOn)).ToList();

        var recommendations = await db.Set<ReviewRecommendation>().AsNoTracking().Where(r => r.PartnershipId == partnership)
            .Select(r => new { r.Due, r.DoneOn }).ToListAsync(ct);

        var voice = await db.Set<VoiceItem>().AsNoTracking().Include(i => i.Themes)
            .Where(i => i.PartnershipId == partnership && i.GivenOn >= from && i.GivenOn <= to).ToListAsync(ct);
        var themes = await db.Set<VoiceTheme>().AsNoTracking().Where(t => t.PartnershipId == partnership).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new AssuranceReviewFigureSet(from, to, grades.Sum(g => g.Count),
            Enum.GetValues<CaseGrade>().ToDictionary(g => g, g => grades.SingleOrDefault(x => x.Key == g)?.Count ?? 0), completed,
            notified.Count, notified.Count(r => r.NotifiedOn <= r.NotificationDue), rapid.Count, rapid.Count(r => r.RapidReviewOn <= r.RapidReviewDue),
            reviews.Count(r => In(r.PublishedOn)),
            recommendations.Count(r => In(r.DoneOn)), recommendations.Count(r => r.Due < to && (r.DoneOn is null || r.DoneOn > to)),
            voice.Count,
            voice.SelectMany(i => i.Themes).GroupBy(t => themes.GetValueOrDefault(t.ThemeId, "Other"))
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }
}
