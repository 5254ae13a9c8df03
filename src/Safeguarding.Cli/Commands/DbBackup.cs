using System.CommandLine;
using Microsoft.Data.Sqlite;
using Safeguarding.Core.Data;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard db backup --to FILE</c>: a consistent copy of the SQLite database taken with SQLite's online backup
/// API while the hub keeps running and writing, checked (integrity check) before it is reported. PostgreSQL is backed
/// up with its own tools (base backup and archived WAL, see docs/operations.md).
/// </summary>
public static class DbBackup
{
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to") { Description = "The file to write the copy to (must not exist yet).", Required = true };
        var command = new Command("backup", "Copy the SQLite database to a file while the hub runs (online backup), and check the copy.");
        command.Options.Add(to);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var settings = context.Settings(parseResult);
            if (settings.Provider != DatabaseProvider.Sqlite)
                throw new CliException("db backup is for SQLite. Back up PostgreSQL with pg_basebackup and WAL archiving (docs/operations.md, Backup and restore).");
            var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!File.Exists(source)) throw new CliException($"There is no database at {source}.");
            var target = Path.GetFullPath(parseResult.GetRequiredValue(to));
            // Never over an earlier backup: a copy that failed half-way must not leave the last good one broken.
            if (File.Exists(target)) throw new CliException($"{target} already exists; give a new file name.");

            var (pages, intact) = await Task.Run(() => Backup(settings.ConnectionString, target), ct);
            if (!intact)
            {
                File.Delete(target);
                throw new CliException("The copy failed its integrity check and was removed; the database itself is unchanged.");
            }
            context.Console.MarkupLine($"Backed up {pages} page(s) to {Markup.Escape(target)}; the copy passed its integrity check.");
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>
    /// One step of the backup API copies every page under one read transaction: the copy is the database as it was
    /// at one moment, writers carry on (WAL), and nothing half-written is copied.
    /// </summary>
    private static (long Pages, bool Intact) Backup(string connectionString, string target)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        source.Open();
        // The backup step gives up at once on a lock a writer holds; a read transaction opened first by a command,
        // which waits out a busy database, holds the read lock the step then copies under.
        using (var read = source.BeginTransaction(deferred: true))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            using (var touch = source.CreateCommand())
            {
                touch.Transaction = read;
                touch.CommandText = "SELECT count(*) FROM sqlite_master";
                touch.ExecuteScalar();
            }
            copy.Open();
            source.BackupDatabase(copy);
            read.Commit();
        }
        using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        var intact = integrity.ExecuteScalar() as string == "ok";
        using var count = check.CreateCommand();
        count.CommandText = "PRAGMA page_count";
        return (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), intact);
    }
}
