using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Data;

/// <summary>
/// Rows written many to a statement (a police file's blocks) are stored exactly as EF's own statements store them,
/// every column's type and converter included, and a save that fails part-way leaves nothing behind.
/// </summary>
public sealed class ManyRowInsertsTests
{
    [Theory, BothDatabases]
    public async Task Rows_written_in_bulk_read_back_exactly_as_rows_written_one_by_one(DatabaseProvider provider)
    {
        await using var byEf = await TestDatabase.CreateAsync(provider);
        await using var inBulk = await TestDatabase.CreateAsync(provider);
        var incidents = Incidents(30);

        await SaveAsync(byEf, incidents, bulk: false);
        var written = await SaveAsync(inBulk, incidents, bulk: true);

        // Every incident and child went in bulk (the adults too few to be worth it, so EF wrote them in the same save).
        Assert.Equal(30 + 60, written);
        Assert.Equal(await StoredAsync(byEf), await StoredAsync(inBulk));
    }

    [Theory, BothDatabases]
    public async Task A_bulk_save_that_fails_stores_nothing_and_can_be_saved_again_once_mended(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var incidents = Incidents(25);
        // The last incident repeats the first's reference and version: the unique index refuses the statement.
        incidents[^1].PoliceReference = incidents[0].PoliceReference;

        await using var db = database.NewContext();
        var (partnership, force) = await WorldAsync(db);
        Place(incidents, partnership, force);
        db.WriteNewRowsInBulk = true;
        db.Process = ProcessContext.System("test:bulk");
        db.DomesticIncidents.AddRange(incidents);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        await using (var check = database.NewContext())
        {
            Assert.Equal(0, await check.DomesticIncidents.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await check.Set<IncidentChild>().CountAsync(TestContext.Current.CancellationToken));
        }

        incidents[^1].PoliceReference = "MENDED/1";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await using var after = database.NewContext();
        Assert.Equal(25, await after.DomesticIncidents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(50, await after.Set<IncidentChild>().CountAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<int> SaveAsync(TestDatabase database, List<DomesticIncident> incidents, bool bulk)
    {
        await using var db = database.NewContext();
        var (partnership, force) = await WorldAsync(db);
        var copies = JsonSerializer.Deserialize<List<DomesticIncident>>(JsonSerializer.Serialize(incidents, Json), Json)!;
        Place(copies, partnership, force);
        db.WriteNewRowsInBulk = bulk;
        db.Process = ProcessContext.System("test:bulk");
        db.DomesticIncidents.AddRange(copies);
        // Only this save's rows: the capture ignores what other tests write in bulk at the same time.
        using var capture = MeterCapture.Start(DataMetrics.MeterName);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (int)capture.Sum(DataMetrics.RowsWrittenInBulk.Name);
    }

    /// <summary>The same partnership and force in every database, so that rows compare equal.</summary>
    private static async Task<(Guid Partnership, Guid Force)> WorldAsync(SafeguardingDbContext db)
    {
        var partnership = new Partnership { Id = Guid.Parse("0190a000-0000-7000-8000-000000000001"), Name = "Bulk", Code = "bulk", CreatedAt = Instant.FromUtc(2026, 1, 1, 0, 0) };
        var force = new Organisation { Id = Guid.Parse("0190a000-0000-7000-8000-000000000002"), PartnershipId = partnership.Id, Name = "Force", Type = OrganisationType.PoliceForce, CreatedAt = partnership.CreatedAt };
        db.Partnerships.Add(partnership);
        db.Organisations.Add(force);
        db.Process = ProcessContext.System("test:bulk");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (partnership.Id, force.Id);
    }

    private static void Place(List<DomesticIncident> incidents, Guid partnership, Guid force)
    {
        foreach (var i in incidents) (i.PartnershipId, i.ForceOrganisationId) = (partnership, force);
    }

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>Incidents with every kind of column: text, nulls, numbers, flags, enums, instants, dates, ids, and two children each.</summary>
    private static List<DomesticIncident> Incidents(int count) =>
    [
        .. Enumerable.Range(0, count).Select(n => new DomesticIncident
        {
            PoliceReference = $"BULK/{n:000}", Version = 1 + n % 3, IsLatest = n % 2 == 0,
            OccurredAt = Instant.FromUtc(2026, 3, 29, 0, 30).Plus(Duration.FromMinutes(37 * n)), ReportedAt = Instant.FromUtc(2026, 3, 29, 1, 45).Plus(Duration.FromMinutes(37 * n)),
            Postcode = n % 4 == 0 ? null : $"LS{n} 1AA", Address = $"{n} Test Street, with a comma", Category = (DomesticAbuseCategory)(n % 3),
            Summary = n % 5 == 0 ? null : "Synthetic, with 'quotes' and ünïcödé", Fingerprint = $"fp{n}", Received = $$"""{"n":{{n}}}""",
            ReceivedAt = Instant.FromUtc(2026, 10, 25, 1, 30).Plus(Duration.FromSeconds(n)),
            Adults = n == 0 ? [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = "Ada", FamilyName = "Adult", DateOfBirth = new LocalDate(1980, 2, 29) }] : [],
            Children =
            [
                .. Enumerable.Range(0, 2).Select(c => new IncidentChild
                {
                    GivenName = $"Child{c}", FamilyName = $"Family{n}", DateOfBirth = c == 0 ? new LocalDate(2015, 1, 1).PlusDays(n) : null, Sex = (Sex)(c % 3),
                    Present = c == 0, SawOrHeard = n % 2 == 1, Resident = true, SpokenTo = c == 1, WhatTheySaid = c == 1 ? "Said \"nothing\"" : null,
                    PersonId = c == 0 ? Guid.Parse($"0190b000-0000-7000-8000-{n:000000000000}") : null, ChildKey = $"key/{n}/{c}",
                    SettingOutcome = (ChildSettingOutcome)(c % 2), ResolutionDeadline = c == 1 ? Instant.FromUtc(2026, 10, 26, 8, 30) : null,
                }),
            ],
        }),
    ];

    /// <summary>Every stored column of every incident and child, in a fixed order, as text.</summary>
    private static async Task<string> StoredAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var incidents = await db.DomesticIncidents.AsNoTracking().Include(i => i.Children).Include(i => i.Adults)
            .OrderBy(i => i.PoliceReference).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var i in incidents)
        {
            i.Children = [.. i.Children.OrderBy(c => c.ChildKey)];
            // Ids are made afresh per copy: compare what the rows say, and that each child points at its own incident.
            Assert.All(i.Children, c => Assert.Equal(i.Id, c.IncidentId));
        }
        // An incident may have no children, but the check above looked at some.
        Assert.NotEmpty(incidents.SelectMany(i => i.Children));
        return JsonSerializer.Serialize(incidents.Select(i => new
        {
            i.PoliceReference, i.Version, i.IsLatest, i.OccurredAt, i.ReportedAt, i.Postcode, i.Address, i.Category, i.Summary, i.Fingerprint, i.Received, i.ReceivedAt,
            Adults = i.Adults.Select(a => new { a.Role, a.GivenName, a.FamilyName, a.DateOfBirth }),
            Children = i.Children.Select(c => new
            {
                c.GivenName, c.FamilyName, c.DateOfBirth, c.Sex, c.Present, c.SawOrHeard, c.Resident, c.SpokenTo, c.WhatTheySaid, c.PersonId, c.ChildKey,
                c.SettingOutcome, c.ResolutionDeadline,
            }),
        }), Json);
    }
}
