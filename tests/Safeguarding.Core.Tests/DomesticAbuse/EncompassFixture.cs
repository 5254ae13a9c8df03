using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
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
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await new DemoPartnership(db).SeedAsync(DemoScale.Small);
        var partnership = await db.Partnerships.SingleAsync();
        await new PersonIndex(db).TrainAsync(partnership.Id, ProcessContext.System("test:train"));
        var days = DeadlineTests.CouncilYear();
        db.Process = ProcessContext.System("test:arrange");
        db.SchoolCalendars.Add(new SchoolCalendar
        {
            PartnershipId = partnership.Id, DayStart = days.DayStart,
            Terms = [.. days.Terms.Select(t => new SchoolTerm { Start = t.Start, End = t.End })],
        });
        // The council's EHE and CME leads work in Learning Inclusion.
        db.EncompassSettings.Add(new EncompassSettings
        {
            PartnershipId = partnership.Id,
            CouncilOrganisationId = await db.Organisations.Where(o => o.Name.Contains("Learning Inclusion")).Select(o => o.Id).SingleAsync(),
        });
        await db.SaveChangesAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _databases.Values) await (await task).DisposeAsync();
    }
}

/// <summary>One test's view of the demo partnership: its police force, schools, council, and a context on the test clock.</summary>
public sealed class EncompassWorld(TestDatabase database, Guid partnershipId, Organisation police, Organisation council, IReadOnlyList<Organisation> schools)
{
    public FakeClock Clock { get; } = new(EncompassFixture.Now);
    public Guid PartnershipId => partnershipId;
    public Organisation Police => police;
    public Organisation Council => council;
    public IReadOnlyList<Organisation> Schools => schools;

    public Actor PoliceSystem => new(partnershipId, police.Id, "Police system", new HashSet<Role> { Role.PoliceDomesticAbuse });

    public Actor Administrator => new(partnershipId, council.Id, "Partnership administrator", new HashSet<Role> { Role.PartnershipAdministrator }, UserId: Guid.NewGuid());

    public ProcessContext Process(Actor actor) => new("test:encompass", actor, FromAddress: "test");

    public SafeguardingDbContext NewContext() => database.NewContext(Clock);

    public IncidentIntake Intake(SafeguardingDbContext db) => new(db, new PersonIndex(db), new Quarantine(db));

    public static async Task<EncompassWorld> OpenAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).OrderBy(o => o.Name).ToListAsync();
        return new EncompassWorld(database, partnershipId, orgs.First(o => o.Type == OrganisationType.PoliceForce),
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

    /// <summary>Puts the pupil on the school's roll from the given date (as a roll import would).</summary>
    public async Task RegisterAsync(SourceRecord pupil, Organisation school, LocalDate? from = null, LocalDate? left = null)
    {
        await using var db = NewContext();
        db.Process = ProcessContext.System("test:arrange");
        db.PupilRegistrations.Add(new PupilRegistration
        {
            PartnershipId = partnershipId, OrganisationId = school.Id, PersonId = pupil.PersonId!.Value, SourceRecordId = pupil.Id,
            LocalId = $"{pupil.LocalId}-{Guid.NewGuid():N}"[..40], StartedOn = from ?? new LocalDate(2024, 9, 1), LeftOn = left, LastListedAt = Clock.GetCurrentInstant(),
        });
        await db.SaveChangesAsync();
    }
}
