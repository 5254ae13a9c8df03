using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>The fast reader behind the measures returns exactly the rows EF Core stored, on both databases.</summary>
public sealed class StoredEnrolmentsTests
{
    private static readonly AcademicYear Year = new(2024);
    private static readonly string[] Needs = ["SPLD", "SEMH", "ASD", "SLCN"];

    /// <summary>Enrolments with every shape a row can take: with and without a person, a need, FSM, marks (empty too).</summary>
    private static List<Enrolment> Pupils(Guid partnershipId, int academicYear, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new Enrolment
        {
            PartnershipId = partnershipId, AcademicYear = academicYear,
            Upn = $"A{seed:D4}{i:D8}", Urn = $"10{i % 7:D4}",
            PersonId = i % 3 == 0 ? null : Guid.NewGuid(),
            DateOfBirth = new LocalDate(2010 + i % 8, 1 + i % 12, 1 + i % 28),
            Sex = i % 2 == 0 ? "F" : "M", YearGroup = (1 + i % 11).ToString(System.Globalization.CultureInfo.InvariantCulture),
            SenProvision = (i % 5) switch { 0 => "E", 1 => "K", _ => "N" },
            SenPrimaryNeed = i % 5 < 2 ? Needs[i % Needs.Length] : null,
            Fsm = i % 4 == 0,
            Sessions = [.. Enumerable.Range(0, i % 9 == 0 ? 0 : random.Next(1, 380)).Select(_ => (byte)random.Next(0, 30))],
        })];
    }

    private static async Task StoreAsync(TestDatabase database, List<Enrolment> enrolments)
    {
        await using var db = database.NewContext();
        db.Process = ProcessContext.System("test:enrolments");
        db.Enrolments.AddRange(enrolments);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static void AssertSame(IEnumerable<Enrolment> expected, IEnumerable<Enrolment> actual)
    {
        // Every stored column the reader carries (UpdatedAt is bookkeeping the measures never read).
        static object Row(Enrolment e) => (e.Id, e.PartnershipId, e.AcademicYear, e.Upn, e.Urn, e.PersonId, e.DateOfBirth, e.Sex, e.YearGroup,
            e.SenProvision, e.SenPrimaryNeed, e.Fsm, Convert.ToHexString(e.Sessions));
        Assert.Equal(expected.OrderBy(e => e.Id).Select(Row), actual.OrderBy(e => e.Id).Select(Row));
    }

    [Theory, BothDatabases]
    public async Task The_fast_reader_returns_exactly_the_year_that_was_stored_and_nothing_of_other_years_or_partnerships(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var other = await data.CreatePartnershipAsync();
        // Interleaved with other partnerships' and years' rows, so that a range of rows holds some of each.
        for (var batch = 0; batch < 3; batch++)
        {
            await StoreAsync(database, Pupils(partnership.Id, Year.StartYear, 40, seed: batch));
            await StoreAsync(database, Pupils(other.Id, Year.StartYear, 10, seed: 10 + batch));
            await StoreAsync(database, Pupils(partnership.Id, Year.StartYear - 1, 10, seed: 20 + batch));
        }

        await using var read = database.NewContext();
        var expected = await read.Enrolments.AsNoTracking().Where(e => e.PartnershipId == partnership.Id && e.AcademicYear == Year.StartYear)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(120, expected.Count);
        Assert.Contains(expected, e => e.PersonId is null);
        Assert.Contains(expected, e => e.SenPrimaryNeed is null);
        Assert.Contains(expected, e => e.Sessions.Length == 0);

        AssertSame(expected, await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear, ct: TestContext.Current.CancellationToken));
        // SQLite splits the rows into ranges read on parallel connections; each split gives the same rows once.
        foreach (var connections in new[] { 1, 2, 3, 7 })
            AssertSame(expected, await StoredEnrolments.ReadAsync(read, partnership.Id, Year.StartYear, null, TestContext.Current.CancellationToken, connections));
    }

    [Theory, BothDatabases]
    public async Task A_school_filter_returns_that_schools_rows_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        await StoreAsync(database, Pupils(partnership.Id, Year.StartYear, 60, seed: 1));

        await using var read = database.NewContext();
        var expected = await read.Enrolments.AsNoTracking()
            .Where(e => e.PartnershipId == partnership.Id && e.AcademicYear == Year.StartYear && e.Urn == "100003")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(expected);
        AssertSame(expected, await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear, "100003", TestContext.Current.CancellationToken));
        Assert.Empty(await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear, "999999", TestContext.Current.CancellationToken));
        Assert.Empty(await AttendanceStore.EnrolmentsAsync(read, partnership.Id, Year.StartYear + 1, ct: TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task The_measures_from_storage_equal_the_measures_of_the_rows_as_ef_reads_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        await StoreAsync(database, Pupils(partnership.Id, Year.StartYear, 90, seed: 5));

        await using var read = database.NewContext();
        var expected = AttendanceMeasures.Compute(Year, await read.Enrolments.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        var figures = await AttendanceStore.FiguresAsync(read, TestServices.KnownToSafeguarding(read), partnership.Id, Year, ct: TestContext.Current.CancellationToken);
        Assert.True(expected.Overall.Enrolments > 0);
        foreach (var dimension in Breakdown.All)
            Assert.Equal(expected.By[dimension].Select(g => (g.Key, g.Value.Enrolments, g.Value.PossibleSessions, g.Value.PresentSessions,
                    g.Value.AuthorisedAbsenceSessions, g.Value.UnauthorisedAbsenceSessions, g.Value.PersistentAbsentees, g.Value.SevereAbsentees)),
                figures.By[dimension].Select(g => (g.Key, g.Value.Enrolments, g.Value.PossibleSessions, g.Value.PresentSessions,
                    g.Value.AuthorisedAbsenceSessions, g.Value.UnauthorisedAbsenceSessions, g.Value.PersistentAbsentees, g.Value.SevereAbsentees)));
        Assert.Equal((expected.Sen.Pupils, expected.Sen.EhcPlans, expected.Sen.SenSupport), (figures.Sen.Pupils, figures.Sen.EhcPlans, figures.Sen.SenSupport));
    }
}
