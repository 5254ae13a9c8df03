using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// Relationships are earned: a record that matches a child links its sender only when no other setting holds the
/// child and the child is neither sealed nor protected; otherwise the link waits for the council and opens nothing.
/// </summary>
public sealed class EarnedLinksTests(TrainedIndexFixture fixture) : IClassFixture<TrainedIndexFixture>
{
    private sealed record World(TestDatabase Database, Guid PartnershipId, SourceRecord Pupil, Organisation OtherSchool, Organisation Practice,
        TestUser KeyAdult, Actor FrontDoor);

    // Each test takes its own pupil (the n-th on a school roll), so that the shared index is not changed under another test.
    private async Task<World> ArrangeAsync(DatabaseProvider provider, int n)
    {
        var database = await fixture.GetAsync(provider);
        var data = new TestData(() => database.NewContext());
        await using var db = database.NewContext();
        var partnership = await db.Partnerships.SingleAsync();
        var pupil = await db.SourceRecords.Where(r => r.SourceSystem == "SIMS" && r.Upn != null && r.Postcode != null && r.Address != null)
            .OrderBy(r => r.LocalId).Skip(n).FirstAsync();
        var other = await db.Organisations.Where(o => o.Type == OrganisationType.School && o.Id != pupil.OrganisationId).OrderBy(o => o.Name).FirstAsync();
        // A practice the child is not registered with yet.
        var practice = await db.Organisations.Where(o => o.Type == OrganisationType.GpPractice
            && !db.PersonLinks.Any(l => l.PersonId == pupil.PersonId && l.OrganisationId == o.Id)).OrderBy(o => o.Name).FirstAsync();
        var keyAdult = await data.CreateUserAsync(other, Role.SchoolKeyAdult);
        var frontDoor = await db.Users.Include(u => u.Roles).FirstAsync(u => u.Roles.Any(r => r.Role == Role.FrontDoorPractitioner));
        return new World(database, partnership.Id, pupil, other, practice, keyAdult,
            new Actor(partnership.Id, frontDoor.OrganisationId, frontDoor.DisplayName, new HashSet<Role> { Role.FrontDoorPractitioner }, UserId: frontDoor.Id));
    }

    private static IncomingRecord Copy(SourceRecord r, Guid organisationId, string system) =>
        new(organisationId, system, $"x-{Guid.NewGuid():N}", "{}", r.GivenName, r.FamilyName, r.DateOfBirth, r.Sex, r.Postcode, r.Address, r.NhsNumber, r.Upn);

    private static async Task<Arrival> SendAsync(World w, IncomingRecord record, Actor actor, IEnumerable<ILinkHoldSource>? sources = null)
    {
        await using var db = w.Database.NewContext();
        return await new PersonIndex(db, sources).ReceiveAsync(record, new ProcessContext("test:send", actor), TestContext.Current.CancellationToken);
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_who_sends_a_child_on_another_schools_roll_cannot_then_open_the_child_their_attendance_or_their_notifications(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 30);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        var process = new ProcessContext("test:roll", w.KeyAdult.Actor);

        RollResult result;
        await using (var db = w.Database.NewContext())
        {
            var p = w.Pupil;
            var pupil = new RollPupil($"claim-{Guid.NewGuid():N}"[..20], p.Upn, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Postcode, p.Address,
                "2025-09-01", null, "C", "{}", "line 2");
            result = await new PupilRolls(db, new PersonIndex(db)).ReceiveAsync(new ReceiveRollOptions(w.OtherSchool.Id, new RollFile(null, [pupil])), process, ct);
        }

        Assert.Equal(0, result.LinkedToKnownPeople);
        await using var read = w.Database.NewContext();
        var sent = await read.SourceRecords.SingleAsync(r => r.OrganisationId == w.OtherSchool.Id && r.Upn == w.Pupil.Upn, ct);
        Assert.Equal(LinkOutcome.HeldForCouncil, sent.Outcome);
        Assert.NotEqual(childId, sent.PersonId);
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.OtherSchool.Id, ct));
        var held = await read.HeldLinks.SingleAsync(h => h.SourceRecordId == sent.Id, ct);
        Assert.Equal((childId, w.OtherSchool.Id, (HeldLinkDecision?)null), (held.PersonId, held.OrganisationId, held.Decision));
        Assert.Contains("already on the roll of", held.HeldBecause);

        await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(read, []).OpenAsync(childId, process, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => new LearnerAccess(read, TestServices.KnownToSafeguarding(read))
            .OpenChildAsync(new OpenChildAttendanceOptions(childId), process, ct));
        var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        var told = await new EducationSettings(read).FindAsync(w.PartnershipId, childId, LinkOutcome.LinkedAutomatically, null, today,
            new EncompassSettings { PartnershipId = w.PartnershipId }, ct);
        Assert.DoesNotContain(told.Settings, s => s.OrganisationId == w.OtherSchool.Id);
    }

    [Theory, BothDatabases]
    public async Task A_sealed_child_is_never_linked_automatically(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 31);
        var childId = w.Pupil.PersonId!.Value;
        await using (var db = w.Database.NewContext())
            await db.People.Where(p => p.Id == childId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSealed, true), TestContext.Current.CancellationToken);
        var feed = new Actor(w.PartnershipId, w.Practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });

        var arrival = await SendAsync(w, Copy(w.Pupil, w.Practice.Id, "EMIS"), feed);

        Assert.Equal(LinkOutcome.HeldForCouncil, arrival.Outcome);
        Assert.NotEqual(childId, arrival.PersonId);
        await using var read = w.Database.NewContext();
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.Practice.Id, TestContext.Current.CancellationToken));
        Assert.Contains("sealed", (await read.HeldLinks.SingleAsync(h => h.SourceRecordId == arrival.SourceRecordId, TestContext.Current.CancellationToken)).HeldBecause);
        // The provisional person keeps no identifier of its own: a look-up by NHS number or UPN still finds one person.
        var provisional = await read.People.SingleAsync(p => p.Id == arrival.PersonId, TestContext.Current.CancellationToken);
        Assert.Null(provisional.Upn);
    }

    [Theory, BothDatabases]
    public async Task A_practice_sending_a_child_at_marac_is_held_and_reads_no_flags(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 32);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = w.Database.NewContext())
        {
            db.Process = ProcessContext.System("test:flag");
            db.HealthFlags.Add(new HealthFlag
            {
                PartnershipId = w.PartnershipId, ChildPersonId = childId, Kind = HealthFlagKind.ChildInMaracHousehold, Status = HealthFlagStatus.Active,
                Start = SystemClock.Instance.GetCurrentInstant(), UpdatedAt = SystemClock.Instance.GetCurrentInstant(),
                ContactOrganisationId = w.Practice.Id, ContactName = "Front Door", SourceType = "test", SourceId = Guid.NewGuid(),
            });
            await db.SaveChangesAsync(ct);
        }
        var feed = new Actor(w.PartnershipId, w.Practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });

        Arrival arrival;
        await using (var db = w.Database.NewContext())
            arrival = await new PersonIndex(db, [new ProtectedByDomesticAbuse(db)]).ReceiveAsync(Copy(w.Pupil, w.Practice.Id, "EMIS"), new ProcessContext("test:send", feed), ct);

        Assert.Equal(LinkOutcome.HeldForCouncil, arrival.Outcome);
        await using var read = w.Database.NewContext();
        Assert.Contains("MARAC", (await read.HeldLinks.SingleAsync(h => h.SourceRecordId == arrival.SourceRecordId, ct)).HeldBecause);
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.Practice.Id, ct));
    }

    [Theory, BothDatabases]
    public async Task A_practice_sending_a_child_on_a_child_protection_plan_is_held(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 39);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => w.Database.NewContext());
        Organisation council;
        await using (var db = w.Database.NewContext())
            council = await db.Organisations.Where(o => o.Type == OrganisationType.CouncilService).OrderBy(o => o.Name).FirstAsync(ct);
        var manager = await data.CreateUserAsync(council, Role.TeamManager);
        await using (var db = w.Database.NewContext())
            await new ChildProtectionPlans(db).RecordAsync(new RecordChildProtectionPlanOptions(childId, ChildProtectionCategory.Neglect, new LocalDate(2026, 1, 5)),
                new ProcessContext("test:plan", manager.Actor), ct);
        var feed = new Actor(w.PartnershipId, w.Practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });

        Arrival arrival;
        await using (var db = w.Database.NewContext())
            arrival = await new PersonIndex(db, [new ChildProtectionPlans(db)]).ReceiveAsync(Copy(w.Pupil, w.Practice.Id, "EMIS"), new ProcessContext("test:send", feed), ct);

        Assert.Equal(LinkOutcome.HeldForCouncil, arrival.Outcome);
        await using var read = w.Database.NewContext();
        Assert.Contains("child protection plan", (await read.HeldLinks.SingleAsync(h => h.SourceRecordId == arrival.SourceRecordId, ct)).HeldBecause);
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.Practice.Id, ct));
    }

    [Theory, BothDatabases]
    public async Task A_link_a_record_makes_carries_the_record_and_how_it_was_made(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 33);
        var childId = w.Pupil.PersonId!.Value;
        var feed = new Actor(w.PartnershipId, w.Practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });

        var arrival = await SendAsync(w, Copy(w.Pupil, w.Practice.Id, "EMIS"), feed);

        Assert.Equal(LinkOutcome.LinkedAutomatically, arrival.Outcome);
        await using var read = w.Database.NewContext();
        var link = await read.PersonLinks.SingleAsync(l => l.PersonId == childId && l.OrganisationId == w.Practice.Id, TestContext.Current.CancellationToken);
        Assert.Equal((LinkMade.RecordMatched, (Guid?)arrival.SourceRecordId), (link.Made, link.SourceRecordId));
        Assert.NotNull(link.MadeAt);
    }

    [Theory, BothDatabases]
    public async Task In_a_list_too_a_child_on_another_schools_roll_is_held(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 34);
        var childId = w.Pupil.PersonId!.Value;

        IReadOnlyList<Arrival> arrivals;
        await using (var db = w.Database.NewContext())
        {
            arrivals = await new PersonIndex(db).ReceiveManyAsync(new([Copy(w.Pupil, w.OtherSchool.Id, "SIMS-B")], new PersonIndex.MatchingRun()),
                new ProcessContext("test:list", w.KeyAdult.Actor), TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(LinkOutcome.HeldForCouncil, arrivals[0].Outcome);
        await using var read = w.Database.NewContext();
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.OtherSchool.Id, TestContext.Current.CancellationToken));
        Assert.True(await read.HeldLinks.AnyAsync(h => h.PersonId == childId && h.OrganisationId == w.OtherSchool.Id, TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task The_front_door_linking_a_held_link_opens_the_child_to_the_school_with_the_decision_as_provenance(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 35);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        var arrival = await SendAsync(w, Copy(w.Pupil, w.OtherSchool.Id, "SIMS-B"), w.KeyAdult.Actor);
        Guid heldId;
        await using (var db = w.Database.NewContext())
            heldId = (await db.HeldLinks.SingleAsync(h => h.SourceRecordId == arrival.SourceRecordId, ct)).Id;

        await using (var db = w.Database.NewContext())
            await Assert.ThrowsAsync<ForbiddenException>(() => new PersonIndex(db).DecideHeldLinkAsync(
                new DecideHeldLinkOptions(heldId, HeldLinkDecision.Linked, "my pupil"), new ProcessContext("test:decide", w.KeyAdult.Actor), ct));
        await using (var db = w.Database.NewContext())
            await new PersonIndex(db).DecideHeldLinkAsync(new DecideHeldLinkOptions(heldId, HeldLinkDecision.Linked, "Both schools confirmed the move"),
                new ProcessContext("test:decide", w.FrontDoor), ct);

        await using var read = w.Database.NewContext();
        var link = await read.PersonLinks.SingleAsync(l => l.PersonId == childId && l.OrganisationId == w.OtherSchool.Id, ct);
        Assert.Equal((LinkMade.HeldLinkApproved, (Guid?)arrival.SourceRecordId, w.FrontDoor.UserId), (link.Made, link.SourceRecordId, link.MadeByUserId));
        Assert.Equal(childId, (await read.SourceRecords.SingleAsync(r => r.Id == arrival.SourceRecordId, ct)).PersonId);
        Assert.NotNull(await new PersonRecords(read, []).OpenAsync(childId, new ProcessContext("test:open", w.KeyAdult.Actor), ct));
    }

    [Theory, BothDatabases]
    public async Task A_refused_held_link_leaves_the_school_with_its_own_record_only(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 36);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        var arrival = await SendAsync(w, Copy(w.Pupil, w.OtherSchool.Id, "SIMS-B"), w.KeyAdult.Actor);
        await using (var db = w.Database.NewContext())
        {
            var held = await db.HeldLinks.SingleAsync(h => h.SourceRecordId == arrival.SourceRecordId, ct);
            await new PersonIndex(db).DecideHeldLinkAsync(new DecideHeldLinkOptions(held.Id, HeldLinkDecision.Refused, "Not known to the school"),
                new ProcessContext("test:decide", w.FrontDoor), ct);
        }

        await using var read = w.Database.NewContext();
        Assert.False(await read.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == w.OtherSchool.Id, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(read, []).OpenAsync(childId, new ProcessContext("test:open", w.KeyAdult.Actor), ct));
        Assert.NotNull(await new PersonRecords(read, []).OpenAsync(arrival.PersonId, new ProcessContext("test:open", w.KeyAdult.Actor), ct));
    }

    [Theory, BothDatabases]
    public async Task A_school_importing_its_attendance_links_a_upn_only_to_its_own_pupils(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 37);
        var ct = TestContext.Current.CancellationToken;
        var year = AcademicYear.Containing(new LocalDate(2025, 10, 1));
        var path = Path.Combine(Path.GetTempPath(), $"pupils-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm\n{w.Pupil.Upn},{w.OtherSchool.Urn},{w.Pupil.DateOfBirth},F,4,N,,false\n", ct);
        try
        {
            await using (var db = w.Database.NewContext())
                await new AttendanceImport(db).ImportAsync(new AttendanceImportOptions(w.PartnershipId, year, path), new ProcessContext("test:import", w.KeyAdult.Actor), ct);
        }
        finally { File.Delete(path); }

        await using var read = w.Database.NewContext();
        Assert.Null((await read.Enrolments.SingleAsync(e => e.Upn == w.Pupil.Upn && e.Urn == w.OtherSchool.Urn, ct)).PersonId);
        await Assert.ThrowsAsync<ForbiddenException>(() => new LearnerAccess(read, TestServices.KnownToSafeguarding(read))
            .OpenChildAsync(new OpenChildAttendanceOptions(w.Pupil.PersonId!.Value), new ProcessContext("test:open", w.KeyAdult.Actor), ct));
    }

    [Theory, BothDatabases]
    public async Task A_relationship_scoped_reader_sees_its_own_agencys_record_and_link_only(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, 38);
        var childId = w.Pupil.PersonId!.Value;
        var ct = TestContext.Current.CancellationToken;
        var schoolA = w.Pupil.OrganisationId;
        var data = new TestData(() => w.Database.NewContext());
        Organisation own;
        await using (var db = w.Database.NewContext()) own = await db.Organisations.SingleAsync(o => o.Id == schoolA, ct);
        var dsl = await data.CreateUserAsync(own, Role.SchoolKeyAdult);
        var feed = new Actor(w.PartnershipId, w.Practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });
        await SendAsync(w, Copy(w.Pupil, w.Practice.Id, "EMIS"), feed);

        await using var read = w.Database.NewContext();
        var records = new PersonRecords(read, []);
        var process = new ProcessContext("test:open", dsl.Actor);
        var opening = await records.OpenAsync(childId, process, ct);
        var details = await records.DetailsAsync(opening!.Person, process, ct);

        Assert.All(details.AgencyRecords, a => Assert.Equal(schoolA, a.Record.OrganisationId));
        Assert.NotEmpty(details.AgencyRecords);
        Assert.Equal([own.Name], details.Links.Select(l => l.Organisation).Distinct());
        Assert.Null(details.Household);
        var whole = await records.DetailsAsync(opening.Person, new ProcessContext("test:open", w.FrontDoor), ct);
        Assert.Contains(whole.AgencyRecords, a => a.Record.OrganisationId == w.Practice.Id);
    }
}
