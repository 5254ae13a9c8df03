using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Assurance.PracticeReviews;

public sealed record StartReviewOptions(Guid PersonId, string Reference, LocalDate AwareOn);

/// <summary>A step of the review on a date: the notification sent, the rapid review held, the local review published.</summary>
public sealed record ReviewDateOptions(Guid ReviewId, LocalDate On);

public sealed record DecideReviewOptions(Guid ReviewId, ReviewDecision Decision, string Reason);

public sealed record LocalReviewOptions(Guid ReviewId, string TermsOfReference, string Timeline, string Reviewer);

public sealed record PublishReviewOptions(Guid ReviewId, LocalDate On, string Link);

public sealed record AddRecommendationOptions(Guid ReviewId, string Text, Guid OwnerOrganisationId, LocalDate Due);

public sealed record RecommendationStatusOptions(Guid RecommendationId, RecommendationStatus Status);

/// <summary>A review on the list: its reference, never the child's name, with what is due and overdue.</summary>
/// <summary>Which page of the reviews to show.</summary>
public sealed record ReviewListOptions(PageOptions Page)
{
    public ReviewListOptions() : this(new PageOptions()) { }
}
public sealed record ReviewRow(Guid Id, string Reference, LocalDate AwareOn, string Stage, LocalDate? NextDue, bool Overdue, int OpenRecommendations,
    int OverdueRecommendations);

public sealed record RecommendationView(Guid Id, string Text, string Owner, LocalDate Due, RecommendationStatus Status, LocalDate? DoneOn, bool Overdue);

public sealed record ReviewView(
    Guid Id, string Reference, string Child, LocalDate AwareOn, LocalDate NotificationDue, LocalDate? NotifiedOn, bool NotificationOverdue,
    LocalDate? RapidReviewDue, LocalDate? RapidReviewOn, bool RapidReviewOverdue, bool? RapidReviewInTime, ReviewDecision? Decision, string? DecisionReason,
    string? TermsOfReference, IReadOnlyList<string> Timeline, string? Reviewer, LocalDate? PublishedOn, string? PublicationLink, bool MayUpdate,
    IReadOnlyList<RecommendationView> Recommendations);

/// <summary>
/// Child safeguarding practice reviews, kept by the business manager: the statutory clocks in working days (5 to notify
/// the national panel from the day the council became aware; 15 for the rapid review from the notification), the
/// decision, the local review and its publication, and its recommendations tracked to done. Lists show a reference,
/// never the child's name; the review's page names the child to those who may read reviews, audited.
/// </summary>
public sealed class PracticeReviews(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(PracticeReview);
    public const int NotificationWorkingDays = 5;
    public const int RapidReviewWorkingDays = 15;

    public static LocalDate NotificationDueFrom(LocalDate awareOn) => WorkingDays.Add(awareOn, NotificationWorkingDays);

    public static LocalDate RapidReviewDueFrom(LocalDate notifiedOn) => WorkingDays.Add(notifiedOn, RapidReviewWorkingDays);

    public async Task<Guid> StartAsync(StartReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create, null);
        var reference = options.Reference?.Trim() ?? "";
        if (reference.Length is 0 or > 100) throw new ArgumentException("Enter the review's reference (such as Child R), 100 characters or fewer.", nameof(options));
        if (options.AwareOn > Today()) throw new ArgumentException("The day the council became aware cannot be in the future.", nameof(options));
        if (!await db.People.AnyAsync(p => p.Id == options.PersonId && p.PartnershipId == actor.PartnershipId, ct))
            throw new NotFoundException(PersonRecords.ResourceType, options.PersonId.ToString());
        var review = new PracticeReview
        {
            PartnershipId = actor.PartnershipId, PersonId = options.PersonId, Reference = reference, AwareOn = options.AwareOn,
            NotificationDue = NotificationDueFrom(options.AwareOn), CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.Add(review);
        db.Process = process with { Purpose = "Serious incident recorded" };
        await db.SaveChangesAsync(ct);
        return review.Id;
    }

    /// <summary>The child with this NHS number in the partnership's index, for the one recording a serious incident; null when none.</summary>
    public async Task<Guid?> ChildByNhsNumberAsync(string nhsNumber, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create, null);
        var digits = new string(nhsNumber.Where(char.IsDigit).ToArray());
        return await db.People.AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId && p.NhsNumber == digits && p.MergedIntoPersonId == null)
            .OrderBy(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The agencies that may own a recommendation (<see cref="ActionOwners"/>): for the one who changes reviews.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AgenciesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, null);
        return await ActionOwners.OfAsync(db, actor.PartnershipId, ct);
    }

    /// <summary>Records the notification to the national panel: the rapid review's 15 working days start from it.</summary>
    public async Task NotifyAsync(ReviewDateOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.NotifiedOn is not null) throw new InvalidOperationException("The notification has been recorded.");
        CheckDate(options.On, review.AwareOn, "The notification is sent on or after the day the council became aware");
        (review.NotifiedOn, review.RapidReviewDue) = (options.On, RapidReviewDueFrom(options.On));
        await SaveAsync(process, "Serious incident notified", ct);
    }

    public async Task RecordRapidReviewAsync(ReviewDateOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.NotifiedOn is not { } notified) throw new InvalidOperationException("Record the notification first.");
        if (review.RapidReviewOn is not null) throw new InvalidOperationException("The rapid review has been recorded.");
        CheckDate(options.On, notified, "The rapid review is held on or after the notification");
        review.RapidReviewOn = options.On;
        await SaveAsync(process, "Rapid review recorded", ct);
    }

    public async Task DecideAsync(DecideReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.RapidReviewOn is null) throw new InvalidOperationException("The decision follows the rapid review: record it first.");
        if (!Enum.IsDefined(options.Decision)) throw new ArgumentException("Choose the decision.", nameof(options));
        review.DecisionReason = Required(options.Reason, 4000, "the reason for the decision");
        review.Decision = options.Decision;
        await SaveAsync(process, "Practice review decision", ct);
    }

    public async Task RecordLocalReviewAsync(LocalReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.Decision != ReviewDecision.LocalReview) throw new InvalidOperationException("A local review follows a decision to hold one.");
        review.TermsOfReference = Required(options.TermsOfReference, 8000, "the terms of reference");
        review.Timeline = Required(options.Timeline, 20000, "the timeline of events");
        review.Reviewer = Required(options.Reviewer, 200, "the reviewer");
        await SaveAsync(process, "Local review recorded", ct);
    }

    public async Task PublishAsync(PublishReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.Decision != ReviewDecision.LocalReview || review.TermsOfReference is null)
            throw new InvalidOperationException("Record the local review before its publication.");
        var link = Required(options.Link, 500, "the link to the published review");
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException("Enter the link to the published review, starting https://", nameof(options));
        CheckDate(options.On, review.RapidReviewOn!.Value, "The review is published after the rapid review");
        (review.PublishedOn, review.PublicationLink) = (options.On, link);
        await SaveAsync(process, "Local review published", ct);
    }

    public async Task<Guid> AddRecommendationAsync(AddRecommendationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var review = await UpdatableAsync(process, options.ReviewId, ct);
        if (review.RapidReviewOn is null) throw new InvalidOperationException("Recommendations follow the rapid review.");
        var text = Required(options.Text, 4000, "the recommendation");
        if (!await db.Organisations.AnyAsync(o => o.Id == options.OwnerOrganisationId && o.PartnershipId == review.PartnershipId, ct))
            throw new ArgumentException("Choose the agency that owns the recommendation.", nameof(options));
        var recommendation = new ReviewRecommendation { PartnershipId = review.PartnershipId, ReviewId = review.Id, Text = text, OwnerOrganisationId = options.OwnerOrganisationId, Due = options.Due };
        db.Add(recommendation);
        await SaveAsync(process, "Practice review recommendation", ct);
        return recommendation.Id;
    }

    /// <summary>Moves a recommendation on; done records today, and going back from done clears it.</summary>
    public async Task ChangeRecommendationAsync(RecommendationStatusOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var recommendation = await db.Set<ReviewRecommendation>().SingleOrDefaultAsync(r => r.Id == options.RecommendationId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(ReviewRecommendation), options.RecommendationId.ToString());
        await UpdatableAsync(process, recommendation.ReviewId, ct);
        if (!Enum.IsDefined(options.Status)) throw new ArgumentException("Choose the status.", nameof(options));
        recommendation.Status = options.Status;
        recommendation.DoneOn = options.Status == RecommendationStatus.Done ? recommendation.DoneOn ?? Today() : null;
        await SaveAsync(process, "Practice review recommendation status", ct);
    }

    /// <summary>
    /// The partnership's reviews, a page with the true count: references and clocks only, no child named. Reviews still
    /// running (a statutory step to take, a local review unpublished, or a recommendation not done) come first, the
    /// earliest incident first (its clock is the oldest); then the finished ones, latest first.
    /// </summary>
    public async Task<Paged<ReviewRow>> ListAsync(ReviewListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var today = Today();
        var finished = LocalDate.MaxIsoValue;
        var page = await (from r in db.Set<PracticeReview>().AsNoTracking()
                          where r.PartnershipId == actor.PartnershipId
                          let running = r.NotifiedOn == null || r.RapidReviewOn == null || r.Decision == null
                              || (r.Decision == ReviewDecision.LocalReview && r.PublishedOn == null)
                              || db.Set<ReviewRecommendation>().Any(x => x.ReviewId == r.Id && x.Status != RecommendationStatus.Done)
                          orderby running descending, running ? r.AwareOn : finished, r.AwareOn descending, r.Id
                          select r).PageAsync(options.Page, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var recommendations = await db.Set<ReviewRecommendation>().AsNoTracking().Where(r => ids.Contains(r.ReviewId) && r.Status != RecommendationStatus.Done)
            .Select(r => new { r.ReviewId, r.Due }).ToListAsync(ct);
        return page.Select(r =>
        {
            var (stage, due) = Stage(r);
            var open = recommendations.Where(x => x.ReviewId == r.Id).ToList();
            return new ReviewRow(r.Id, r.Reference, r.AwareOn, stage, due, due < today, open.Count, open.Count(x => x.Due < today));
        });
    }

    /// <summary>What the review waits for and by when (null when no statutory clock runs).</summary>
    internal static (string Stage, LocalDate? Due) Stage(PracticeReview r) => r switch
    {
        { NotifiedOn: null } => ("Notification to the national panel", r.NotificationDue),
        { RapidReviewOn: null } => ("Rapid review", r.RapidReviewDue),
        { Decision: null } => ("Decision on a local review", null),
        { Decision: ReviewDecision.LocalReview, PublishedOn: null } => ("Local review", null),
        { Decision: ReviewDecision.LocalReview } => ("Published", null),
        { Decision: ReviewDecision.NationalReview } => ("National review", null),
        _ => ("No further review", null),
    };

    /// <summary>One review with the child's name, for those who may read reviews; the child's record read is audited.</summary>
    public async Task<ReviewView> OpenAsync(Guid reviewId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var review = await db.Set<PracticeReview>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, reviewId.ToString());
        var decision = Demand(actor, Operation.Read, review);
        var names = await SealedPeople.NamesAsync(db, actor, [review.PersonId], ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == review.PartnershipId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var recommendations = await db.Set<ReviewRecommendation>().AsNoTracking().Where(r => r.ReviewId == review.Id).OrderBy(r => r.Due).ThenBy(r => r.Id).ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, review.Id.ToString(), AuditOutcome.Allowed, decision.Reason);
        new AuditTrail(db).QueueListed(process, "Child safeguarding practice review", PersonRecords.ResourceType, [review.PersonId]);
        await db.SaveChangesAsync(ct);
        var today = Today();
        return new ReviewView(review.Id, review.Reference, names.GetValueOrDefault(review.PersonId, SealedPeople.Withheld), review.AwareOn, review.NotificationDue,
            review.NotifiedOn, review.NotifiedOn is null && review.NotificationDue < today, review.RapidReviewDue, review.RapidReviewOn,
            review.RapidReviewOn is null && review.RapidReviewDue < today, review.RapidReviewOn is { } held ? held <= review.RapidReviewDue : null,
            review.Decision, review.DecisionReason, review.TermsOfReference,
            review.Timeline?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], review.Reviewer, review.PublishedOn,
            review.PublicationLink, AccessPolicy.Decide(actor, Resource.PracticeReview, Operation.Update, Facts(review)).Allowed,
            [.. recommendations.Select(r => new RecommendationView(r.Id, r.Text, organisations.GetValueOrDefault(r.OwnerOrganisationId, "An organisation"), r.Due,
                r.Status, r.DoneOn, r.Status != RecommendationStatus.Done && r.Due < today))]);
    }

    /// <summary>No agency owns a review: the partnership's business, read across it by those granted.</summary>
    public static RecordFacts Facts(PracticeReview review) => new(review.PartnershipId);

    private async Task<PracticeReview> UpdatableAsync(ProcessContext process, Guid reviewId, CancellationToken ct)
    {
        var actor = process.RequireActor();
        var review = await db.Set<PracticeReview>().SingleOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, reviewId.ToString());
        Demand(actor, Operation.Update, review);
        return review;
    }

    private static AccessDecision Demand(Actor actor, Operation operation, PracticeReview? review)
    {
        var decision = review is null
            ? AccessPolicy.Decide(actor, Resource.PracticeReview, operation)
            : AccessPolicy.Decide(actor, Resource.PracticeReview, operation, Facts(review));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, review?.Id.ToString(), decision.Reason);
        return decision;
    }

    private void CheckDate(LocalDate on, LocalDate notBefore, string message)
    {
        if (on < notBefore) throw new ArgumentException(message + ".", nameof(on));
        if (on > Today()) throw new ArgumentException("The date cannot be in the future.", nameof(on));
    }

    private static string Required(string? value, int max, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw new ArgumentException($"Enter {what}.", nameof(value));
        if (text.Length > max) throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer.", nameof(value));
        return text;
    }

    private async Task SaveAsync(ProcessContext process, string purpose, CancellationToken ct)
    {
        db.Process = process with { Purpose = purpose };
        await db.SaveChangesAsync(ct);
    }

    private LocalDate Today() => db.Clock.GetCurrentInstant().InZone(WorkingDays.London).Date;
}
