using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Tests.Platform.Calendars;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// The small demo partnership with its matching model trained and the council's 2026-27 calendar published, once
/// per database: real children known through their schools' records, so a police record of a child links to them.
/// </summary>
public sealed class EncompassFixture : IAsyncDisposable
{
    /// <summary>Friday 6 November 2026, 22:00: the clock every intake test runs at.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 6, 22, 0);

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
        var world = await TestWorld.OpenAsync(database, SystemClock.Instance.GetCurrentInstant());
        await world.PublishCalendarAsync(DeadlineTests.CouncilYear());
        // The council's EHE and CME leads work in Learning Inclusion.
        await world.SetUpEncompassAsync(await db.Organisations.AsNoTracking().Where(o => o.Name.Contains("Learning Inclusion")).SingleAsync());
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _databases.Values) await (await task).DisposeAsync();
    }
}

/// <summary>One test's view of the demo partnership: its police force, schools, council, and a context on the test clock.</summary>
public sealed class EncompassWorld : TestWorld
{
    private EncompassWorld(TestWorld world, Organisation police, Organisation council, IReadOnlyList<Organisation> schools) : base(world)
    {
        Police = police;
        Council = council;
        Schools = schools;
    }

    public Organisation Police { get; }
    public Organisation Council { get; }
    public IReadOnlyList<Organisation> Schools { get; }

    public Actor PoliceSystem => PoliceSystemOf(Police);

    public Actor Administrator => new(PartnershipId, Council.Id, "Partnership administrator", new HashSet<Role> { Role.PartnershipAdministrator }, UserId: Guid.NewGuid());

    public ProcessContext Process(Actor actor) => new("test:encompass", actor, FromAddress: "test");

    public IncidentIntake Intake(SafeguardingDbContext db) => new(db, new PersonIndex(db), new Quarantine(db));

    public static async Task<EncompassWorld> OpenAsync(TestDatabase database)
    {
        var world = await TestWorld.OpenAsync(database, EncompassFixture.Now);
        await using var db = world.NewContext();
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == world.PartnershipId).OrderBy(o => o.Name).ToListAsync();
        return new EncompassWorld(world, orgs.First(o => o.Type == OrganisationType.PoliceForce),
            orgs.First(o => o.Type == OrganisationType.CouncilService && o.Name.Contains("Learning Inclusion", StringComparison.Ordinal)),
            [.. orgs.Where(o => o.Type == OrganisationType.School && o.Phase is SchoolPhase.Primary or SchoolPhase.Secondary)]);
    }

    /// <summary>A child the school knows (its SIMS record), not yet on any roll in the tests, at the given school.</summary>
    public async Task<SourceRecord> PupilAsync(Organisation school, int skip = 0)
    {
        await using var db = NewContext();
        var registered = await db.PupilRegistrations.Select(r => r.PersonId).ToListAsync();
        var records = await db.SourceRecords.AsNoTracking()
            .Where(r => r.OrganisationId == school.Id && r.SourceSystem == "SIMS" && r.DateOfBirth != null && r.Postcode != null && r.GivenName != null && r.FamilyName != null)
            .OrderBy(r => r.LocalId).ToListAsync();
        return records.Where(r => !registered.Contains(r.PersonId!.Value) && r.DateOfBirth!.Length == 10 && !r.DateOfBirth.Contains("-00", StringComparison.Ordinal))
            .Skip(skip).First();
    }
}
