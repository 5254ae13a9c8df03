using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using OtpNet;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>One small demo per database, seeded once and only read by the tests that share it.</summary>
public sealed class SmallDemoFixture : IAsyncDisposable
{
    private readonly Dictionary<(DatabaseProvider, int), Task<(TestDatabase Database, DemoCredentials Credentials)>> _seeded = [];
    private readonly Lock _lock = new();

    /// <summary>The small demo, seeded once per provider for the tests that only read it.</summary>
    public Task<(TestDatabase Database, DemoCredentials Credentials)> GetAsync(DatabaseProvider provider) => Installation(provider, 1);

    /// <summary>
    /// A second installation of the small demo, for the tests that compare two installations or seed one again; neither
    /// changes it (seeding again adds nothing, or the test fails).
    /// </summary>
    public Task<(TestDatabase Database, DemoCredentials Credentials)> GetSecondAsync(DatabaseProvider provider) => Installation(provider, 2);

    private Task<(TestDatabase Database, DemoCredentials Credentials)> Installation(DatabaseProvider provider, int number)
    {
        lock (_lock)
        {
            // The first is a copy of the process's demo template; the second is seeded for real (secrets of its own).
            if (!_seeded.TryGetValue((provider, number), out var task))
                _seeded[(provider, number)] = task = number == 1 ? SmallDemo.CopyAsync(provider) : SmallDemo.SeedAsync(provider);
            return task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _seeded.Values) await (await task).Database.DisposeAsync();
    }
}

public sealed partial class DemoPartnershipTests(SmallDemoFixture fixture) : IClassFixture<SmallDemoFixture>
{
    /// <summary>The installation's keys, for these tests: the seeds are stored encrypted with them.</summary>
    private static readonly SecretsAtRest Secrets = SmallDemo.Secrets;

    private static async Task<List<string>> EverythingNamedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var people = await db.People.AsNoTracking()
            .Select(p => new { p.GivenName, p.FamilyName, p.NhsNumber, p.Upn, p.Sex, p.IsSealed, p.DateOfBirth }).ToListAsync();
        var orgs = await db.Organisations.AsNoTracking().Select(o => new { o.Name, o.Urn, o.OdsCode, o.Phase }).ToListAsync();
        var households = await db.Households.AsNoTracking().Select(h => new { h.Address, h.Postcode }).ToListAsync();
        var sources = await db.SourceRecords.AsNoTracking()
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.SourceSystem, r.LocalId, r.Received, p.GivenName, p.FamilyName, p.DateOfBirth })
            .ToListAsync();
        var relationships = await db.PersonRelationships.AsNoTracking()
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.RelatedPersonId, r.Kind, Person = p.GivenName + " " + p.FamilyName })
            .Join(db.People, r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.Person, r.Kind, Related = p.GivenName + " " + p.FamilyName })
            .ToListAsync();
        return [.. people.Select(p => p.ToString()!).Concat(orgs.Select(o => o.ToString()!)).Concat(households.Select(h => h.ToString()!))
            .Concat(sources.Select(s => s.ToString()!)).Concat(relationships.Select(r => r.ToString()!))
            .Order(StringComparer.Ordinal)];
    }

    [Theory, BothDatabases]
    public async Task Small_demo_has_the_same_people_every_time_but_secrets_of_its_own(DatabaseProvider provider)
    {
        var (first, firstCredentials) = await fixture.GetAsync(provider);
        var (second, secondCredentials) = await fixture.GetSecondAsync(provider);

        Assert.Equal(await EverythingNamedAsync(first), await EverythingNamedAsync(second));
        Assert.Equal(firstCredentials.Users.Select(u => u.Email), secondCredentials.Users.Select(u => u.Email));
        // Nothing in the source gives the secrets away: each installation draws its own.
        Assert.Empty(firstCredentials.Users.Select(u => u.Password).Intersect(secondCredentials.Users.Select(u => u.Password)));
        Assert.Empty(firstCredentials.Users.Select(u => u.TotpSecret).Intersect(secondCredentials.Users.Select(u => u.TotpSecret)));
        Assert.Empty(firstCredentials.ApiClients.Select(c => c.ClientSecret).Intersect(secondCredentials.ApiClients.Select(c => c.ClientSecret)));
    }

    [Theory, BothDatabases]
    public async Task Small_demo_has_about_600_children_in_families(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var eighteenYearsAgo = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(-18).PlusDays(1);

        var children = await db.People.CountAsync(p => p.DateOfBirth >= eighteenYearsAgo);
        var adults = await db.People.CountAsync(p => p.DateOfBirth < eighteenYearsAgo);

        Assert.Equal(DemoPartnership.SmallChildren, children);
        Assert.InRange(adults, 300, 600);
        Assert.Equal(0, await db.People.CountAsync(p => p.HouseholdId == null));
    }

    [Theory, BothDatabases]
    public async Task Small_demo_has_a_user_for_every_role_who_can_sign_in_with_a_password_and_a_totp_code(DatabaseProvider provider)
    {
        var (database, credentials) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).ToListAsync();
        var keys = await db.Set<IdentityUserToken<Guid>>().AsNoTracking()
            .Where(t => t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName)
            .ToDictionaryAsync(t => t.UserId, t => t.Value);

        Assert.Equal(Enum.GetValues<Role>().Order(), users.SelectMany(u => u.Roles).Select(r => r.Role).Distinct().Order());
        foreach (var credential in credentials.Users)
        {
            var user = Assert.Single(users, u => u.Email == credential.Email);
            Assert.True(user.TwoFactorEnabled);
            Assert.True(credential.Password.Length >= 16);
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, credential.Password));
            // Stored encrypted with the installation's keys, never in the clear (issue 18).
            Assert.StartsWith(SecretsAtRest.Prefix, keys[user.Id]);
            Assert.DoesNotContain(credential.TotpSecret, keys[user.Id]!, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(credential.TotpSecret, Secrets.Reveal(StoredSecret.TotpSeed, keys[user.Id]!));
            Assert.Equal(20, Base32Encoding.ToBytes(credential.TotpSecret).Length);
        }
        Assert.Equal(credentials.Users.Count, credentials.Users.Select(u => u.Password).Distinct().Count());
        Assert.Equal(credentials.Users.Count, credentials.Users.Select(u => u.TotpSecret).Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task Every_nhs_number_is_valid_and_in_the_999_test_range(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var numbers = await db.People.Where(p => p.NhsNumber != null).Select(p => p.NhsNumber!).ToListAsync();

        Assert.True(numbers.Count > 800);
        Assert.All(numbers, n => Assert.True(NhsNumber.IsValid(n) && n.StartsWith("999", StringComparison.Ordinal), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task Every_upn_is_valid_unique_and_from_the_demo_local_authority(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var upns = await db.People.Where(p => p.Upn != null).Select(p => p.Upn!).ToListAsync();

        Assert.True(upns.Count > 300);
        Assert.All(upns, u => Assert.True(Upn.IsValid(u) && u[1..4] == DemoPartnership.LocalAuthorityCode, u));
        Assert.Equal(upns.Count, upns.Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task Every_school_has_a_urn_and_a_key_adult(DatabaseProvider provider)
    {
        var (database, credentials) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var schools = await db.Organisations.Where(o => o.Type == OrganisationType.School).ToListAsync();
        var keyAdults = await db.Users.Where(u => u.Roles.Any(r => r.Role == Role.SchoolKeyAdult)).Select(u => u.OrganisationId).ToListAsync();

        Assert.InRange(schools.Count, 18, 22);
        Assert.Contains(schools, s => s.Phase == SchoolPhase.Secondary);
        Assert.All(schools, s => Assert.Empty(OrganisationRules.Validate(s.Name, s.Type, s.Urn, s.OdsCode, s.PoliceForceCode)));
        Assert.All(schools, s => Assert.Contains(s.Id, keyAdults));
        Assert.All(schools, s => Assert.Contains(credentials.Users, u => u.Email == $"keyadult.{s.Urn}@demo.example"));
    }

    [Theory, BothDatabases]
    public async Task Pupils_are_registered_only_at_schools_and_by_age(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Id);
        var people = await db.People.Include(p => p.Links).ToListAsync();
        var today = SystemClock.Instance.GetCurrentInstant().InUtc().Date;

        var pupilLinks = people.SelectMany(p => p.Links.Where(l => l.Kind == PersonLinkKind.RegisteredPupil).Select(l => (Person: p, Org: orgs[l.OrganisationId]))).ToList();
        Assert.NotEmpty(pupilLinks);
        Assert.All(pupilLinks, x => Assert.Equal(OrganisationType.School, x.Org.Type));
        Assert.All(pupilLinks, x => Assert.InRange(Period.Between(x.Person.DateOfBirth!.Value, today, PeriodUnits.Years).Years, 4, 17));
        Assert.Contains(pupilLinks, x => x.Org.Phase == SchoolPhase.Primary);
        Assert.All(pupilLinks.Where(x => x.Org.Phase == SchoolPhase.Primary), x =>
            Assert.InRange(Period.Between(x.Person.DateOfBirth!.Value, today, PeriodUnits.Years).Years, 4, 11));
        Assert.Contains(people.SelectMany(p => p.Links), l => l.Kind == PersonLinkKind.CollegeStudent);
        Assert.All(people.SelectMany(p => p.Links).Where(l => l.Kind == PersonLinkKind.CollegeStudent), l => Assert.Equal(OrganisationType.College, orgs[l.OrganisationId].Type));
        Assert.Contains(people.SelectMany(p => p.Links), l => l.Kind == PersonLinkKind.RegisteredPatient);
        Assert.All(people.SelectMany(p => p.Links).Where(l => l.Kind == PersonLinkKind.RegisteredPatient), l => Assert.Equal(OrganisationType.GpPractice, orgs[l.OrganisationId].Type));
        Assert.True(people.Count(p => p.Links.Any(l => l.Kind == PersonLinkKind.RegisteredPatient)) > people.Count * 0.9);
        Assert.All(people.Where(p => p.Links.Any(l => l.Kind == PersonLinkKind.RegisteredPupil)), p => Assert.NotNull(p.Upn));
    }

    [Theory, BothDatabases]
    public async Task Every_pupil_has_one_school_roll_record_linked_to_them_with_their_upn(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var pupils = await db.PersonLinks.Where(l => l.Kind == PersonLinkKind.RegisteredPupil)
            .Join(db.People, l => l.PersonId, p => p.Id, (l, p) => new { p.Id, p.Upn, l.OrganisationId }).ToListAsync();
        var roll = (await db.SourceRecords.AsNoTracking().Where(r => r.SourceSystem == "SIMS").ToListAsync()).ToLookup(r => r.PersonId);

        Assert.True(pupils.Count > 300);
        Assert.Equal(pupils.Count, roll.Sum(g => g.Count()));
        foreach (var pupil in pupils)
        {
            var record = Assert.Single(roll[pupil.Id]);
            Assert.Equal(pupil.Upn, record.Upn);
            Assert.True(Upn.IsValid(record.Upn));
            Assert.Equal(pupil.OrganisationId, record.OrganisationId);
            Assert.Null(record.NhsNumber);
            Assert.Matches("^ADM-[0-9]{6}$", record.LocalId);
            Assert.Equal(LinkOutcome.LinkedAutomatically, record.Outcome);
            Assert.Null(record.MatchProbability);
            using var received = JsonDocument.Parse(record.Received);
            Assert.Equal(["given_name", "family_name", "date_of_birth", "sex", "postcode", "address", "upn"],
                received.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(pupil.Upn, received.RootElement.GetProperty("upn").GetString());
        }
    }

    [Theory, BothDatabases]
    public async Task Every_registered_patient_has_a_gp_record_with_their_nhs_number(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var patients = await db.PersonLinks.Where(l => l.Kind == PersonLinkKind.RegisteredPatient)
            .Join(db.People, l => l.PersonId, p => p.Id, (l, p) => new { p.Id, p.NhsNumber, l.OrganisationId }).ToListAsync();
        var gp = (await db.SourceRecords.AsNoTracking().Where(r => r.SourceSystem == "EMIS").ToListAsync()).ToLookup(r => r.PersonId);

        Assert.True(patients.Count > 800);
        Assert.Equal(patients.Count, gp.Sum(g => g.Count()));
        Assert.All(patients, patient =>
        {
            var record = Assert.Single(gp[patient.Id]);
            Assert.Equal(patient.NhsNumber, record.NhsNumber);
            Assert.Equal(patient.OrganisationId, record.OrganisationId);
            Assert.Null(record.Upn);
        });
        Assert.Contains(gp.SelectMany(g => g), r => r.NhsNumber is not null);
        Assert.All(gp.SelectMany(g => g).Where(r => r.NhsNumber is not null),
            r => Assert.True(NhsNumber.IsValid(r.NhsNumber) && r.NhsNumber!.StartsWith("999", StringComparison.Ordinal)));
    }

    [Theory, BothDatabases]
    public async Task Police_records_are_noisy_but_link_to_the_same_person(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var police = await db.Organisations.SingleAsync(o => o.Type == OrganisationType.PoliceForce);
        var records = await db.SourceRecords.AsNoTracking().Where(r => r.SourceSystem == "Niche").ToListAsync();
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id);

        Assert.InRange(records.Count, 20, 120);
        Assert.All(records, r => Assert.Equal(police.Id, r.OrganisationId));
        Assert.All(records, r => Assert.Equal(LinkOutcome.LinkedAutomatically, r.Outcome));
        var linked = records.Select(r => (Record: r, Person: people[r.PersonId!.Value])).ToList();

        // A nickname or another spelling from the curated list, recorded instead of the registered name.
        Assert.Contains(linked, x => x.Record.GivenName != x.Person.GivenName
            && DemoNames.Nicknames.TryGetValue(x.Person.GivenName, out var forms) && forms.Contains(x.Record.GivenName));
        // A date of birth that is not the person's as written: day and month swapped, or the day unknown.
        Assert.Contains(linked, x => x.Record.DateOfBirth != Iso(x.Person.DateOfBirth!.Value));
        Assert.Contains(linked, x => x.Record.DateOfBirth == Iso(x.Person.DateOfBirth!.Value, swapped: true) && x.Person.DateOfBirth!.Value.Day != x.Person.DateOfBirth.Value.Month);
        Assert.Contains(linked, x => x.Record.Postcode is null);
        // The record keeps what the police wrote; the person keeps the true values.
        Assert.All(linked, x => Assert.Equal(x.Record.GivenName, JsonDocument.Parse(x.Record.Received).RootElement.GetProperty("given_name").GetString()));
        Assert.All(linked, x => Assert.Null(x.Record.NhsNumber));
    }

    private static string Iso(LocalDate date, bool swapped = false) => swapped
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Day:00}-{date.Month:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}-{date.Day:00}");

    [Theory, BothDatabases]
    public async Task Some_children_have_a_social_care_record_from_the_council(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var council = await db.Organisations.SingleAsync(o => o.Name.StartsWith("Aire Valley City Council Children's Services"));
        var records = await db.SourceRecords.AsNoTracking().Where(r => r.SourceSystem == "Mosaic").ToListAsync();
        var eighteenYearsAgo = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(-18).PlusDays(1);
        var children = await db.People.Where(p => p.DateOfBirth >= eighteenYearsAgo).Select(p => p.Id).ToListAsync();

        Assert.InRange(records.Count, 5, 40);
        Assert.All(records, r => Assert.Equal(council.Id, r.OrganisationId));
        Assert.All(records, r => Assert.Contains(r.PersonId!.Value, children));
        Assert.Equal(records.Count, records.Select(r => r.LocalId).Distinct().Count());
    }

    [Theory, BothDatabases]
    public async Task Twins_share_household_and_birth_date_and_their_records_link_to_each_twin(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var people = await db.People.AsNoTracking().ToListAsync();
        var records = (await db.SourceRecords.AsNoTracking().ToListAsync()).ToLookup(r => r.PersonId);

        var twins = people.GroupBy(p => (p.HouseholdId, p.DateOfBirth)).Where(g => g.Count() == 2).Select(g => g.ToList()).ToList();
        Assert.NotEmpty(twins);
        // The hardest case for linkage: twins whose names are alike, such as Olivia and Olive.
        var alike = DemoNames.AlikeTwinNames.Values.SelectMany(n => n.Girls.Concat(n.Boys)).Select(p => (p[0], p[1])).ToHashSet();
        Assert.Contains(twins, pair => alike.Contains((pair[0].GivenName, pair[1].GivenName)) || alike.Contains((pair[1].GivenName, pair[0].GivenName)));
        foreach (var pair in twins)
        {
            Assert.NotEqual(pair[0].GivenName, pair[1].GivenName);
            Assert.Equal(pair[0].FamilyName, pair[1].FamilyName);
            foreach (var twin in pair)
            {
                Assert.NotEmpty(records[twin.Id]);
                // Each twin's records carry that twin's own name, birth date and identifiers, never the other's.
                Assert.All(records[twin.Id].Where(r => r.SourceSystem != "Niche"), r => Assert.Equal(twin.GivenName, r.GivenName));
                Assert.All(records[twin.Id].Where(r => r.NhsNumber is not null), r => Assert.Equal(twin.NhsNumber, r.NhsNumber));
                Assert.All(records[twin.Id].Where(r => r.Upn is not null), r => Assert.Equal(twin.Upn, r.Upn));
            }
        }
        // One twin may have no record of a kind, but across all twins each check above looked at something.
        var twinRecords = twins.SelectMany(pair => pair).SelectMany(twin => records[twin.Id]).ToList();
        Assert.Contains(twinRecords, r => r.SourceSystem != "Niche");
        Assert.Contains(twinRecords, r => r.NhsNumber is not null);
        Assert.Contains(twinRecords, r => r.Upn is not null);
    }

    [Theory, BothDatabases]
    public async Task Household_relationships_are_parents_siblings_and_members_in_both_directions(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var relationships = await db.PersonRelationships.AsNoTracking().ToListAsync();
        var eighteenYearsAgo = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(-18).PlusDays(1);
        bool IsChild(Guid id) => people[id].DateOfBirth >= eighteenYearsAgo;

        var pairs = relationships.Select(r => (r.PersonId, r.RelatedPersonId)).ToHashSet();
        Assert.NotEmpty(relationships);
        Assert.Equal(relationships.Count, pairs.Count);
        Assert.All(relationships, r => Assert.Contains((r.RelatedPersonId, r.PersonId), pairs));
        Assert.All(relationships, r => Assert.Equal(people[r.PersonId].HouseholdId, people[r.RelatedPersonId].HouseholdId));
        Assert.All(relationships, r => Assert.Equal((IsChild(r.PersonId), IsChild(r.RelatedPersonId)) switch
        {
            (true, true) => RelationshipKind.Sibling,
            // A child's adults are their parents; the other way there is no "child" kind, so a household member.
            (true, false) => RelationshipKind.Parent,
            _ => RelationshipKind.HouseholdMember,
        }, r.Kind));
        // Everyone in a household of more than one is related to everyone else in it.
        var expected = people.Values.GroupBy(p => p.HouseholdId).Sum(g => g.Count() * (g.Count() - 1));
        Assert.Equal(expected, relationships.Count);
    }

    [Theory, BothDatabases]
    public async Task Seeding_again_adds_nothing_and_keeps_the_credentials_file(DatabaseProvider provider)
    {
        var (database, credentials) = await fixture.GetSecondAsync(provider);
        var path = CredentialsPath();
        await credentials.WriteJsonAsync(path, TestContext.Current.CancellationToken);
        int Count(SafeguardingDbContext db) => db.People.Count() + db.Users.Count() + db.Organisations.Count() + db.ApiClients.Count() + db.AuditEntries.Count()
            + db.SourceRecords.Count() + db.PersonRelationships.Count();
        int before;
        await using (var db = database.NewContext()) before = Count(db);

        DemoCredentials again;
        await using (var db = database.NewContext())
        {
            Assert.True((await new DemoPartnership(db, Secrets).SeedAsync(DemoScale.Small, ct: TestContext.Current.CancellationToken)).WasAlreadySeeded);
            again = await DemoSeeding.KeepOrRenewCredentialsAsync(db, Secrets, await DemoPartnershipIdAsync(db), path, TestContext.Current.CancellationToken);
        }

        await using (var db = database.NewContext()) Assert.Equal(before, Count(db));
        Assert.True(again.WasAlreadySeeded);
        Assert.Equal(credentials.Users, again.Users);
        Assert.Equal(credentials.ApiClients, again.ApiClients);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Theory, BothDatabases]
    public async Task A_lost_credentials_file_is_written_again_with_new_secrets_that_work(DatabaseProvider provider)
    {
        var (database, old) = await SmallDemo.CopyAsync(provider);
        await using var _ = database;
        // The secrets drawn at the seed were never written out: as good as a lost file.
        var path = CredentialsPath();

        DemoCredentials renewed;
        await using (var db = database.NewContext())
            renewed = await DemoSeeding.KeepOrRenewCredentialsAsync(db, Secrets, await DemoPartnershipIdAsync(db), path, TestContext.Current.CancellationToken);

        Assert.Equal(renewed.Users, (await DemoCredentials.TryReadJsonAsync(path, TestContext.Current.CancellationToken))!.Users);
        Assert.Equal(old.Users.Select(u => u.Email), renewed.Users.Select(u => u.Email));
        Assert.Empty(old.Users.Select(u => u.Password).Intersect(renewed.Users.Select(u => u.Password)));
        await using var check = database.NewContext();
        var users = await check.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, TestContext.Current.CancellationToken);
        var keys = await check.Set<IdentityUserToken<Guid>>().AsNoTracking()
            .Where(t => t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName)
            .ToDictionaryAsync(t => t.UserId, t => t.Value, TestContext.Current.CancellationToken);
        Assert.All(renewed.Users, u =>
        {
            var user = users[u.Email];
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, u.Password));
            Assert.DoesNotContain(u.TotpSecret, keys[user.Id]!, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(u.TotpSecret, Secrets.Reveal(StoredSecret.TotpSeed, keys[user.Id]!));
        });
        var clients = await check.ApiClients.AsNoTracking().ToDictionaryAsync(c => c.ClientId, TestContext.Current.CancellationToken);
        Assert.All(renewed.ApiClients, c => Assert.True(ApiClientSecrets.Matches(c.ClientSecret, clients[c.ClientId].SecretHash)));
    }

    [Theory, BothDatabases]
    public async Task Demo_seeding_refuses_a_database_that_holds_another_partnership(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        await using var db = database.NewContext();

        var seeding = new DemoSeeding(db, new PersonIndex(db), new Safeguarding.Core.DomesticAbuse.Encompass.EncompassDeliveryOptions("http://localhost:5080"), Secrets);
        var path = CredentialsPath();

        var refused = await Assert.ThrowsAsync<DemoRefusedException>(() =>
            seeding.SeedAsync(new DemoSeedingOptions(DemoScale.Small, path), TestContext.Current.CancellationToken));

        Assert.Contains("not the demonstration partnership", refused.Message);
        Assert.False(await db.Partnerships.AnyAsync(p => p.Code == DemoPartnership.PartnershipCode, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(path));
    }

    /// <summary>A folder of the test's own: a PostgreSQL test database's data directory is the shared temporary folder.</summary>
    private static string CredentialsPath() =>
        Path.Combine(Path.GetTempPath(), "safeguarding-demo-tests", Guid.NewGuid().ToString("N"), DemoSeeding.CredentialsFileName);

    private static Task<Guid> DemoPartnershipIdAsync(SafeguardingDbContext db) =>
        db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);

    [Theory, BothDatabases]
    public async Task Each_agency_has_an_api_client_with_its_scopes_and_a_hashed_secret(DatabaseProvider provider)
    {
        var (database, credentials) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var clients = await db.ApiClients.ToDictionaryAsync(c => c.ClientId);

        Assert.Equal("people:write people:read incidents:write", clients["demo-police-13"].Scopes);
        Assert.Contains(credentials.ApiClients, c => c.ClientId.StartsWith("demo-gp-", StringComparison.Ordinal));
        Assert.All(credentials.ApiClients, c => Assert.True(ApiClientSecrets.Matches(c.ClientSecret, clients[c.ClientId].SecretHash)));
        Assert.All(clients.Values, c =>
        {
            Assert.NotEmpty(c.ScopeSet);
            Assert.All(c.ScopeSet, s => Assert.True(ApiScopeCatalogue.Exists(s), s));
        });
    }

    [Fact]
    public async Task Credentials_file_holds_the_note_on_how_to_sign_in_with_mfa()
    {
        var path = Path.Combine(Path.GetTempPath(), $"demo-credentials-{Guid.NewGuid():N}.json");
        var credentials = new DemoCredentials([new("Idva", "A Person", "idva@demo.example", "Pass-word-12345-xyz", "ABCDEFGH", "Org")], []);
        try
        {
            await credentials.WriteJsonAsync(path, TestContext.Current.CancellationToken);
            var json = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

            Assert.Contains("\"note\": \"", json);
            Assert.Contains("RFC 6238, SHA-1, 30 s, 6 digits", json);
            Assert.Contains("\"totpSecret\": \"ABCDEFGH\"", json);
            Assert.Contains("\"apiClients\": []", json);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
