using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Testing;

/// <summary>
/// A partnership in a test database, on a fake clock: the ground every seeded world stands on. A test's own world
/// (the pathway's agencies and household, the delivery tests' school and Key Adults, the intake's schools and pupils)
/// derives from it and adds only what is special to it.
/// </summary>
public class TestWorld : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private TestWorld(TestDatabase database, FakeClock clock, Partnership partnership, bool ownsDatabase)
    {
        Database = database;
        Clock = clock;
        Partnership = partnership;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>For a derived world: the same database, clock and partnership.</summary>
    protected TestWorld(TestWorld world) : this(world.Database, world.Clock, world.Partnership, world._ownsDatabase)
    {
    }

    public TestDatabase Database { get; }
    public FakeClock Clock { get; }
    public Partnership Partnership { get; }
    public Guid PartnershipId => Partnership.Id;

    /// <summary>Builders that save through contexts on the world's clock.</summary>
    public TestData Data => new(NewContext);

    public SafeguardingDbContext NewContext() => Database.NewContext(Clock);

    /// <summary>A fresh database with one new partnership, the clock stopped at <paramref name="now"/>; disposing the world drops the database.</summary>
    public static async Task<TestWorld> CreateAsync(DatabaseProvider provider, Instant now)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(now);
        var partnership = await new TestData(() => database.NewContext(clock)).CreatePartnershipAsync();
        return new TestWorld(database, clock, partnership, ownsDatabase: true);
    }

    /// <summary>The one partnership of a database seeded elsewhere (the demo): whoever seeded it disposes it, not the world.</summary>
    public static async Task<TestWorld> OpenAsync(TestDatabase database, Instant now)
    {
        await using var db = database.NewContext();
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync();
        return new TestWorld(database, new FakeClock(now), partnership, ownsDatabase: false);
    }

    public Task<Organisation> OrganisationAsync(OrganisationType type = OrganisationType.School, string? name = null) =>
        Data.CreateOrganisationAsync(PartnershipId, type, name);

    public Task<TestUser> UserAsync(Organisation organisation, params Role[] roles) => Data.CreateUserAsync(organisation, roles);

    /// <summary>The force's own system sending incidents, with no person signed in.</summary>
    public Actor PoliceSystemOf(Organisation police) => new(PartnershipId, police.Id, "Police system", new HashSet<Role> { Role.PoliceDomesticAbuse });

    /// <summary>The partnership's calendar, which every school follows unless it has days of its own.</summary>
    public Task PublishCalendarAsync(SchoolDays days) => Data.SaveAsync(db => db.SchoolCalendars.Add(new SchoolCalendar
    {
        PartnershipId = PartnershipId, DayStart = days.DayStart,
        Terms = [.. days.Terms.Select(t => new SchoolTerm { Start = t.Start, End = t.End })],
    }));

    /// <summary>Operation Encompass switched on, the council's EHE and CME leads working in <paramref name="council"/>.</summary>
    public Task SetUpEncompassAsync(Organisation council, string? contactName = null)
    {
        var settings = new EncompassSettings { PartnershipId = PartnershipId, CouncilOrganisationId = council.Id };
        if (contactName is not null) settings.ContactName = contactName;
        return Data.SaveAsync(db => db.EncompassSettings.Add(settings));
    }

    /// <summary>Puts the pupil on the school's roll from the given date (as a roll import would).</summary>
    public Task RegisterAsync(SourceRecord pupil, Organisation school, LocalDate? from = null, LocalDate? left = null) =>
        Data.SaveAsync(db => db.PupilRegistrations.Add(new PupilRegistration
        {
            PartnershipId = PartnershipId, OrganisationId = school.Id, PersonId = pupil.PersonId!.Value, SourceRecordId = pupil.Id,
            LocalId = $"{pupil.LocalId}-{Guid.NewGuid():N}"[..40], StartedOn = from ?? new LocalDate(2024, 9, 1), LeftOn = left, LastListedAt = Clock.GetCurrentInstant(),
        }));

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _ownsDatabase ? Database.DisposeAsync() : ValueTask.CompletedTask;
    }
}
