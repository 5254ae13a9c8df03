using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>The small demo partnership with its matching model trained, once per database.</summary>
public sealed class TrainedIndexFixture : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<TestDatabase>> _databases = [];
    private readonly Lock _lock = new();

    public Task<TestDatabase> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_databases.TryGetValue(provider, out var task)) _databases[provider] = task = SeedAsync(provider);
            return task;
        }
    }

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var (database, _) = await SmallDemo.CopyAsync(provider);
        await using var db = database.NewContext();
        var partnership = await db.Partnerships.SingleAsync();
        await new PersonIndex(db).TrainAsync(partnership.Id, ProcessContext.System("test:train"));
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _databases.Values) await (await task).DisposeAsync();
    }
}

public sealed class PersonIndexTests(TrainedIndexFixture fixture) : IClassFixture<TrainedIndexFixture>
{
    private sealed record Setting(TestDatabase Database, Guid PartnershipId, Organisation Practice, Actor Feed, Actor Practitioner);

    private async Task<Setting> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnership = await db.Partnerships.SingleAsync();
        var practice = await db.Organisations.Where(o => o.Type == OrganisationType.GpPractice).OrderBy(o => o.Name).FirstAsync();
        var feed = new Actor(partnership.Id, practice.Id, "GP system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });
        var frontDoor = await db.Users.Include(u => u.Roles).FirstAsync(u => u.Roles.Any(r => r.Role == Role.FrontDoorPractitioner));
        var practitioner = new Actor(partnership.Id, frontDoor.OrganisationId, frontDoor.DisplayName, new HashSet<Role> { Role.FrontDoorPractitioner }, UserId: frontDoor.Id);
        return new Setting(database, partnership.Id, practice, feed, practitioner);
    }

    // The n-th pupil on a school roll, as the school sent them: each test takes its own child.
    private static async Task<SourceRecord> PupilAsync(TestDatabase database, int n)
    {
        await using var db = database.NewContext();
        return await db.SourceRecords.Where(r => r.SourceSystem == "SIMS" && r.Postcode != null && r.Address != null)
            .OrderBy(r => r.LocalId).Skip(n).FirstAsync();
    }

    private static IncomingRecord From(Organisation org, SourceRecord r, string localId, string? given = null, string? dob = null) =>
        new(org.Id, "TEST-GP", localId, $"{{\"id\":\"{localId}\"}}", given ?? r.GivenName, r.FamilyName, dob ?? r.DateOfBirth, r.Sex, r.Postcode, r.Address, null, null);

    private static async Task<Arrival> ReceiveAsync(Setting s, IncomingRecord incoming)
    {
        await using var db = s.Database.NewContext();
        return await new PersonIndex(db).ReceiveAsync(incoming, new ProcessContext("test:arrival", s.Feed));
    }

    [Theory, BothDatabases]
    public async Task A_known_child_sent_by_another_agency_links_to_them_and_the_agency_now_sees_them(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var pupil = await PupilAsync(s.Database, 1);

        var arrival = await ReceiveAsync(s, From(s.Practice, pupil, $"gp-{Guid.NewGuid():N}"));

        Assert.Equal(LinkOutcome.LinkedAutomatically, arrival.Outcome);
        Assert.Equal(pupil.PersonId, arrival.PersonId);
        await using var db = s.Database.NewContext();
        Assert.True(await db.PersonLinks.AnyAsync(l => l.PersonId == pupil.PersonId && l.OrganisationId == s.Practice.Id));
    }

    [Theory, BothDatabases]
    public async Task Day_and_month_swapped_still_finds_the_child(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var pupil = await PupilAsync(s.Database, 3);
        var d = pupil.DateOfBirth!;
        var swapped = $"{d[..4]}-{d[8..10]}-{d[5..7]}";

        var arrival = await ReceiveAsync(s, From(s.Practice, pupil, $"gp-{Guid.NewGuid():N}", dob: swapped));

        Assert.Equal(pupil.PersonId, arrival.PersonId);
    }

    [Theory, BothDatabases]
    public async Task A_child_nobody_knows_starts_a_new_person(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var arrival = await ReceiveAsync(s, new IncomingRecord(s.Practice.Id, "TEST-GP", $"gp-{Guid.NewGuid():N}", "{}",
            "Zephyrine", "Quarrington-Abbas", "2013-07-19", Sex.Female, "LS29 9ZZ", "1 Nowhere Lane", null, null));

        Assert.Equal(LinkOutcome.NewPerson, arrival.Outcome);
        await using var db = s.Database.NewContext();
        Assert.Equal("Zephyrine", (await db.People.SingleAsync(p => p.Id == arrival.PersonId)).GivenName);
    }

    [Theory, BothDatabases]
    public async Task A_brother_or_sister_with_the_same_birth_date_and_address_is_never_merged_automatically(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var pupil = await PupilAsync(s.Database, 5);
        var sibling = pupil.GivenName!.StartsWith('Q') ? "Xanthe" : "Quentin";

        var arrival = await ReceiveAsync(s, From(s.Practice, pupil, $"gp-{Guid.NewGuid():N}", given: sibling));

        Assert.NotEqual(LinkOutcome.LinkedAutomatically, arrival.Outcome);
        Assert.NotEqual(pupil.PersonId, arrival.PersonId);
    }

    [Theory, BothDatabases]
    public async Task Each_twin_keeps_their_own_records(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await using var db = s.Database.NewContext();
        var twins = await db.People.Where(p => p.HouseholdId != null && p.DateOfBirth != null)
            .GroupBy(p => new { p.HouseholdId, p.DateOfBirth }).Where(g => g.Count() == 2)
            .Select(g => g.Key).FirstAsync();
        var pair = await db.People.Where(p => p.HouseholdId == twins.HouseholdId && p.DateOfBirth == twins.DateOfBirth).OrderBy(p => p.GivenName).ToListAsync();
        var second = await db.SourceRecords.FirstAsync(r => r.PersonId == pair[1].Id && r.Address != null);

        var arrival = await ReceiveAsync(s, From(s.Practice, second, $"gp-{Guid.NewGuid():N}"));

        Assert.NotEqual(pair[0].Id, arrival.PersonId);
        Assert.Contains(arrival.PersonId, new[] { pair[1].Id, arrival.PersonId }.Where(id => id != pair[0].Id));
    }

    [Theory, BothDatabases]
    public async Task The_same_record_sent_twice_is_kept_once(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var pupil = await PupilAsync(s.Database, 7);
        var incoming = From(s.Practice, pupil, $"gp-{Guid.NewGuid():N}");

        var first = await ReceiveAsync(s, incoming);
        var second = await ReceiveAsync(s, incoming);

        Assert.False(first.AlreadyReceived);
        Assert.True(second.AlreadyReceived);
        Assert.Equal(first.SourceRecordId, second.SourceRecordId);
        await using var db = s.Database.NewContext();
        Assert.Equal(1, await db.SourceRecords.CountAsync(r => r.LocalId == incoming.LocalId));
    }

    [Theory, BothDatabases]
    public async Task In_a_list_a_new_child_sent_twice_is_one_person_and_a_later_list_of_the_same_run_finds_them_too(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        IncomingRecord Newcomer(string localId) => new(s.Practice.Id, "TEST-GP", localId, $"{{\"id\":\"{localId}\"}}",
            "Perpetua", "Vandersloot-Quaile", "2014-02-17", Sex.Female, "LS28 7QQ", "4 Unheard Row", null, null);
        var run = new PersonIndex.MatchingRun();
        var process = new ProcessContext("test:arrivals", s.Feed);

        IReadOnlyList<Arrival> first, later;
        await using (var db = s.Database.NewContext())
        {
            var index = new PersonIndex(db);
            first = await index.ReceiveManyAsync(new([Newcomer($"gp-{Guid.NewGuid():N}"), Newcomer($"gp-{Guid.NewGuid():N}")], run), process);
            await db.SaveChangesAsync();
            // The run already read this child's blocks: the next list finds the records the run itself added.
            later = await index.ReceiveManyAsync(new([Newcomer($"gp-{Guid.NewGuid():N}")], run), process);
            await db.SaveChangesAsync();
        }

        Assert.Equal(LinkOutcome.NewPerson, first[0].Outcome);
        Assert.Equal(LinkOutcome.LinkedAutomatically, first[1].Outcome);
        Assert.Equal(first[0].PersonId, first[1].PersonId);
        Assert.Equal(LinkOutcome.LinkedAutomatically, later[0].Outcome);
        Assert.Equal(first[0].PersonId, later[0].PersonId);
    }

    [Theory, BothDatabases]
    public async Task Deciding_same_person_merges_and_undoing_the_merge_restores_both_people(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var pupil = await PupilAsync(s.Database, 9);
        // Held by the siblings guard; the practitioner learns it is the same child under a second given name.
        var arrival = await ReceiveAsync(s, From(s.Practice, pupil, $"gp-{Guid.NewGuid():N}", given: "Wilhelmina"));
        Assert.Equal(LinkOutcome.WaitingForReview, arrival.Outcome);
        var provisional = arrival.PersonId;

        await using (var db = s.Database.NewContext())
            await new PersonIndex(db).DecideAsync(new(arrival.ReviewId!.Value, ReviewDecision.SamePerson, "School confirmed she uses her middle name"),
                new ProcessContext("test:review", s.Practitioner));

        await using (var db = s.Database.NewContext())
        {
            Assert.Equal(pupil.PersonId, (await db.SourceRecords.SingleAsync(r => r.Id == arrival.SourceRecordId)).PersonId);
            Assert.Equal(pupil.PersonId, (await db.People.SingleAsync(p => p.Id == provisional)).MergedIntoPersonId);
            var merge = await db.PersonMerges.SingleAsync(m => m.MergedPersonId == provisional);
            await new PersonIndex(db).UnmergeAsync(new(merge.Id, "Wrong child: the school has two pupils of that name"), new ProcessContext("test:unmerge", s.Practitioner));
        }

        await using var after = s.Database.NewContext();
        Assert.Equal(provisional, (await after.SourceRecords.SingleAsync(r => r.Id == arrival.SourceRecordId)).PersonId);
        Assert.Null((await after.People.SingleAsync(p => p.Id == provisional)).MergedIntoPersonId);
        Assert.True(await after.PersonLinks.AnyAsync(l => l.PersonId == provisional && l.OrganisationId == s.Practice.Id));
        Assert.Equal(2, await after.AuditEntries.CountAsync(e => e.ResourceType == nameof(PersonMerge)
            && (e.Process == "test:review" || e.Process == "test:unmerge")));
    }

    [Theory, BothDatabases]
    public async Task A_school_key_adult_cannot_decide_matches(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var keyAdult = s.Practitioner with { Roles = new HashSet<Role> { Role.SchoolKeyAdult } };
        await using var db = s.Database.NewContext();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new PersonIndex(db).DecideAsync(new(Guid.NewGuid(), ReviewDecision.SamePerson, "x"), new ProcessContext("test", keyAdult)));
    }

    [Theory, BothDatabases]
    public async Task People_who_score_the_same_come_back_by_name_then_date_of_birth(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        // A family name alone scores every member of the family the same, so the order must come from the people.
        var family = "Quill" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6));
        IncomingRecord Child(string given, string dob) =>
            new(s.Practice.Id, "TEST-GP", $"gp-{Guid.NewGuid():N}", "{}", given, family, dob, Sex.Female, null, null, null, null);
        foreach (var child in new[] { Child("Zara", "2016-05-01"), Child("Amy", "2017-02-03"), Child("Maya", "2016-07-09"), Child("Amy", "2015-11-30") })
            await ReceiveAsync(s, child);

        await using var db = s.Database.NewContext();
        var found = await new PersonIndex(db).SearchAsync(new PersonSearchOptions(null, family), new ProcessContext("test:search", s.Practitioner));

        Assert.Equal(4, found.Total);
        Assert.Single(found.People.Select(c => c.MatchProbability).Distinct());
        Assert.Equal(["Amy 2015-11-30", "Amy 2017-02-03", "Maya 2016-07-09", "Zara 2016-05-01"],
            found.People.Select(c => $"{c.Person.GivenName} {c.Person.DateOfBirth:yyyy-MM-dd}"));
    }

    [Theory, BothDatabases]
    public async Task A_search_records_which_people_it_showed_not_only_how_many(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var family = "Wren" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6));
        foreach (var given in new[] { "Ada", "Bea" })
            await ReceiveAsync(s, new(s.Practice.Id, "TEST-GP", $"gp-{Guid.NewGuid():N}", "{}", given, family, "2016-05-01", Sex.Female, null, null, null, null));

        await using var db = s.Database.NewContext();
        var found = await new PersonIndex(db).SearchAsync(new PersonSearchOptions(null, family), new ProcessContext("test:listed", s.Practitioner));

        await using var check = s.Database.NewContext();
        var listed = await check.AuditEntries.AsNoTracking().Where(e => e.Process == "test:listed" && e.Action == "list").ToListAsync();
        Assert.Equal(found.People.Select(c => c.Person.Id.ToString()).Order(), listed.Select(e => e.ResourceId!).Order());
        Assert.All(listed, e => Assert.Equal(("Person", "people search"), (e.ResourceType, e.Details)));
    }

    private static string UniqueFamilyName(string start) => start + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6));

    [Theory, BothDatabases]
    public async Task A_search_finds_every_match_a_page_at_a_time_and_says_how_many_matched(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var family = UniqueFamilyName("Pagett");
        for (var i = 0; i < 23; i++)
            await ReceiveAsync(s, new(s.Practice.Id, "TEST-GP", $"gp-{Guid.NewGuid():N}", "{}", $"Child{(char)('a' + i)}", family,
                $"20{10 + i % 8:00}-0{1 + i % 9}-1{i % 10}", Sex.Female, null, null, null, null));

        var pages = new List<PersonSearchResults>();
        for (var page = 1; page <= 3; page++)
        {
            await using var db = s.Database.NewContext();
            pages.Add(await new PersonIndex(db).SearchAsync(new PersonSearchOptions(null, family, Page: page, PageSize: 10), new ProcessContext("test:pages", s.Practitioner)));
        }

        Assert.All(pages, p => Assert.Equal(23, p.Total));
        Assert.Equal([10, 10, 3], pages.Select(p => p.People.Count));
        Assert.Equal(23, pages.SelectMany(p => p.People).Select(c => c.Person.Id).Distinct().Count());
        Assert.All(pages, p => Assert.False(p.MoreThanCounted));
    }

    [Theory, BothDatabases]
    public async Task A_misspelt_family_name_finds_the_person_without_a_date_of_birth_in_any_case(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var family = UniqueFamilyName("Robinson");
        await ReceiveAsync(s, new(s.Practice.Id, "TEST-GP", $"gp-{Guid.NewGuid():N}", "{}", "Grace", family, "2016-04-12", Sex.Female, null, null, null, null));
        var misspelt = "Robinsen" + family["Robinson".Length..];

        foreach (var (given, typed) in new[] { ("Grace", misspelt), ("grace", misspelt.ToLowerInvariant()), ("GRACE", family.ToUpperInvariant()) })
        {
            await using var db = s.Database.NewContext();
            var found = await new PersonIndex(db).SearchAsync(new PersonSearchOptions(given, typed), new ProcessContext("test:typo", s.Practitioner));

            Assert.Contains(found.People, c => c.Person.GivenName == "Grace" && c.Person.FamilyName == family);
        }
    }
}
