using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// The children already known to safeguarding, for the "known to safeguarding against all others" breakdown and the
/// worklist. Each source adds the person ids it knows: Operation Encompass (a child named in a domestic incident
/// notified to their school) and the domestic-abuse pathway (a child flagged for health records as living in a MARAC
/// household or at risk by a DRAMM triage decision, now or before). Child protection and child in need plans add
/// their own source here when that module arrives.
/// </summary>
public static class KnownToSafeguarding
{
    public static async Task<HashSet<Guid>> LoadAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken ct = default)
    {
        var known = new HashSet<Guid>();
        foreach (var source in Sources) known.UnionWith(await source(db, partnershipId, ct));
        return known;
    }

    private static readonly Func<SafeguardingDbContext, Guid, CancellationToken, Task<List<Guid>>>[] Sources =
    [
        // Operation Encompass notifications.
        (db, partnershipId, ct) => db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.ChildPersonId != null)
            .Select(n => n.ChildPersonId!.Value).Distinct().ToListAsync(ct),
        // Children in a MARAC household or at risk of domestic abuse (their health flags, active or ended).
        (db, partnershipId, ct) => db.HealthFlags.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId)
            .Select(f => f.ChildPersonId).Distinct().ToListAsync(ct),
    ];
}

/// <summary>Reads a partnership's year from storage for the measures (no person is shown: figures only).</summary>
public static class AttendanceStore
{
    /// <summary>
    /// A year's enrolments with their marks, read straight from the table (no change tracking, no entity
    /// materialisation, repeated values shared): the measures read the whole city-year at once.
    /// </summary>
    public static async Task<List<Enrolment>> EnrolmentsAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default)
    {
        var entity = db.Model.FindEntityType(typeof(Enrolment))!;
        var table = entity.GetTableName()!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(store)!);
        var postgres = db.Database.IsNpgsql();
        static string Quote(string name) => $"\"{name}\"";
        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {Column(nameof(Enrolment.Id))}, {Column(nameof(Enrolment.Upn))}, {Column(nameof(Enrolment.Urn))}, {Column(nameof(Enrolment.PersonId))}, " +
                $"{Column(nameof(Enrolment.DateOfBirth))}, {Column(nameof(Enrolment.Sex))}, {Column(nameof(Enrolment.YearGroup))}, {Column(nameof(Enrolment.SenProvision))}, " +
                $"{Column(nameof(Enrolment.SenPrimaryNeed))}, {Column(nameof(Enrolment.Fsm))}, {Column(nameof(Enrolment.Sessions))} " +
                $"FROM {Quote(table)} WHERE {Column(nameof(Enrolment.PartnershipId))} = @p AND {Column(nameof(Enrolment.AcademicYear))} = @y" +
                (urn is null ? "" : $" AND {Column(nameof(Enrolment.Urn))} = @u");
            // Parameters made by each column's own type mapping, so a value is written as the provider stores it (SQLite keeps a Guid as text).
            void Add(string name, string property, object value) =>
                command.Parameters.Add(((Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)entity.FindProperty(property)!.GetTypeMapping())
                    .CreateParameter(command, name, value));
            Add("@p", nameof(Enrolment.PartnershipId), partnershipId);
            Add("@y", nameof(Enrolment.AcademicYear), academicYear);
            if (urn is not null) Add("@u", nameof(Enrolment.Urn), urn);
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string s) => shared.TryGetValue(s, out var v) ? v : shared[s] = s;
            var result = new List<Enrolment>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new Enrolment
                {
                    Id = reader.GetGuid(0), PartnershipId = partnershipId, AcademicYear = academicYear, Upn = reader.GetString(1), Urn = Shared(reader.GetString(2)),
                    PersonId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    DateOfBirth = postgres ? reader.GetFieldValue<NodaTime.LocalDate>(4) : ParseDate(reader.GetString(4)),
                    Sex = Shared(reader.GetString(5)), YearGroup = Shared(reader.GetString(6)), SenProvision = Shared(reader.GetString(7)),
                    SenPrimaryNeed = reader.IsDBNull(8) ? null : Shared(reader.GetString(8)), Fsm = reader.GetBoolean(9),
                    Sessions = reader.GetFieldValue<byte[]>(10),
                });
            }
            return result;
        }
        finally
        {
            if (close) await connection.CloseAsync();
        }

        static NodaTime.LocalDate ParseDate(string s) =>
            RegisterFiles.TryDate(s, out var d) ? d : throw new FormatException($"Stored date '{s}' is not YYYY-MM-DD.");
    }

    public static Task<List<Suspension>> SuspensionsAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default)
    {
        var query = db.Suspensions.AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.AcademicYear == academicYear);
        if (urn is not null) query = query.Where(s => s.Urn == urn);
        return query.ToListAsync(ct);
    }

    /// <summary>Every measure with every breakdown, computed from storage.</summary>
    public static async Task<AttendanceFigures> FiguresAsync(SafeguardingDbContext db, Guid partnershipId, AcademicYear year, string? urn = null,
        CancellationToken ct = default)
    {
        var enrolments = await EnrolmentsAsync(db, partnershipId, year.StartYear, urn, ct);
        var suspensions = await SuspensionsAsync(db, partnershipId, year.StartYear, urn, ct);
        var known = await KnownToSafeguarding.LoadAsync(db, partnershipId, ct);
        // A school's January census headcount, when sent, is the suspension rates' denominator; otherwise its pupils on roll that day.
        var headcounts = await Census.CensusHeadcounts.ForYearAsync(db, partnershipId, year.StartYear, urn, ct);
        return AttendanceMeasures.Compute(year, enrolments, suspensions, known, headcounts);
    }
}
