using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguarding.Core.Data;

/// <summary>
/// Writes a save's new rows in bulk instead of EF's one statement a row, for the saves that add thousands of rows at
/// once (a police file's blocks): on SQLite one prepared statement run for every row, on PostgreSQL binary COPY. EF
/// prepares and the database parses each of its statements apart, which was most of such a save's time (ADR-017). Only plain tables
/// are written here: a type with a key or value the database makes, inheritance, JSON or split tables, or a foreign
/// key to its own table, is left to EF, and so is every type that depends on one left to EF. Values go through each
/// column's own type mapping, converters included, exactly as EF would send them. The rows written are marked
/// unchanged, so EF writes only the rest; <see cref="Undo"/> puts them back as added if the save fails.
/// </summary>
internal static class ManyRowInserts
{
    /// <summary>Below this many new rows of a type, EF's own statements are as quick.</summary>
    private const int Worthwhile = 20;

    public static async Task<List<EntityEntry>> WriteAsync(DbContext db, IReadOnlyList<EntityEntry> changes, CancellationToken ct)
    {
        var added = changes.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var connection = db.Database.GetDbConnection();
        // Any other database: EF's own statements.
        var types = connection is Npgsql.NpgsqlConnection || db.Database.IsSqlite() ? InOrder(added) : [];
        var written = new List<EntityEntry>();
        if (types.Count == 0) return written;

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written in bulk only inside the save's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in types)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
            var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
            try
            {
                if (connection is Npgsql.NpgsqlConnection npgsql) await CopyAsync(npgsql, sql.DelimitIdentifier(table.Name, table.Schema), sql, columns, added[type], ct);
                else await OneStatementAsync(connection, transaction, into, columns, added[type], ct);
            }
            catch (Exception e) when (e is DbException or InvalidCastException)
            {
                // As EF reports a refused save, so that callers handle both alike.
                throw new DbUpdateException($"The database refused new {type.ClrType.Name} rows written in bulk: {e.Message}", e);
            }
            foreach (var entry in added[type])
            {
                entry.State = EntityState.Unchanged;
                written.Add(entry);
            }
        }
        return written;
    }

    /// <summary>
    /// SQLite: one prepared statement run once a row. SQLite finds a named parameter by reading the statement's list of
    /// names, so a statement of thousands of parameters would cost the square of them; a prepared one-row statement
    /// costs nothing to parse again, which is what EF's statements pay.
    /// </summary>
    private static async Task OneStatementAsync(DbConnection connection, DbTransaction transaction, string into,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, List<EntityEntry> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = into + "(" + string.Join(", ", columns.Select((_, c) => $"@b{c}")) + ")";
        // The parameters are made once, by each column's mapping (its type and size), and given each row's value in turn.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@b{i}", null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
                parameters[c].Value = ToProvider(columns[c].Mapping, row.Property(columns[c].Property).CurrentValue);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A value as the column's mapping sends it: through its converter, if it has one, and null as DBNull.</summary>
    private static object ToProvider(RelationalTypeMapping mapping, object? value) =>
        (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    /// <summary>
    /// PostgreSQL: the rows streamed with binary <c>COPY</c>, each value written as its column's own type (by name), so
    /// the server neither parses nor plans a statement per row. It takes part in the save's transaction.
    /// </summary>
    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, string table, ISqlGenerationHelper sql,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, List<EntityEntry> rows, CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            foreach (var (property, _, mapping) in columns)
            {
                var value = ToProvider(mapping, row.Property(property).CurrentValue);
                if (value is DBNull) await import.WriteNullAsync(ct);
                else await import.WriteAsync(value, mapping.StoreTypeNameBase, ct);
            }
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>After a failed save: the rows written in bulk were rolled back with it, so they are new again.</summary>
    public static void Undo(IEnumerable<EntityEntry> written)
    {
        foreach (var entry in written) entry.State = EntityState.Added;
    }

    /// <summary>The types worth writing in bulk, each after the types its rows refer to.</summary>
    private static List<IEntityType> InOrder(Dictionary<IEntityType, List<EntityEntry>> added)
    {
        var bulk = added.Where(a => a.Value.Count >= Worthwhile && Plain(a.Key)).Select(a => a.Key).ToHashSet();
        // A row may only go first if every new row it refers to goes first too (or is already stored).
        bool changed;
        do
        {
            changed = false;
            foreach (var type in bulk.ToList())
                if (Principals(type).Any(p => added.ContainsKey(p) && !bulk.Contains(p)))
                    changed = bulk.Remove(type);
        } while (changed);

        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (placed.Count < bulk.Count)
        {
            var ready = bulk.Where(t => !placed.Contains(t) && Principals(t).All(p => !bulk.Contains(p) || placed.Contains(p))).ToList();
            if (ready.Count == 0) break; // a cycle: the rest go to EF, which orders rows one by one
            foreach (var t in ready.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                ordered.Add(t);
                placed.Add(t);
            }
        }
        return ordered;

        static IEnumerable<IEntityType> Principals(IEntityType type) => type.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p != type);
    }

    private static bool Plain(IEntityType type) =>
        type.GetTableName() is not null
        && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any()
        && !type.IsOwned() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && !type.GetComplexProperties().Any()
        && type.GetForeignKeys().All(f => f.PrincipalEntityType != type)
        && type.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never || (p.IsPrimaryKey() && p.ClrType == typeof(Guid)))
        && !type.GetProperties().Any(p => p.IsConcurrencyToken)
        && StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()) is var table
        && type.GetProperties().All(p => p.GetColumnName(table) is not null)
        && !type.GetMappingFragments().Any();
}
