using NodaTime;
using Safeguarding.Core.Assurance;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.Assurance.AssuranceWorld;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>Child safeguarding practice reviews: the statutory clocks in working days, the steps in order, recommendations to done, who sees the child's name.</summary>
public sealed class PracticeReviewsTests
{
    [Fact]
    public void The_notification_is_due_5_working_days_and_the_rapid_review_15_working_days_on_not_counting_Easter()
    {
        // Wednesday 24 March 2027; Good Friday 26 March and Easter Monday 29 March are bank holidays.
        Assert.Equal(new LocalDate(2027, 4, 2), PracticeReviews.NotificationDueFrom(new LocalDate(2027, 3, 24)));
        // Notified Thursday 25 March: fifteen working days later, past Easter, is Monday 19 April.
        Assert.Equal(new LocalDate(2027, 4, 19), PracticeReviews.RapidReviewDueFrom(new LocalDate(2027, 3, 25)));
    }

    [Theory, BothDatabases]
    public async Task A_review_goes_from_notification_to_publication_with_its_clocks_overdue_shown_and_its_recommendations_tracked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, Instant.FromUtc(2027, 3, 24, 9, 0));
        var child = await w.Data.CreatePersonAsync(w.PartnershipId, (w.School, Safeguarding.Core.People.PersonLinkKind.RegisteredPupil));
        Guid id;
        await using (var db = w.NewContext())
            id = await new PracticeReviews(db).StartAsync(new StartReviewOptions(child.Id, "Child R", new LocalDate(2027, 3, 24)), As(w.BusinessManager), ct);

        // Saturday 3 April: the notification (due Friday 2 April) is overdue on the list, which names no child.
        w.Clock.Reset(Instant.FromUtc(2027, 4, 3, 9, 0));
        await using (var db = w.NewContext())
        {
            var row = (await new PracticeReviews(db).ListAsync(new ReviewListOptions(), As(w.BusinessManager), ct)).Items.Single();
            Assert.Equal(("Child R", "Notification to the national panel", (LocalDate?)new LocalDate(2027, 4, 2), true), (row.Reference, row.Stage, row.NextDue, row.Overdue));
            Assert.DoesNotContain(child.GivenName, System.Text.Json.JsonSerializer.Serialize(row));
        }

        await using (var db = w.NewContext())
        {
            var reviews = new PracticeReviews(db);
            await reviews.NotifyAsync(new ReviewDateOptions(id, new LocalDate(2027, 3, 25)), As(w.BusinessManager), ct);
            await Assert.ThrowsAsync<InvalidOperationException>(() => reviews.DecideAsync(new DecideReviewOptions(id, ReviewDecision.LocalReview, "Learning"), As(w.BusinessManager), ct));
        }
        w.Clock.Reset(Instant.FromUtc(2027, 4, 20, 9, 0));
        await using (var db = w.NewContext())
        {
            var reviews = new PracticeReviews(db);
            var due = (await reviews.ListAsync(new ReviewListOptions(), As(w.BusinessManager), ct)).Items.Single();
            Assert.Equal(("Rapid review", (LocalDate?)new LocalDate(2027, 4, 19), true), (due.Stage, due.NextDue, due.Overdue));
            await reviews.RecordRapidReviewAsync(new ReviewDateOptions(id, new LocalDate(2027, 4, 19)), As(w.BusinessManager), ct);
            await reviews.DecideAsync(new DecideReviewOptions(id, ReviewDecision.LocalReview, "Agencies did not share the risk"), As(w.BusinessManager), ct);
            await reviews.RecordLocalReviewAsync(new LocalReviewOptions(id, "How agencies shared risk", "1 March: school concern\n3 March: police call", "An independent reviewer"),
                As(w.BusinessManager), ct);
            await reviews.PublishAsync(new PublishReviewOptions(id, new LocalDate(2027, 4, 20), "https://example.org/child-r"), As(w.BusinessManager), ct);
            var done = await reviews.AddRecommendationAsync(new AddRecommendationOptions(id, "Schools at MARAC", w.Council.Id, new LocalDate(2027, 6, 1)), As(w.BusinessManager), ct);
            await reviews.AddRecommendationAsync(new AddRecommendationOptions(id, "Police share within a day", w.Police.Id, new LocalDate(2027, 5, 1)), As(w.BusinessManager), ct);
            await reviews.ChangeRecommendationAsync(new RecommendationStatusOptions(done, RecommendationStatus.Done), As(w.BusinessManager), ct);
            // Only the business manager changes a review; a service manager reads it, a social worker not at all.
            await Assert.ThrowsAsync<ForbiddenException>(() => reviews.ChangeRecommendationAsync(new RecommendationStatusOptions(done, RecommendationStatus.InProgress), As(w.ServiceManager), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => reviews.OpenAsync(id, As(w.SocialWorker), ct));
        }

        w.Clock.Reset(Instant.FromUtc(2027, 5, 10, 9, 0));
        await using (var db = w.NewContext())
        {
            var view = await new PracticeReviews(db).OpenAsync(id, As(w.ServiceManager), ct);
            Assert.Equal((child.FullName, true, false), (view.Child, view.RapidReviewInTime, view.MayUpdate));
            // "Police share within a day" is open past its due date; "Schools at MARAC" is done.
            Assert.Equal([true, false], view.Recommendations.OrderBy(r => r.Text).Select(r => r.Overdue));
            Assert.Equal(2, view.Timeline.Count);
            var row = (await new PracticeReviews(db).ListAsync(new ReviewListOptions(), As(w.BusinessManager), ct)).Items.Single();
            Assert.Equal(("Published", 1, 1), (row.Stage, row.OpenRecommendations, row.OverdueRecommendations));
            var figures = await new AssuranceReviewFigures(db).FiguresAsync(new AssuranceReviewFiguresOptions(new LocalDate(2027, 3, 1), new LocalDate(2027, 5, 10)),
                As(w.BusinessManager), ct);
            Assert.Equal((1, 1, 1, 1, 1, 1, 1), (figures.ReviewsNotified, figures.NotifiedInTime, figures.RapidReviews, figures.RapidReviewsInTime,
                figures.LocalReviewsPublished, figures.RecommendationsDone, figures.RecommendationsOverdue));
        }
    }

    [Theory, BothDatabases]
    public async Task A_rapid_review_a_day_late_is_not_in_time_and_another_partnerships_review_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, Instant.FromUtc(2027, 4, 30, 9, 0));
        var child = await w.Data.CreatePersonAsync(w.PartnershipId);
        await using var db = w.NewContext();
        var reviews = new PracticeReviews(db);
        var id = await reviews.StartAsync(new StartReviewOptions(child.Id, "Child S", new LocalDate(2027, 3, 24)), As(w.BusinessManager), ct);
        await reviews.NotifyAsync(new ReviewDateOptions(id, new LocalDate(2027, 3, 25)), As(w.BusinessManager), ct);
        await reviews.RecordRapidReviewAsync(new ReviewDateOptions(id, new LocalDate(2027, 4, 20)), As(w.BusinessManager), ct);
        Assert.False((await reviews.OpenAsync(id, As(w.BusinessManager), ct)).RapidReviewInTime);
        var figures = await new AssuranceReviewFigures(db).FiguresAsync(new AssuranceReviewFiguresOptions(new LocalDate(2027, 3, 1), new LocalDate(2027, 4, 30)),
            As(w.BusinessManager), ct);
        Assert.Equal((1, 0), (figures.RapidReviews, figures.RapidReviewsInTime));

        var other = await w.Data.CreateUserAsync(await w.Data.CreateOrganisationAsync((await w.Data.CreatePartnershipAsync()).Id,
            Safeguarding.Core.Platform.Organisations.OrganisationType.CouncilService), Safeguarding.Core.Platform.Access.Role.PartnershipBusinessManager);
        await Assert.ThrowsAsync<NotFoundException>(() => reviews.OpenAsync(id, As(other), ct));
    }
}
