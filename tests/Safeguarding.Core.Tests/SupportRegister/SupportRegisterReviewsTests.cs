using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.SupportRegister;

/// <summary>
/// The register's second slice on both databases: the review's agenda rule and its members' sight of the entries on it,
/// the keyworker criteria and the settings' history, the change of lead with access moving, and break-glass reaching
/// entries by the policy's rule.
/// </summary>
public sealed class SupportRegisterReviewsTests
{
    // Monday 4 January 2027, 09:00 London.
    private static readonly Instant NewYear = Instant.FromUtc(2027, 1, 4, 9, 0);

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private sealed record World(TestDatabase Database, TestData Data, Guid PartnershipId, TestUser Coordinator, TestUser Lead, TestUser OtherHealth,
        TestUser SocialWorker, TestUser Police, Organisation School);

    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        return new World(database, data, partnership.Id, await data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator),
            await data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner), await data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner),
            await data.CreateUserAsync(council, Role.SocialWorker), await data.CreateUserAsync(police, Role.PoliceDomesticAbuse), school);
    }

    /// <summary>A child on the register (consent recorded, sharing with no one), rated as given, oldest first.</summary>
    private static async Task<Guid> OnRegisterAsync(World w, SafeguardingDbContextFactory make, params SupportRatingLevel[] ratings)
    {
        var child = await w.Data.CreatePersonAsync(w.PartnershipId, (w.School, PersonLinkKind.RegisteredPupil));
        await using var db = make();
        var register = new SupportRegisterEntries(db);
        var ct = TestContext.Current.CancellationToken;
        var id = await register.SuggestAsync(new SuggestEntryOptions(child.Id, SupportNeed.Autism, w.Lead.User.Id, "CAMHS", "At home", "Crisis calls", "Swimming", null),
            As(w.Coordinator), ct);
        await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.YoungPerson, "Sam Example", new LocalDate(2027, 1, 4), false, false), As(w.Coordinator), ct);
        foreach (var rating in ratings) await register.RateAsync(new RateEntryOptions(id, rating, "As seen", "Review notes"), As(w.Lead), ct);
        return id;
    }

    private delegate SafeguardingDbContext SafeguardingDbContextFactory();

    [Theory, BothDatabases]
    public async Task A_review_lists_red_amber_changed_and_due_entries_and_its_members_read_them_only_while_members(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var clock = new FakeClock(NewYear);
        SafeguardingDbContextFactory make = () => database.NewContext(clock);
        var red = await OnRegisterAsync(w, make, SupportRatingLevel.Red);
        var amber = await OnRegisterAsync(w, make, SupportRatingLevel.Amber);
        var turnsGreen = await OnRegisterAsync(w, make, SupportRatingLevel.Amber);
        var staysGreen = await OnRegisterAsync(w, make, SupportRatingLevel.Green);

        // The first review (5 January) is held; afterwards one amber child turns green and the other green child is rated green again.
        Guid first;
        await using (var db = make())
        {
            first = await new RegisterReviews(db, new SupportRegisterEntries(db)).BuildAgendaAsync(new BuildReviewOptions(new LocalDate(2027, 1, 5)), As(w.Coordinator), ct);
            await new MeetingRecords(db).RecordAttendanceAsync(new AttendanceOptions(first, new Dictionary<Guid, bool>()), As(w.Coordinator), ct);
        }
        clock.Reset(NewYear + Duration.FromDays(3));
        await using (var db = make())
        {
            var register = new SupportRegisterEntries(db);
            await register.RateAsync(new RateEntryOptions(turnsGreen, SupportRatingLevel.Green, "Settled", "Review notes"), As(w.Lead), ct);
            await register.RateAsync(new RateEntryOptions(staysGreen, SupportRatingLevel.Green, "Still settled", "Review notes"), As(w.Lead), ct);
        }

        // The next review, monthly by default: red, amber, and the entry whose rating changed; not the green one that did not.
        Guid next;
        await using (var db = make())
            next = await new RegisterReviews(db, new SupportRegisterEntries(db)).BuildAgendaAsync(new BuildReviewOptions(new LocalDate(2027, 1, 6)), As(w.Coordinator), ct);
        await using (var db = make())
        {
            var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).SingleAsync(m => m.Id == next, ct);
            Assert.Equal(new LocalDate(2027, 2, 5), meeting.Date);
            Assert.Equal(
                [(red, "Rated red"), (amber, "Rated amber"), (turnsGreen, "Rating changed since the last review (was amber)")],
                meeting.Agenda.OrderBy(i => i.Position).Select(i => (i.SourceId!.Value, i.Reason)).ToList());
        }

        // A social worker invited as a member reads the entries on the agenda, in full, audited as a member's read; not the others.
        await using (var db = make())
        {
            var register = new SupportRegisterEntries(db);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(amber, As(w.SocialWorker), ct));
            var attendee = await new RegisterReviews(db, register).InviteMemberAsync(new InviteReviewMemberOptions(next, w.SocialWorker.User.Id), As(w.Coordinator), ct);
            var seen = (await register.OpenAsync(amber, As(w.SocialWorker), ct))!;
            Assert.Equal((true, "Crisis calls"), (seen.Full, seen.KeyRisks));
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(staysGreen, As(w.SocialWorker), ct));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ResourceId == amber.ToString() && a.ActorUserId == w.SocialWorker.User.Id
                && a.Details == SupportRegisterEntries.ReviewMemberReason, ct));
            // A police user on the agenda's meeting holds no grant on entries: membership does not make one.
            await new RegisterReviews(db, register).InviteMemberAsync(new InviteReviewMemberOptions(next, w.Police.User.Id), As(w.Coordinator), ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(amber, As(w.Police), ct));

            // Removed from the review, the member no longer reads them.
            await new MeetingRecords(db).RemoveAttendeeAsync(attendee, As(w.Coordinator), ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(amber, As(w.SocialWorker), ct));
        }

        // Anyone due: once the keyworker criteria take in green, the green child no one referred joins the agenda (topped up).
        await using (var db = make())
        {
            var register = new SupportRegisterEntries(db);
            await register.ChangeSettingsAsync(new RegisterSettingsValues(5, [SupportRatingLevel.Red, SupportRatingLevel.Amber, SupportRatingLevel.Green], Cadence.Monthly),
                As(w.Coordinator), ct);
            await new RegisterReviews(db, register).BuildAgendaAsync(new BuildReviewOptions(new LocalDate(2027, 1, 6)), As(w.Coordinator), ct);
            Assert.Equal("Due a keyworker referral",
                await db.Set<AgendaItem>().Where(i => i.MeetingId == next && i.SourceId == staysGreen).Select(i => i.Reason).SingleAsync(ct));
            // Reviews are the unit's.
            await Assert.ThrowsAsync<ForbiddenException>(() => new RegisterReviews(db, register).BuildAgendaAsync(new BuildReviewOptions(new LocalDate(2027, 1, 6)), As(w.Lead), ct));
        }
    }

    [Theory, BothDatabases]
    public async Task Keyworker_criteria_are_a_setting_every_settings_change_is_kept_with_old_and_new_values_and_allocation_names_the_keyworker(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var clock = new FakeClock(NewYear);
        SafeguardingDbContextFactory make = () => database.NewContext(clock);
        var red = await OnRegisterAsync(w, make, SupportRatingLevel.Red);
        var amber = await OnRegisterAsync(w, make, SupportRatingLevel.Amber);
        await OnRegisterAsync(w, make, SupportRatingLevel.Green);

        await using var db = make();
        var register = new SupportRegisterEntries(db);
        // Red and amber by default, red first.
        Assert.Equal([red, amber], (await register.WithoutKeyworkerReferralAsync(new PageOptions(), As(w.Coordinator), ct)).Items.Select(r => r.EntryId));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.WithoutKeyworkerReferralAsync(new PageOptions(), As(w.Lead), ct));

        // Referred, then allocated: off the list, and the entry's keyworker is the one allocated.
        var referral = await register.ReferToKeyworkerAsync(new KeyworkerReferralOptions(red, "Aire Valley keyworker service", new LocalDate(2027, 1, 4)), As(w.Lead), ct);
        await Assert.ThrowsAsync<ArgumentException>(() => register.RecordKeyworkerAllocatedAsync(new KeyworkerAllocationOptions(referral, "Alex Keyworker", new LocalDate(2027, 1, 3)), As(w.Lead), ct));
        await register.RecordKeyworkerAllocatedAsync(new KeyworkerAllocationOptions(referral, "Alex Keyworker", new LocalDate(2027, 1, 4)), As(w.Lead), ct);
        Assert.Equal("Alex Keyworker", (await register.OpenAsync(red, As(w.Coordinator), ct))!.Keyworker);
        Assert.Equal([amber], (await register.WithoutKeyworkerReferralAsync(new PageOptions(), As(w.Coordinator), ct)).Items.Select(r => r.EntryId));

        // The criteria narrowed to red: the amber child is no longer due. A bad form saves nothing; only the unit changes settings.
        await Assert.ThrowsAsync<ArgumentException>(() => register.ChangeSettingsAsync(new RegisterSettingsValues(0, [], Cadence.DailyOnWeekdays), As(w.Coordinator), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => register.ChangeSettingsAsync(new RegisterSettingsValues(3, [SupportRatingLevel.Red], Cadence.Quarterly), As(w.Lead), ct));
        Assert.Equal(3, await register.ChangeSettingsAsync(new RegisterSettingsValues(3, [SupportRatingLevel.Red], Cadence.Quarterly), As(w.Coordinator), ct));
        Assert.Empty((await register.WithoutKeyworkerReferralAsync(new PageOptions(), As(w.Coordinator), ct)).Items);
        var view = await register.ReadSettingsAsync(As(w.Coordinator), ct);
        Assert.Equal(
            [("C(E)TR referral due after", "5 working days", "3 working days"), ("Keyworker referral for ratings", "red, amber", "red"),
             ("Register review", "Every month", "Every three months")],
            view.History.OrderBy(c => c.Setting).Select(c => (c.Setting, c.OldValue, c.NewValue)).ToList());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.ResourceType == nameof(SupportRegisterSettings) && a.Action == "update"
            && a.Details!.Contains(" -> ") && a.ActorUserId == w.Coordinator.User.Id, ct));
    }

    [Theory, BothDatabases]
    public async Task A_change_of_lead_is_kept_and_moves_access_and_break_glass_reaches_an_entry_only_for_a_role_granted_entries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await WorldAsync(database);
        var clock = new FakeClock(NewYear);
        SafeguardingDbContextFactory make = () => database.NewContext(clock);
        var id = await OnRegisterAsync(w, make, SupportRatingLevel.Amber);

        await using (var db = make())
        {
            var register = new SupportRegisterEntries(db);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.OtherHealth), ct));
            await Assert.ThrowsAsync<ArgumentException>(() => register.ChangeLeadAsync(new ChangeLeadOptions(id, w.Police.User.Id, "Moving on"), As(w.Lead), ct));
            // The current lead hands over.
            await register.ChangeLeadAsync(new ChangeLeadOptions(id, w.OtherHealth.User.Id, "Moving to another team"), As(w.Lead), ct);
            Assert.True((await register.OpenAsync(id, As(w.OtherHealth), ct))!.Full);
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.Lead), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => register.ChangeLeadAsync(new ChangeLeadOptions(id, w.Lead.User.Id, "Back again"), As(w.Lead), ct));
            var history = (await register.DetailsAsync(id, As(w.Coordinator), ct)).LeadHistory;
            Assert.Equal((w.Lead.User.DisplayName, w.OtherHealth.User.DisplayName, "Moving to another team", w.Lead.User.DisplayName),
                (history.Single().From, history.Single().To, history.Single().Reason, history.Single().ChangedBy));
        }

        // Break-glass on the child's record: the old lead (health, who may break glass and holds Read on entries) reads the entry,
        // audited as break-glass; a police officer with break-glass on the same child holds no grant on entries and stays out.
        Guid childId;
        await using (var db = make()) childId = await db.Set<SupportRegisterEntry>().Where(e => e.Id == id).Select(e => e.PersonId).SingleAsync(ct);
        await using (var db = make())
        {
            var glass = new BreakGlass(db);
            await glass.OpenAsync(new BreakGlassRequest(PersonRecords.ResourceType, childId.ToString(), "Crisis call out of hours, lead unavailable"), As(w.Lead), ct);
            await glass.OpenAsync(new BreakGlassRequest(PersonRecords.ResourceType, childId.ToString(), "Crisis call out of hours, lead unavailable"), As(w.Police), ct);
            var register = new SupportRegisterEntries(db);
            Assert.True((await register.OpenAsync(id, As(w.Lead), ct))!.Full);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ResourceId == id.ToString() && a.ActorUserId == w.Lead.User.Id && a.Details == "break-glass access", ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => register.OpenAsync(id, As(w.Police), ct));
            // Break-glass opens the entry to read, not to change it.
            await Assert.ThrowsAsync<ForbiddenException>(() => register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, "why", "evidence"), As(w.Lead), ct));
        }
        // After its four hours it reaches nothing.
        clock.Reset(NewYear + Duration.FromHours(5));
        await using (var db = make())
            await Assert.ThrowsAsync<ForbiddenException>(() => new SupportRegisterEntries(db).OpenAsync(id, As(w.Lead), ct));
    }
}
