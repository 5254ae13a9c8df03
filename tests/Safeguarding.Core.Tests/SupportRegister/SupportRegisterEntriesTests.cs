using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.SupportRegister;

/// <summary>
/// The Dynamic Support Register on both databases: consent puts a child on the register and decides which school or GP
/// practice may see it; withdrawal takes the child off and stops the sharing; ratings are kept one row per change; red
/// makes the C(E)TR referral due after the partnership's working days, bank holidays not counted; sealed children stay closed.
/// </summary>
public sealed class SupportRegisterEntriesTests
{
    // Thursday 24 December 2026, 10:00 London: Christmas, the Boxing Day substitute (28th) and New Year's Day follow.
    private static readonly Instant ChristmasEve = Instant.FromUtc(2026, 12, 24, 10, 0);

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private sealed record World(TestDatabase Database, TestUser Coordinator, TestUser Lead, TestUser KeyAdult, TestUser OtherKeyAdult, TestUser GpUser,
        TestUser SocialWorker, Person Child);

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var otherSchool = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var gp = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil), (gp, PersonLinkKind.RegisteredPatient),
            (council, PersonLinkKind.OpenCase));
        return new World(database, await data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator), await data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner),
            await data.CreateUserAsync(school, Role.SchoolKeyAdult), await data.CreateUserAsync(otherSchool, Role.SchoolKeyAdult),
            await data.CreateUserAsync(gp, Role.GpPractice), await data.CreateUserAsync(council, Role.SocialWorker), child);
    }

    private static SuggestEntryOptions Suggestion(World w) => new(w.Child.Id, SupportNeed.Autism, w.Lead.User.Id, "CAMHS, school, children's social care",
        "Lives at home with mother and two siblings", "Distressed at school transitions; two crisis calls this month", "Close to grandmother; likes swimming", null);

    [Theory, BothDatabases]
    public async Task Consent_puts_the_child_on_the_register_for_the_school_it_covers_and_withdrawal_stops_the_schools_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        await using var db = database.NewContext();
        var register = new SupportRegisterEntries(db);

        // The child's school may see the child, so may suggest them; the entry is the health lead's, shared with no one yet.
        var id = await register.SuggestAsync(Suggestion(w), As(w.KeyAdult), ct);
        await Assert.ThrowsAsync<ArgumentException>(() => register.SuggestAsync(Suggestion(w), As(w.Coordinator), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.KeyAdult), ct));
        Assert.Equal(SupportRegisterStatus.Suggested, (await register.OpenAsync(id, As(w.Lead), ct))!.Status);
        await Assert.ThrowsAsync<ForbiddenException>(() => register.RecordConsentAsync(
            new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", new LocalDate(2026, 12, 1), true, false), As(w.KeyAdult), ct));

        await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", new LocalDate(2026, 12, 1), true, false),
            As(w.Coordinator), ct);

        // Consent covers education, not the GP: the child's own school sees that the child is on the register, and no more.
        var seenBySchool = (await register.OpenAsync(id, As(w.KeyAdult), ct))!;
        Assert.Equal((SupportRegisterStatus.OnRegister, false, (string?)null, (ConsentView?)null), (seenBySchool.Status, seenBySchool.Full, seenBySchool.KeyRisks, seenBySchool.Consent));
        Assert.Single((await register.ListAsync(new RegisterListOptions(new PageOptions()), As(w.KeyAdult), ct)).Items);
        await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.GpUser), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.OtherKeyAdult), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.SocialWorker), ct));
        Assert.Empty((await register.ListAsync(new RegisterListOptions(new PageOptions()), As(w.GpUser), ct)).Items);

        await register.WithdrawConsentAsync(new WithdrawConsentOptions(id, new LocalDate(2026, 12, 3)), As(w.Lead), ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.KeyAdult), ct));
        Assert.Empty((await register.ListAsync(new RegisterListOptions(new PageOptions()), As(w.KeyAdult), ct)).Items);
        // What was recorded stays, for the unit and the lead.
        var kept = (await register.OpenAsync(id, As(w.Coordinator), ct))!;
        Assert.Equal((SupportRegisterStatus.ConsentWithdrawn, "Jo Example", (LocalDate?)new LocalDate(2026, 12, 3), true),
            (kept.Status, kept.Consent!.GiverName, kept.Consent.WithdrawnOn, kept.Consent.SharesWithEducation));
    }

    [Theory, BothDatabases]
    public async Task A_gp_practice_sees_its_patients_entry_only_under_consent_and_a_sealed_child_stays_closed_to_the_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        Guid id;
        await using (var db = database.NewContext())
        {
            var register = new SupportRegisterEntries(db);
            id = await register.SuggestAsync(Suggestion(w), As(w.Coordinator), ct);
            await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.YoungPerson, "Sam Example", new LocalDate(2026, 12, 1), false, true), As(w.Coordinator), ct);
            Assert.False((await register.OpenAsync(id, As(w.GpUser), ct))!.Full);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.KeyAdult), ct));
            // A GP practice reads; it does not rate.
            await Assert.ThrowsAsync<ForbiddenException>(() => register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Amber, "why", "evidence"), As(w.GpUser), ct));
        }
        await using (var db = database.NewContext())
            await db.People.Where(p => p.Id == w.Child.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSealed, true), ct);
        await using (var db = database.NewContext())
        {
            var register = new SupportRegisterEntries(db);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.Coordinator), ct));
            Assert.Empty((await register.ListAsync(new RegisterListOptions(new PageOptions()), As(w.Coordinator), ct)).Items);
        }
    }

    [Theory, BothDatabases]
    public async Task Ratings_are_kept_one_row_per_change_and_red_makes_the_referral_due_five_working_days_on_across_christmas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var clock = new FakeClock(ChristmasEve - Duration.FromHours(2));
        Guid id;
        await using (var db = database.NewContext(clock))
        {
            var register = new SupportRegisterEntries(db);
            id = await register.SuggestAsync(Suggestion(w), As(w.Coordinator), ct);
            // Not on the register yet: not rated.
            await Assert.ThrowsAsync<InvalidOperationException>(() => register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Amber, "why", "evidence"), As(w.Lead), ct));
            await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.YoungPerson, "Sam Example", new LocalDate(2026, 12, 1), false, false), As(w.Coordinator), ct);
            await register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Amber, "Placement under strain", "School report of 22 December"), As(w.Lead), ct);
            await Assert.ThrowsAsync<ArgumentException>(() => register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, " ", "evidence"), As(w.Lead), ct));
        }
        clock.Reset(ChristmasEve);
        await using (var db = database.NewContext(clock))
            await new SupportRegisterEntries(db).RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, "Crisis at home", "Police called on 23 December"), As(w.Lead), ct);
        clock.Reset(ChristmasEve + Duration.FromHours(3));
        await using (var db = database.NewContext(clock))
        {
            var register = new SupportRegisterEntries(db);
            // Still red: the clock keeps the day it went red.
            await register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, "No change", "Mother's call this afternoon"), As(w.Coordinator), ct);
            var entry = (await register.OpenAsync(id, As(w.Coordinator), ct))!;
            // 25th, 28th (for Boxing Day) and 1 January are bank holidays: the 29th, 30th, 31st, 4th and 5th count.
            Assert.Equal(((SupportRatingLevel?)SupportRatingLevel.Red, (LocalDate?)new LocalDate(2027, 1, 5)), (entry.Rating, entry.ReferralDue));
            Assert.Equal([SupportRatingLevel.Red, SupportRatingLevel.Red, SupportRatingLevel.Amber], entry.Timeline.Select(r => r.Rating));
            Assert.Equal(("Placement under strain", "School report of 22 December"), (entry.Timeline[2].Why, entry.Timeline[2].Evidence));
        }
        await using (var db = database.NewContext(clock))
            Assert.Equal(3, await db.Set<SupportRating>().CountAsync(r => r.EntryId == id, ct));

        clock.Reset(Instant.FromUtc(2027, 1, 5, 16, 0));
        await using (var db = database.NewContext(clock))
            Assert.Empty((await new SupportRegisterEntries(db).ListAsync(new RegisterListOptions(new PageOptions(), ReferralOverdueOnly: true), As(w.Coordinator), ct)).Items);
        clock.Reset(Instant.FromUtc(2027, 1, 6, 9, 0));
        await using (var db = database.NewContext(clock))
        {
            var overdue = (await new SupportRegisterEntries(db).ListAsync(new RegisterListOptions(new PageOptions(), SupportRatingLevel.Red, ReferralOverdueOnly: true), As(w.Coordinator), ct)).Items;
            Assert.True(overdue.Single().ReferralOverdue);
            Assert.Empty((await new SupportRegisterEntries(db).ListAsync(new RegisterListOptions(new PageOptions(), SupportRatingLevel.Amber), As(w.Coordinator), ct)).Items);
        }
    }

    [Theory, BothDatabases]
    public async Task The_referral_time_is_the_partnerships_setting_changed_only_by_the_complex_needs_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var clock = new FakeClock(ChristmasEve);
        await using var db = database.NewContext(clock);
        var register = new SupportRegisterEntries(db);
        await Assert.ThrowsAsync<ForbiddenException>(() => register.ChangeSettingsAsync(2, As(w.Lead), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => register.ChangeSettingsAsync(0, As(w.Coordinator), ct));
        await register.ChangeSettingsAsync(2, As(w.Coordinator), ct);
        var id = await register.SuggestAsync(Suggestion(w), As(w.Coordinator), ct);
        await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.YoungPerson, "Sam Example", new LocalDate(2026, 12, 1), false, false), As(w.Coordinator), ct);
        await register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, "Crisis", "Ward liaison call"), As(w.Coordinator), ct);

        // Two working days after Christmas Eve: the 29th and the 30th.
        Assert.Equal(new LocalDate(2026, 12, 30), (await register.OpenAsync(id, As(w.Coordinator), ct))!.ReferralDue);
        // Leaving red stops the clock.
        await register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Amber, "Crisis over", "Respite in place"), As(w.Coordinator), ct);
        Assert.Null((await register.OpenAsync(id, As(w.Coordinator), ct))!.ReferralDue);
    }
    [Theory, BothDatabases]
    public async Task The_list_puts_red_before_amber_before_green_by_severity_not_by_the_ratings_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var data = new TestData(() => database.NewContext());
        await using var db = database.NewContext();
        var register = new SupportRegisterEntries(db);
        var process = As(w.Coordinator);
        async Task<Guid> OnRegisterAsync(Guid childId, SupportRatingLevel rating)
        {
            var id = await register.SuggestAsync(Suggestion(w) with { PersonId = childId }, process, ct);
            await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", new LocalDate(2026, 1, 5), true, false), process, ct);
            await register.RateAsync(new RateEntryOptions(id, rating, "Reviewed", "Seen at home"), process, ct);
            return id;
        }
        var green = await OnRegisterAsync((await data.CreatePersonAsync(w.Child.PartnershipId)).Id, SupportRatingLevel.Green);
        var amber = await OnRegisterAsync((await data.CreatePersonAsync(w.Child.PartnershipId)).Id, SupportRatingLevel.Amber);
        var red = await OnRegisterAsync(w.Child.Id, SupportRatingLevel.Red);
        // Referred: the red entry's clock stops, so no referral date puts it first and only its rating can.
        await new Cetrs(db).ReferAsync(new CetrReferralOptions(red, "Crisis", "Positive behaviour support", "Mother agrees"), process, ct);

        var listed = (await register.ListAsync(new RegisterListOptions(new PageOptions()), process, ct)).Items;

        Assert.Equal([red, amber, green], listed.Select(r => r.Id));
    }
}
