using Safeguarding.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The business manager keeps the partnership's records right, on both databases: relevant agencies named with their
/// date (never a partner, never another partnership's organisation); priorities, actions, partners, courses, sessions and
/// campaigns corrected or removed, where removing what something else refers to is refused with the reason; and the
/// practice reviews' list paged with its true count, the reviews still running first.
/// </summary>
public sealed class KeepingTheRecordsTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private sealed record World(TestData Data, Organisation Council, Organisation Police, Organisation Trust, Organisation Elsewhere, TestUser Manager, TestUser OtherManager);

    private static async Task<World> CreateAsync(TestDatabase database)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Aire Valley Police");
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var other = await data.CreatePartnershipAsync();
        var elsewhere = await data.CreateOrganisationAsync(other.Id, OrganisationType.CouncilService, "Elsewhere Council");
        return new World(data, council, police, trust, elsewhere, await data.CreateUserAsync(council, Role.PartnershipBusinessManager),
            await data.CreateUserAsync(elsewhere, Role.PartnershipBusinessManager));
    }

    [Theory, BothDatabases]
    public async Task Relevant_agencies_are_named_with_their_date_and_a_partner_or_another_partnerships_organisation_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await CreateAsync(database);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var plan = new PartnershipPlan(db);
        await plan.AddPartnerAsync(new AddPartnerOptions(PartnerKind.Police, w.Police.Id, "Chief Superintendent"), As(w.Manager), ct);

        var named = await plan.NameRelevantAgencyAsync(new NameRelevantAgencyOptions(w.Trust.Id, new LocalDate(2024, 4, 1)), As(w.Manager), ct);

        var year = await plan.YearAsync(new PlanYearOptions(2024), As(w.Manager), ct);
        Assert.Equal([new RelevantAgencyView(named, "Aire Valley Hospitals", new LocalDate(2024, 4, 1))], year.RelevantAgencies);
        var partner = await Assert.ThrowsAsync<ArgumentException>(() => plan.NameRelevantAgencyAsync(new NameRelevantAgencyOptions(w.Police.Id, new LocalDate(2024, 4, 1)), As(w.Manager), ct));
        Assert.StartsWith("That organisation is a safeguarding partner", partner.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => plan.NameRelevantAgencyAsync(new NameRelevantAgencyOptions(w.Trust.Id, new LocalDate(2024, 5, 1)), As(w.Manager), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => plan.NameRelevantAgencyAsync(new NameRelevantAgencyOptions(w.Elsewhere.Id, new LocalDate(2024, 4, 1)), As(w.Manager), ct));
        // Another partnership's business manager cannot see or remove the naming; the partnership's own can.
        await Assert.ThrowsAsync<NotFoundException>(() => plan.RemoveRelevantAgencyAsync(named, As(w.OtherManager), ct));
        await plan.RemoveRelevantAgencyAsync(named, As(w.Manager), ct);
        Assert.Empty((await plan.YearAsync(new PlanYearOptions(2024), As(w.Manager), ct)).RelevantAgencies);
        Assert.Equal(0, await db.Set<RelevantAgency>().CountAsync(ct));
    }

    [Theory, BothDatabases]
    public async Task Removing_a_priority_with_actions_is_refused_and_correcting_an_action_keeps_why_it_did_not_progress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await CreateAsync(database);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var plan = new PartnershipPlan(db);
        var group = await plan.AddSubGroupAsync(new AddSubGroupOptions("Domestic abuse sub-group", "A chair", [w.Council.Id]), As(w.Manager), ct);
        var first = await plan.AddPriorityAsync(new AddPriorityOptions(2024, "Domestic abuse", "Children are seen"), As(w.Manager), ct);
        var second = await plan.AddPriorityAsync(new AddPriorityOptions(2024, "Exploitation", "Children are safe"), As(w.Manager), ct);
        var action = await plan.AddActionAsync(new AddActionOptions(group, first, "Train schools", "Education team", new LocalDate(2024, 9, 30)), As(w.Manager), ct);
        await plan.RecordStatusAsync(new ActionStatusOptions(action, ActionStatus.DidNotProgress, "No trainer"), As(w.Manager), ct);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => plan.RemovePriorityAsync(first, As(w.Manager), ct));
        Assert.Equal("This priority has work-plan actions. Remove them first. (Parameter 'priorityId')", refused.Message);
        await plan.CorrectActionAsync(new CorrectActionOptions(action, "Train every school", "Learning inclusion", new LocalDate(2024, 10, 31)), As(w.Manager), ct);
        var corrected = Assert.Single((await plan.YearAsync(new PlanYearOptions(2024), As(w.Manager), ct)).Priorities[0].Actions);
        Assert.Equal(("Train every school", "Learning inclusion", new LocalDate(2024, 10, 31), ActionStatus.DidNotProgress, "No trainer"),
            (corrected.Action, corrected.Owner, corrected.Due, corrected.Status, corrected.NotProgressedReason));
        await Assert.ThrowsAsync<ArgumentException>(() => plan.CorrectPriorityAsync(new CorrectPriorityOptions(second, " ", "Aim"), As(w.Manager), ct));
        await Assert.ThrowsAsync<NotFoundException>(() => plan.RemoveActionAsync(action, As(w.OtherManager), ct));

        await plan.RemoveActionAsync(action, As(w.Manager), ct);
        await plan.RemovePriorityAsync(first, As(w.Manager), ct);

        // The year's priorities stay numbered from 1.
        var left = Assert.Single((await plan.YearAsync(new PlanYearOptions(2024), As(w.Manager), ct)).Priorities);
        Assert.Equal((second, 1, "Exploitation"), (left.Id, left.Order, left.Title));
    }

    [Theory, BothDatabases]
    public async Task A_course_with_sessions_and_a_session_with_places_are_not_removed_and_an_agencys_lead_removes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await CreateAsync(database);
        var lead = await w.Data.CreateUserAsync(w.Trust, Role.AgencySafeguardingLead);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var records = new TrainingRecords(db);
        var course = await records.AddCourseAsync(new AddCourseOptions("Domestic abuse and children", "All practitioners", false), As(w.Manager), ct);
        var taken = await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2024, 5, 1), 20), As(w.Manager), ct);
        var empty = await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2024, 6, 1), 20), As(w.Manager), ct);
        await records.RecordPlacesAsync(new RecordPlacesOptions(taken, w.Trust.Id, 12, 10), As(w.Manager), ct);
        var campaign = await records.AddCampaignAsync(new AddCampaignOptions("16 days of action", new LocalDate(2024, 11, 25), new LocalDate(2024, 12, 10), 16, 38_000), As(w.Manager), ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => records.RemoveCampaignAsync(campaign, As(lead), ct));
        Assert.Equal("This course has sessions. Remove its sessions first. (Parameter 'courseId')",
            (await Assert.ThrowsAsync<ArgumentException>(() => records.RemoveCourseAsync(course, As(w.Manager), ct))).Message);
        await Assert.ThrowsAsync<ArgumentException>(() => records.RemoveSessionAsync(taken, As(w.Manager), ct));
        await records.RemoveSessionAsync(empty, As(w.Manager), ct);
        await records.RemoveCampaignAsync(campaign, As(w.Manager), ct);

        var view = await records.KeepViewAsync(new TrainingYearOptions(2024), As(w.Manager), ct);
        Assert.Equal([taken], view.Sessions.Select(s => s.Id));
        Assert.Empty(view.Campaigns);
        Assert.Equal(12, await db.Set<SessionPlaces>().SumAsync(p => p.Taken, ct));
    }

    [Theory, BothDatabases]
    public async Task A_places_file_is_taken_whole_and_corrects_an_agency_already_recorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await CreateAsync(database);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var records = new TrainingRecords(db);
        var course = await records.AddCourseAsync(new AddCourseOptions("Domestic abuse and children", "All practitioners", false), As(w.Manager), ct);
        var session = await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2024, 5, 1), 20), As(w.Manager), ct);
        await records.RecordPlacesAsync(new RecordPlacesOptions(session, w.Trust.Id, 3, 3), As(w.Manager), ct);

        var result = await new TrainingPlacesFile(db).UploadAsync(new UploadPlacesOptions(session, "may.csv",
            "Agency,Places offered,Places taken,Attended\nAire Valley Hospitals,15,12,10\n\"aire valley council\",10,8,8\n"), As(w.Manager), ct);

        Assert.Equal((true, 2, 20, 18), (result.Taken, result.Agencies, result.PlacesTaken, result.Attended));
        var row = Assert.Single((await records.KeepViewAsync(new TrainingYearOptions(2024), As(w.Manager), ct)).Sessions);
        // The trust's 3 places are corrected to 12; the places offered become the file's 25.
        Assert.Equal((25, 20, 18), (row.PlacesOffered, row.PlacesTaken, row.Attended));
        Assert.Equal(0, await db.QuarantinedRecords.CountAsync(ct));
    }

    [Theory, BothDatabases]
    public async Task A_places_file_with_bad_rows_saves_nothing_and_keeps_the_bad_rows_in_the_quarantine_with_file_line_and_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await CreateAsync(database);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2024, 6, 1, 9, 0)));
        var records = new TrainingRecords(db);
        var course = await records.AddCourseAsync(new AddCourseOptions("Domestic abuse and children", "All practitioners", false), As(w.Manager), ct);
        var session = await records.AddSessionAsync(new AddSessionOptions(course, new LocalDate(2024, 5, 1), 20), As(w.Manager), ct);
        var file = new TrainingPlacesFile(db);

        var result = await file.UploadAsync(new UploadPlacesOptions(session, "may.csv",
            "agency,places taken,attended\nAire Valley Hospitals,12,10\nElsewhere Council,2,2\nAire Valley Police,4,five\nAire Valley Council,3,4\n"), As(w.Manager), ct);

        Assert.False(result.Taken);
        Assert.Equal([
            "may.csv:3:1: no organisation of the partnership is called 'Elsewhere Council'.",
            "may.csv:4:3: attended must be a whole number from 0 to 10,000, not 'five'.",
            "may.csv:5:3: attended (4) must be no more than the places taken (3).",
        ], result.Problems);
        Assert.Equal(0, await db.Set<SessionPlaces>().CountAsync(ct));
        var held = await db.QuarantinedRecords.AsNoTracking().OrderBy(q => q.Source).ToListAsync(ct);
        Assert.Equal(["may.csv:3", "may.csv:4", "may.csv:5"], held.Select(q => q.Source));
        Assert.All(held, q => Assert.Equal(TrainingPlacesFile.QuarantineKind, q.Kind));
        Assert.Equal("Aire Valley Police,4,five", held[1].Raw);

        // A file with no agency column is refused whole, and kept whole.
        var unreadable = await file.UploadAsync(new UploadPlacesOptions(session, "june.csv", "organisation,taken\nAire Valley Hospitals,12\n"), As(w.Manager), ct);
        Assert.StartsWith("june.csv:1:1: the header has no 'agency' column", Assert.Single(unreadable.Problems), StringComparison.Ordinal);
        // More places taken than the session offered: refused, nothing saved.
        var over = await file.UploadAsync(new UploadPlacesOptions(session, "july.csv", "agency,places taken,attended\nAire Valley Hospitals,21,10\n"), As(w.Manager), ct);
        Assert.False(over.Taken);
        Assert.Equal(0, await db.Set<SessionPlaces>().CountAsync(ct));
        Assert.Equal(5, await db.QuarantinedRecords.CountAsync(ct));
        await Assert.ThrowsAsync<NotFoundException>(() => file.UploadAsync(new UploadPlacesOptions(session, "may.csv", "agency,places taken,attended\n"), As(w.OtherManager), ct));
    }

    [Theory, BothDatabases]
    public async Task The_practice_reviews_list_is_paged_with_its_true_count_the_running_reviews_first_and_the_police_lead_partner_reads_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, Instant.FromUtc(2027, 6, 1, 9, 0));
        var policeLead = await w.Data.CreateUserAsync(w.Police, Role.SafeguardingPartner);
        var child = await w.Data.CreatePersonAsync(w.PartnershipId);
        await using var db = w.NewContext();
        var reviews = new PracticeReviews(db);
        var manager = AssuranceWorld.As(w.BusinessManager);
        // The oldest incident has finished (no further review); two newer ones still wait for their notification.
        var finished = await reviews.StartAsync(new StartReviewOptions(child.Id, "Child A", new LocalDate(2027, 3, 1)), manager, ct);
        await reviews.NotifyAsync(new ReviewDateOptions(finished, new LocalDate(2027, 3, 2)), manager, ct);
        await reviews.RecordRapidReviewAsync(new ReviewDateOptions(finished, new LocalDate(2027, 3, 10)), manager, ct);
        await reviews.DecideAsync(new DecideReviewOptions(finished, ReviewDecision.NoFurtherReview, "Learning found"), manager, ct);
        var older = await reviews.StartAsync(new StartReviewOptions(child.Id, "Child B", new LocalDate(2027, 5, 1)), manager, ct);
        var newer = await reviews.StartAsync(new StartReviewOptions(child.Id, "Child C", new LocalDate(2027, 5, 20)), manager, ct);

        var first = await reviews.ListAsync(new ReviewListOptions(new PageOptions(1, 2)), manager, ct);
        var second = await reviews.ListAsync(new ReviewListOptions(new PageOptions(2, 2)), manager, ct);

        Assert.Equal((3, 2), (first.Total, first.Pages));
        Assert.Equal([older, newer, finished], first.Items.Concat(second.Items).Select(r => r.Id));
        Assert.Equal(child.FullName, (await reviews.OpenAsync(older, AssuranceWorld.As(policeLead), ct)).Child);
        Assert.Equal(3, (await reviews.ListAsync(new ReviewListOptions(), AssuranceWorld.As(policeLead), ct)).Total);
    }
}
