using System.CommandLine;
using Microsoft.Extensions.Configuration;
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
            var applied = await MigrateAsync(settings, context.Configuration.GetConnectionString("Owner"), ct);
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
    public static Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, CancellationToken ct) => MigrateAsync(settings, null, ct);

    /// <summary>
    /// Applies pending migrations as the owner role when one is configured (PostgreSQL: ConnectionStrings:Owner), then
    /// grants the application's role (ConnectionStrings:Safeguarding) its rights: INSERT only on the audit table.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, string? ownerConnectionString, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(settings.DataDirectory);
        var asOwner = settings.Provider == DatabaseProvider.Postgres && !string.IsNullOrEmpty(ownerConnectionString);
        await using var db = CliContext.NewContext(asOwner ? settings with { ConnectionString = ownerConnectionString! } : settings);
        var applied = await DatabaseMigrations.MigrateAsync(db, recreateUnknown: false, ct);
        if (asOwner && ApplicationRole.RoleOf(settings.ConnectionString) is { Length: > 0 } role && role != ApplicationRole.RoleOf(ownerConnectionString!))
            await ApplicationRole.GrantAsync(db, role, ct);
        return applied;
    }
}
