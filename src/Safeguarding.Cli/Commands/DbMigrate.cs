using System.CommandLine;
using Safeguarding.Core.Data;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary><c>safeguard db migrate</c>: brings the database schema up to date.</summary>
public static class DbMigrate
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Apply any pending migrations to the database (creating it if needed).");
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var settings = context.Settings(parseResult);
            var applied = await MigrateAsync(settings, ct);
            if (applied.Count == 0)
                context.Console.MarkupLine($"The database is up to date ({Markup.Escape(settings.Provider.ToString())}).");
            else
            {
                context.Console.MarkupLine($"Applied {applied.Count} migration(s) to the {Markup.Escape(settings.Provider.ToString())} database:");
                foreach (var name in applied) context.Console.MarkupLine($"  [green]{Markup.Escape(name)}[/]");
            }
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>Applies pending migrations and returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(settings.DataDirectory);
        await using var db = CliContext.NewContext(settings);
        return await DatabaseMigrations.MigrateAsync(db, recreateUnknown: false, ct);
    }
}
