using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Npgsql;
using SQLitePCL;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// Reads a year's enrolments with their session vectors straight out of the table, as fast as each database allows:
/// the measures read a whole city-year (140,000 rows, 62 MB of vectors) on every request. SQLite: the engine's own
/// statement API (each value read in place, no boxed values, no string for a GUID or a date), the table scanned in
/// rowid order (optionally in ranges on parallel connections). PostgreSQL: binary COPY out. Repeated short values (school, sex,
/// year group, SEN) are shared, not one string per row. Returns exactly what is stored (the tests compare it with EF).
/// </summary>
internal static class StoredEnrolments
{
    /// <param name="connections">How many SQLite connections read the year in parallel, each a range of rowids (one by
    /// default); PostgreSQL always uses one.</param>
    public static async Task<List<Enrolment>> ReadAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn,
        CancellationToken ct, int? connections = null)
    {
        var columns = new Columns(db);
        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close) await connection.OpenAsync(ct);
        try
        {
            return connection switch
            {
                // Inside a transaction only this connection sees its uncommitted rows.
                SqliteConnection sqlite => ReadSqlite(sqlite, columns, partnershipId, academicYear, urn,
                    db.Database.CurrentTransaction is null ? connections : 1, ct),
                NpgsqlConnection npgsql => await ReadPostgresAsync(npgsql, columns, partnershipId, academicYear, urn, ct),
                _ => throw new NotSupportedException($"No enrolment reader for {connection.GetType().Name}."),
            };
        }
        finally
        {
            if (close) await connection.CloseAsync();
        }
    }

    /// <summary>The table and its column names as the model maps them, and SQL literals made by each column's own type mapping.</summary>
    private sealed class Columns
    {
        private readonly IEntityType _entity;
        private readonly StoreObjectIdentifier _store;

        public Columns(SafeguardingDbContext db)
        {
            _entity = db.Model.FindEntityType(typeof(Enrolment))!;
            Table = Quote(_entity.GetTableName()!);
            _store = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
            // In the order every reader below expects them.
            Selected = string.Join(", ", new[]
            {
                nameof(Enrolment.Id), nameof(Enrolment.Upn), nameof(Enrolment.Urn), nameof(Enrolment.PersonId), nameof(Enrolment.DateOfBirth),
                nameof(Enrolment.Sex), nameof(Enrolment.YearGroup), nameof(Enrolment.SenProvision), nameof(Enrolment.SenPrimaryNeed),
                nameof(Enrolment.Fsm), nameof(Enrolment.Sessions),
            }.Select(Name));
        }

        public string Table { get; }
        public string Selected { get; }

        public string Name(string property) => Quote(_entity.FindProperty(property)!.GetColumnName(_store)!);

        /// <summary>A value as the provider writes it in SQL (SQLite keeps a GUID as upper-case text).</summary>
        public string Literal(string property, object value) =>
            ((RelationalTypeMapping)_entity.FindProperty(property)!.GetTypeMapping()).GenerateSqlLiteral(value);

        /// <summary>The filter on partnership, year and (optionally) school; <paramref name="indexed"/> false keeps SQLite off the indexes.</summary>
        public string Where(Guid partnershipId, int academicYear, string? urn, bool indexed = true)
        {
            var plus = indexed ? "" : "+";
            return $"{plus}{Name(nameof(Enrolment.PartnershipId))} = {Literal(nameof(Enrolment.PartnershipId), partnershipId)} AND " +
                   $"{plus}{Name(nameof(Enrolment.AcademicYear))} = {Literal(nameof(Enrolment.AcademicYear), academicYear)}" +
                   (urn is null ? "" : $" AND {Name(nameof(Enrolment.Urn))} = {Literal(nameof(Enrolment.Urn), urn)}");
        }

        private static string Quote(string name) => $"\"{name}\"";
    }

    // ---- SQLite ---------------------------------------------------------------------------------------------------

    private static List<Enrolment> ReadSqlite(SqliteConnection connection, Columns columns, Guid partnershipId, int academicYear, string? urn,
        int? connections, CancellationToken ct)
    {
        // One school: its index finds the few hundred rows.
        if (urn is not null)
            return ReadSqliteRows(connection, $"SELECT {columns.Selected} FROM {columns.Table} WHERE {columns.Where(partnershipId, academicYear, urn)}",
                partnershipId, academicYear, new Strings(), ct);

        // The whole year: the rowids it spans (from the index alone), then the table read in rowid order rather than
        // through the index, which would visit the rows in UPN order, one B-tree descent each.
        long first = 0, last = -1, count = 0;
        using (var statement = Prepare(connection, $"SELECT min(rowid), max(rowid), count(*) FROM {columns.Table} WHERE {columns.Where(partnershipId, academicYear, null)}"))
            if (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
                first = raw.sqlite3_column_int64(statement, 0);
                last = raw.sqlite3_column_int64(statement, 1);
                count = raw.sqlite3_column_int64(statement, 2);
            }
        if (count == 0) return [];
        var select = $"SELECT {columns.Selected} FROM {columns.Table} WHERE {columns.Where(partnershipId, academicYear, null, indexed: false)} AND rowid BETWEEN ";
        // A second connection needs the database in a file (an in-memory one is private to its connection).
        // One by default: measured on the 2-core machine, a second connection cost more CPU (its own mapping of the
        // file, its own page faults) than it saved (city-year read 385 ms on one, 563 ms on two; docs/benchmarks.md).
        var parts = string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:" ? 1 : connections ?? 1;
        parts = (int)Math.Clamp(parts, 1, Math.Max(1, last - first + 1));
        if (parts == 1) return ReadSqliteRows(connection, $"{select}{first} AND {last}", partnershipId, academicYear, new Strings(), ct);

        // Each part on its own connection to the same file: SQLite readers do not block each other.
        var results = new List<Enrolment>[parts];
        var step = (last - first + 1 + parts - 1) / parts;
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = ct }, p =>
        {
            var from = first + p * step;
            var to = Math.Min(last, from + step - 1);
            var sql = $"{select}{from} AND {to}";
            if (p == 0)
            {
                results[p] = ReadSqliteRows(connection, sql, partnershipId, academicYear, new Strings(), ct);
                return;
            }
            using var own = new SqliteConnection(connection.ConnectionString);
            own.Open();
            results[p] = ReadSqliteRows(own, sql, partnershipId, academicYear, new Strings(), ct);
        });
        var all = new List<Enrolment>((int)count);
        foreach (var part in results) all.AddRange(part);
        return all;
    }

    private static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        // Statements prepared here bypass Microsoft.Data.Sqlite's own retry on a locked database, so SQLite's busy
        // handler waits instead (for as long as a command would): a save committing on another connection while the
        // page reads made the read fail with "database is locked".
        raw.sqlite3_busy_timeout(connection.Handle, connection.DefaultTimeout * 1000);
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
        return statement;
    }

    private static List<Enrolment> ReadSqliteRows(SqliteConnection connection, string sql, Guid partnershipId, int academicYear, Strings strings,
        CancellationToken ct)
    {
        // The file mapped into memory for the read: pages come straight from the OS cache instead of being copied
        // into SQLite's own (the setting lasts for this connection only).
        using (var pragma = Prepare(connection, "PRAGMA mmap_size = 1073741824")) raw.sqlite3_step(pragma);
        using var statement = Prepare(connection, sql);
        var result = new List<Enrolment>();
        int rc;
        while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
        {
            if ((result.Count & 0xfff) == 0) ct.ThrowIfCancellationRequested();
            var e = Stored();
            e.Id = SqliteGuid(statement, 0) ?? throw new InvalidDataException("An enrolment without an id.");
            e.PartnershipId = partnershipId;
            e.AcademicYear = academicYear;
            e.Upn = Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 1));
            e.Urn = strings.Get(raw.sqlite3_column_blob(statement, 2));
            e.PersonId = SqliteGuid(statement, 3);
            e.DateOfBirth = IsoDate(raw.sqlite3_column_blob(statement, 4));
            e.Sex = strings.Get(raw.sqlite3_column_blob(statement, 5));
            e.YearGroup = strings.Get(raw.sqlite3_column_blob(statement, 6));
            e.SenProvision = strings.Get(raw.sqlite3_column_blob(statement, 7));
            e.SenPrimaryNeed = raw.sqlite3_column_type(statement, 8) == raw.SQLITE_NULL ? null : strings.Get(raw.sqlite3_column_blob(statement, 8));
            e.Fsm = raw.sqlite3_column_int64(statement, 9) != 0;
            var sessions = raw.sqlite3_column_blob(statement, 10);
            e.Sessions = GC.AllocateUninitializedArray<byte>(sessions.Length);
            sessions.CopyTo(e.Sessions);
            result.Add(e);
        }
        if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
        return result;
    }

    /// <summary>
    /// An enrolment to fill from a stored row. Not <c>new Enrolment()</c>: that draws a fresh random id for each row
    /// (cryptographic randomness, about half a microsecond), only for the stored id to replace it.
    /// </summary>
    private static Enrolment Stored() => (Enrolment)RuntimeHelpers.GetUninitializedObject(typeof(Enrolment));

    /// <summary>A GUID as SQLite holds it: text as EF Core writes it, or 16 bytes as a BLOB.</summary>
    private static Guid? SqliteGuid(sqlite3_stmt statement, int column)
    {
        var type = raw.sqlite3_column_type(statement, column);
        if (type == raw.SQLITE_NULL) return null;
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (type == raw.SQLITE_BLOB && bytes.Length == 16) return new Guid(bytes);
        return Utf8Parser.TryParse(bytes, out Guid id, out var used) && used == bytes.Length
            ? id
            : throw new InvalidDataException($"A stored id '{Encoding.UTF8.GetString(bytes)}' is not a GUID.");
    }

    /// <summary>A date as SQLite holds it (YYYY-MM-DD text, <see cref="LocalDateIsoConverter"/>).</summary>
    private static LocalDate IsoDate(ReadOnlySpan<byte> text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && Digits(text[..4], out var year) && Digits(text[5..7], out var month) &&
            Digits(text[8..], out var day) && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            return new LocalDate(year, month, day);
        throw new FormatException($"Stored date '{Encoding.UTF8.GetString(text)}' is not YYYY-MM-DD.");

        static bool Digits(ReadOnlySpan<byte> s, out int value)
        {
            value = 0;
            foreach (var c in s)
            {
                if ((uint)(c - '0') > 9) return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }
    }

    /// <summary>One string per distinct short value (a school's URN, a year group, a code), looked up by its UTF-8 bytes.</summary>
    private sealed class Strings
    {
        private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Strings() => _lookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > 64) return Encoding.UTF8.GetString(utf8);
            Span<char> chars = stackalloc char[64];
            var length = Encoding.UTF8.GetChars(utf8, chars);
            if (_lookup.TryGetValue(chars[..length], out var shared)) return shared;
            var value = new string(chars[..length]);
            _shared[value] = value;
            return value;
        }

        public string Get(string value) => _shared.TryGetValue(value, out var shared) ? shared : _shared[value] = value;
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------------------------

    private static async Task<List<Enrolment>> ReadPostgresAsync(NpgsqlConnection connection, Columns columns, Guid partnershipId, int academicYear,
        string? urn, CancellationToken ct)
    {
        // Binary COPY streams the rows in the wire format with no per-row protocol messages. COPY takes no
        // parameters: the values are literals made by the columns' own type mappings.
        var strings = new Strings();
        var result = new List<Enrolment>();
        await using var export = await connection.BeginBinaryExportAsync(
            $"COPY (SELECT {columns.Selected} FROM {columns.Table} WHERE {columns.Where(partnershipId, academicYear, urn)}) TO STDOUT (FORMAT BINARY)", ct);
        while (await export.StartRowAsync(ct) != -1)
        {
            var e = Stored();
            e.Id = export.Read<Guid>();
            e.PartnershipId = partnershipId;
            e.AcademicYear = academicYear;
            e.Upn = export.Read<string>();
            e.Urn = strings.Get(export.Read<string>());
            e.PersonId = NullableGuid(export);
            e.DateOfBirth = export.Read<LocalDate>();
            e.Sex = strings.Get(export.Read<string>());
            e.YearGroup = strings.Get(export.Read<string>());
            e.SenProvision = strings.Get(export.Read<string>());
            e.SenPrimaryNeed = NullableString(export) is { } need ? strings.Get(need) : null;
            e.Fsm = export.Read<bool>();
            e.Sessions = export.Read<byte[]>();
            result.Add(e);
        }
        return result;

        static Guid? NullableGuid(NpgsqlBinaryExporter export)
        {
            if (!export.IsNull) return export.Read<Guid>();
            export.Skip();
            return null;
        }

        static string? NullableString(NpgsqlBinaryExporter export)
        {
            if (!export.IsNull) return export.Read<string>();
            export.Skip();
            return null;
        }
    }
}
