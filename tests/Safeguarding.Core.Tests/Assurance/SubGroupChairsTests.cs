using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using ReviewDecision = Safeguarding.Core.Assurance.PracticeReviews.ReviewDecision;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The sub-groups' chairs write the report's narrative (both databases): a chair is a user, set by the business manager;
/// the chair writes their sub-group's sections and is refused every other section, the draft, editions and sign-off; a
/// priority's section belongs to the sub-group of its work plan; the voice section quotes only words a child agreed to
/// share, frozen in the edition, and a withdrawal leaves the next edition; the practice-review section lists the
/// reviews by reference; a sub-group in use cannot be removed.
/// </summary>
public sealed class SubGroupChairsTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private sealed record World(TestDatabase Database, TestData Data, Guid PartnershipId, Organisation Council, TestUser Manager, TestUser Chair, TestUser OtherChair,
        TestUser NotAChair, TestUser OtherPartnershipChair, Guid DomesticGroup, Guid LearnersGroup, Guid PriorityId)
    {
        public YearlyReports Reports() { var db = Database.NewContext(); return new YearlyReports(db, new FigureCatalogue(db)); }
        public SubGroups Groups() => new(Database.NewContext());
        public VoiceFeedbacks Voice() => new(Database.NewContext());
    }

    /// <summary>Two sub-groups with chairs who are users; one priority for 2025-26 whose work plan is the domestic abuse sub-group's.</summary>
    private static async Task<World> WorldAsync(TestDatabase database, CancellationToken ct)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var other = await data.CreatePartnershipAsync();
        var otherCouncil = await data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService);
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var chair = await data.CreateUserAsync(council, Role.SubGroupChair);
        var otherChair = await data.CreateUserAsync(police, Role.SubGroupChair);
        var plan = new PartnershipPlan(database.NewContext());
        var domestic = await plan.AddSubGroupAsync(new AddSubGroupOptions("Domestic abuse sub-group", "Head of Safer Communities", [council.Id, police.Id]), As(manager), ct);
        var learners = await plan.AddSubGroupAsync(new AddSubGroupOptions("Vulnerable learners sub-group", "Head of Inclusion", [council.Id]), As(manager), ct);
        var priority = await plan.AddPriorityAsync(new AddPriorityOptions(2025, "Domestic abuse", "Children experiencing domestic abuse are seen early."), As(manager), ct);
        await plan.AddActionAsync(new AddActionOptions(domestic, priority, "Refresh the masterclasses", "Workforce development", new(2025, 12, 31)), As(manager), ct);
        var w = new World(database, data, partnership.Id, council, manager, chair, otherChair, await data.CreateUserAsync(council, Role.TeamManager),
            await data.CreateUserAsync(otherCouncil, Role.SubGroupChair), domestic, learners, priority);
        await w.Groups().SaveAsync(new SaveSubGroupOptions(domestic, "Domestic abuse sub-group", null, chair.User.Id), As(manager), ct);
        await w.Groups().SaveAsync(new SaveSubGroupOptions(learners, "Vulnerable learners sub-group", null, otherChair.User.Id), As(manager), ct);
        return w;
    }

    private static SaveSectionOptions Writing(Guid reportId, string key, string text, IReadOnlyList<Guid>? quotes = null) =>
        new(reportId, key, text, null, null, "Next year: more of it.", ["domestic-incidents"], quotes);

    [Theory, BothDatabases]
    public async Task A_chair_writes_their_sub_groups_section_and_is_refused_every_other_section_the_draft_an_edition_and_sign_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, ct);
        var reportId = await w.Reports().CreateAsync(new CreateReportOptions("Yearly report 2025-26", new(2025, 4, 1), new(2026, 3, 31)), As(w.Manager), ct);
        // The priority's section belongs to the sub-group whose work plan carries its actions; the business manager gives the voice to the learners' sub-group.
        await w.Reports().AssignSectionAsync(new AssignSectionOptions(reportId, "childrens-voice", w.LearnersGroup), As(w.Manager), ct);

        var mine = (await w.Reports().OpenForWritingAsync(reportId, As(w.Chair), ct))!;
        Assert.Equal(["priority-1"], mine.Sections.Select(s => s.Key));
        Assert.Equal(((Guid?)w.DomesticGroup, "Domestic abuse sub-group"), (mine.Sections[0].SubGroupId, mine.Sections[0].SubGroup));
        await w.Reports().SaveSectionAsync(Writing(reportId, "priority-1", "The DRAMM met every weekday."), As(w.Chair), ct);

        // Another sub-group's section, a section no sub-group writes, on opening as on saving.
        foreach (var key in new[] { "childrens-voice", "training" })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().OpenSectionAsync(new OpenSectionOptions(reportId, key), As(w.Chair), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().SaveSectionAsync(Writing(reportId, key, "Not mine to write."), As(w.Chair), ct));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().MakeEditionAsync(reportId, As(w.Chair), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().OpenDraftAsync(reportId, As(w.Chair), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().AssignSectionAsync(new AssignSectionOptions(reportId, "training", w.DomesticGroup), As(w.Chair), ct));
        // Someone with no grant, and a chair of another partnership (who is not told the report exists).
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().OpenForWritingAsync(reportId, As(w.NotAChair), ct));
        Assert.Null(await w.Reports().OpenForWritingAsync(reportId, As(w.OtherPartnershipChair), ct));
        // A figure's value cannot be typed: only keys of the catalogue.
        await Assert.ThrowsAsync<ArgumentException>(() => w.Reports().SaveSectionAsync(
            new SaveSectionOptions(reportId, "priority-1", "x", null, null, null, ["18.8%"]), As(w.Chair), ct));

        // The business manager sees who wrote it last and when; the chair's list shows it waiting in the draft.
        var draft = (await w.Reports().OpenDraftAsync(reportId, As(w.Manager), ct))!;
        var written = draft.Sections.Single(s => s.Key == "priority-1");
        Assert.Equal(("The DRAMM met every weekday.", w.Chair.User.DisplayName), (written.WhatWasDone, written.LastWrittenBy));
        Assert.NotNull(written.LastWrittenAt);
        Assert.Equal(["priority-1"], (await w.Reports().ChairSectionsAsync(As(w.Chair), ct)).Select(s => s.Key));
        Assert.Equal(["childrens-voice"], (await w.Reports().ChairSectionsAsync(As(w.OtherChair), ct)).Select(s => s.Key));

        // A new chair takes over: the old one is refused from then on.
        await w.Groups().SaveAsync(new SaveSubGroupOptions(w.DomesticGroup, "Domestic abuse sub-group", null, w.OtherChair.User.Id), As(w.Manager), ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Reports().SaveSectionAsync(Writing(reportId, "priority-1", "Still mine?"), As(w.Chair), ct));
        await w.Reports().SaveSectionAsync(Writing(reportId, "priority-1", "Written by the new chair."), As(w.OtherChair), ct);
    }

    [Theory, BothDatabases]
    public async Task The_voice_section_quotes_only_agreed_words_frozen_in_the_edition_and_a_withdrawal_leaves_the_next_edition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, ct);
        var theme = await w.Voice().AddThemeAsync(new AddThemeOptions("Being listened to"), As(w.Manager), ct);
        Task<Guid> Record(VoiceSource source, LocalDate on, string words, bool agreed) =>
            w.Voice().RecordAsync(new RecordVoiceOptions(source, source == VoiceSource.Project ? "Voices" : null, null, on, words, agreed, [theme]), As(w.Manager), ct);
        var listened = await Record(VoiceSource.Project, new(2025, 6, 1), "My worker listened to me every time.", agreed: true);
        var school = await Record(VoiceSource.FeedbackForm, new(2025, 9, 1), "School helped when things were hard at home.", agreed: true);
        var notAgreed = await Record(VoiceSource.AssessmentOrPlan, new(2025, 10, 1), "Words the child did not agree to share.", agreed: false);
        var before = await Record(VoiceSource.FeedbackForm, new(2025, 3, 31), "Said before the period.", agreed: true);
        var reportId = await w.Reports().CreateAsync(new CreateReportOptions("Yearly report 2025-26", new(2025, 4, 1), new(2026, 3, 31)), As(w.Manager), ct);
        await w.Reports().AssignSectionAsync(new AssignSectionOptions(reportId, "childrens-voice", w.LearnersGroup), As(w.Manager), ct);

        // The voice section's chair chooses from agreed words in the period only.
        var section = await w.Reports().OpenSectionAsync(new OpenSectionOptions(reportId, "childrens-voice"), As(w.OtherChair), ct);
        Assert.Equal([school, listened], section.QuoteChoices.Select(q => q.Id));
        foreach (var refused in new[] { notAgreed, before })
            await Assert.ThrowsAsync<ArgumentException>(() => w.Reports().SaveSectionAsync(Writing(reportId, "childrens-voice", "What they said.", [listened, refused]), As(w.OtherChair), ct));
        await w.Reports().SaveSectionAsync(Writing(reportId, "childrens-voice", "What they said.", [listened, school]), As(w.OtherChair), ct);

        var firstId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);
        static IReadOnlyList<SharedQuote> QuotesOf(EditionView e) => e.Snapshot.Sections.Single(s => s.Key == "childrens-voice").Quotes!;
        var first = QuotesOf((await w.Reports().OpenEditionAsync(firstId, As(w.Manager), ct))!);
        Assert.Equal(["My worker listened to me every time.", "School helped when things were hard at home."], first.Select(q => q.Words));
        Assert.Equal((VoiceSource.Project, "Voices"), (first[0].Source, first[0].Project));
        Assert.Equal(["Being listened to"], first[0].Themes);

        // The child withdraws their agreement: their words are gone from the record and from the next edition, not from the one made.
        await w.Voice().WithdrawConsentAsync(listened, As(w.Manager), ct);
        Assert.Equal(2, QuotesOf((await w.Reports().OpenEditionAsync(firstId, As(w.Manager), ct))!).Count);
        var secondId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);
        var second = (await w.Reports().OpenEditionAsync(secondId, As(w.Manager), ct))!;
        Assert.Equal(["School helped when things were hard at home."], QuotesOf(second).Select(q => q.Words));
        Assert.Contains(second.Differences, d => d is { Kind: "quotes", Key: "childrens-voice" });
        await using var db = database.NewContext();
        Assert.Null((await db.Set<VoiceItem>().SingleAsync(i => i.Id == listened, ct)).SharedWords);
    }

    [Theory, BothDatabases]
    public async Task The_practice_review_section_lists_the_reviews_of_the_period_by_reference_never_the_childs_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, ct);
        var child = await w.Data.CreatePersonAsync(w.PartnershipId, (w.Council, PersonLinkKind.OpenCase));
        var now = SystemClock.Instance.GetCurrentInstant();
        PracticeReview Review(string reference, LocalDate aware) => new()
        {
            PartnershipId = w.PartnershipId, Reference = reference, PersonId = child.Id, AwareOn = aware, NotificationDue = aware.PlusDays(7), CreatedAt = now,
        };
        var published = Review("Child R", new(2024, 11, 4));
        (published.NotifiedOn, published.RapidReviewDue, published.RapidReviewOn, published.Decision, published.PublishedOn) =
            (new(2024, 11, 6), new(2024, 11, 27), new(2024, 11, 20), ReviewDecision.LocalReview, new(2025, 9, 30));
        var open = Review("Child S", new(2026, 1, 12));
        open.NotifiedOn = new(2026, 1, 14);
        var concludedBefore = Review("Child Q", new(2024, 5, 1));
        (concludedBefore.NotifiedOn, concludedBefore.RapidReviewOn, concludedBefore.Decision) = (new(2024, 5, 2), new(2024, 5, 20), ReviewDecision.NoFurtherReview);
        var after = Review("Child T", new(2026, 4, 2));
        await using (var db = database.NewContext())
        {
            db.Process = As(w.Manager);
            db.AddRange(published, open, concludedBefore, after);
            db.AddRange(
                new ReviewRecommendation { PartnershipId = w.PartnershipId, ReviewId = published.Id, Text = "Share chronologies", OwnerOrganisationId = w.Council.Id, Due = new(2025, 12, 1), Status = RecommendationStatus.Done, DoneOn = new(2025, 11, 1) },
                new ReviewRecommendation { PartnershipId = w.PartnershipId, ReviewId = published.Id, Text = "Train on coercive control", OwnerOrganisationId = w.Council.Id, Due = new(2026, 2, 1), Status = RecommendationStatus.InProgress },
                new ReviewRecommendation { PartnershipId = w.PartnershipId, ReviewId = published.Id, Text = "Audit strategy discussions", OwnerOrganisationId = w.Council.Id, Due = new(2026, 3, 1), Status = RecommendationStatus.NotStarted });
            await db.SaveChangesAsync(ct);
        }
        var reportId = await w.Reports().CreateAsync(new CreateReportOptions("Yearly report 2025-26", new(2025, 4, 1), new(2026, 3, 31)), As(w.Manager), ct);

        var editionId = await w.Reports().MakeEditionAsync(reportId, As(w.Manager), ct);

        var reviews = (await w.Reports().OpenEditionAsync(editionId, As(w.Manager), ct))!.Snapshot.Sections.Single(s => s.Kind == SectionKind.PracticeReviews).Reviews!;
        Assert.Equal(
        [
            new ReviewLine("Child R", "Published", new(2024, 11, 4), new(2024, 11, 6), new(2024, 11, 20), new(2025, 9, 30), 1, 3),
            new ReviewLine("Child S", "Rapid review", new(2026, 1, 12), new(2026, 1, 14), null, null, 0, 0),
        ], reviews);
        await using var read = database.NewContext();
        var snapshot = await read.Set<ReportEdition>().Where(e => e.Id == editionId).Select(e => e.Snapshot).SingleAsync(ct);
        Assert.DoesNotContain(child.GivenName, snapshot, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, BothDatabases]
    public async Task The_business_manager_chooses_a_chair_who_holds_the_role_and_removes_only_a_sub_group_nothing_refers_to(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database, ct);
        var spare = await new PartnershipPlan(database.NewContext()).AddSubGroupAsync(new AddSubGroupOptions("Spare sub-group", "Nobody yet", []), As(w.Manager), ct);

        var opened = (await w.Groups().OpenAsync(w.DomesticGroup, As(w.Manager), ct))!;
        Assert.Equal(new[] { w.Chair.User.Id, w.OtherChair.User.Id }.Order(), opened.Chairs.Select(c => c.Id).Order());
        Assert.Equal(w.Chair.User.Id, opened.ChairUserId);
        Assert.StartsWith(w.Chair.User.DisplayName, opened.Chair);
        // A user without the role, or of another partnership, cannot chair; another partnership's sub-group is not found.
        foreach (var refused in new[] { w.NotAChair, w.OtherPartnershipChair })
            await Assert.ThrowsAsync<ArgumentException>(() => w.Groups().SaveAsync(new SaveSubGroupOptions(spare, "Spare sub-group", null, refused.User.Id), As(w.Manager), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Groups().OpenAsync(w.DomesticGroup, As(w.Chair), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => w.Groups().SaveAsync(new SaveSubGroupOptions(spare, "Domestic abuse sub-group", null, null), As(w.Manager), ct));

        await w.Groups().SaveAsync(new SaveSubGroupOptions(spare, "Workforce sub-group", "Training across the partnership.", null), As(w.Manager), ct);
        var renamed = (await w.Groups().OpenAsync(spare, As(w.Manager), ct))!;
        Assert.Equal(("Workforce sub-group", "Training across the partnership."), (renamed.Name, renamed.Remit));

        // The domestic abuse sub-group carries a work-plan action: removing it is refused, saying why. The spare one goes.
        var inUse = await Assert.ThrowsAsync<ArgumentException>(() => w.Groups().RemoveAsync(w.DomesticGroup, As(w.Manager), ct));
        Assert.Contains("1 work-plan action", inUse.Message);
        await w.Groups().RemoveAsync(spare, As(w.Manager), ct);
        Assert.Null(await w.Groups().OpenAsync(spare, As(w.Manager), ct));
    }
}
