using System.CommandLine;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Safeguarding.Cli.Commands;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Secrets;
using Spectre.Console;

namespace Safeguarding.Cli;

/// <summary>An expected failure: its message is shown as one line, with no stack trace.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>
/// The whole command line, runnable in-process: tests pass their own configuration and writers, Program passes
/// the real ones.
/// </summary>
public static class Cli
{
    /// <summary>
    /// The file system's "permission denied" on a file named on the command line (E_ACCESSDENIED): reported in one line
    /// like any other unreadable file. Matched by its result code, as refusals of our own are ForbiddenException.
    /// </summary>
    internal static bool IsFileNotOursToRead(Exception e) => e is SystemException && e.HResult == unchecked((int)0x80070005);

    public const int Ok = 0;
    public const int Failed = 1;
    public const int AuditBroken = 2;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, IAnsiConsole console, TextWriter error,
        CancellationToken ct = default)
    {
        var context = new CliContext(configuration, console, error);
        var root = new RootCommand("safeguard: looks after a Safeguarding Hub database (migrations, demo data, administrators, audit checks) and links person files.");
        root.Options.Add(CliContext.DataDirectoryOption);

        var db = new Command("db", "The database.");
        db.Subcommands.Add(DbMigrate.Create(context));
        db.Subcommands.Add(DbBackup.Create(context));
        var demo = new Command("demo", "The demonstration partnership.");
        demo.Subcommands.Add(DemoSeed.Create(context));
        var users = new Command("users", "People who sign in.");
        users.Subcommands.Add(UsersCreateAdmin.Create(context));
        var audit = new Command("audit", "The audit trail.");
        audit.Subcommands.Add(AuditVerify.Create(context));
        audit.Subcommands.Add(AuditCheckpointCommand.Create(context));
        root.Subcommands.Add(db);
        root.Subcommands.Add(demo);
        root.Subcommands.Add(users);
        root.Subcommands.Add(audit);
        var encompass = new Command("encompass", "Operation Encompass: incidents in, deadlines.");
        encompass.Subcommands.Add(EncompassDeadline.Create(context));
        encompass.Subcommands.Add(EncompassImport.Create(context));
        root.Subcommands.Add(encompass);
        var outbox = new Command("outbox", "Messages waiting to go out (email alerts, webhooks).");
        outbox.Subcommands.Add(OutboxDispatch.Create(context));
        root.Subcommands.Add(outbox);
        var dash = new Command("dash", "Domestic abuse risk checklists (DASH).");
        dash.Subcommands.Add(DashScore.Create(context));
        root.Subcommands.Add(dash);
        var webhooks = new Command("webhooks", "Settings' own systems that receive Operation Encompass notifications.");
        webhooks.Subcommands.Add(WebhooksSet.Create(context));
        root.Subcommands.Add(webhooks);
        var people = new Command("people", "The person index.");
        people.Subcommands.Add(PeopleRecheckLinks.Create(context));
        root.Subcommands.Add(people);
        // Record linkage works on files alone: these two never open a database.
        root.Subcommands.Add(LinkPeople.Create(context));
        root.Subcommands.Add(DedupePeople.Create(context));
        var attendance = new Command("attendance", "School attendance: measures from files, imports into the database.");
        attendance.Subcommands.Add(AttendanceMeasuresCommand.Create(context));
        attendance.Subcommands.Add(AttendanceImportCommand.Create(context));
        root.Subcommands.Add(attendance);
        var exploitation = new Command("exploitation", "Child exploitation: police intelligence (PIM) in, and the link map from files.");
        exploitation.Subcommands.Add(ExploitationImport.Create(context));
        exploitation.Subcommands.Add(ExploitationNetworkCommand.Create(context));
        root.Subcommands.Add(exploitation);
        var report = new Command("report", "The partnership's yearly report.");
        report.Subcommands.Add(ReportFiguresCommand.Create(context));
        root.Subcommands.Add(report);

        var output = new StringWriter();
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await root.Parse(args).InvokeAsync(invocation, ct);
        // Help text is written through the console so that tests and the terminal see it in one place.
        if (output.GetStringBuilder().Length > 0) console.Write(new Text(output.ToString()));
        return exitCode;
    }
}

/// <summary>What every command shares: configuration like the web host's, the console, and the error stream.</summary>
public sealed class CliContext(IConfiguration configuration, IAnsiConsole console, TextWriter error)
{
    public static readonly Option<string?> DataDirectoryOption = new("--data-dir")
    {
        Description = "Folder for the SQLite database and demo-credentials.json (overrides Safeguarding:DataDirectory; default ./data).",
        Recursive = true,
    };

    public IAnsiConsole Console => console;

    public IConfiguration Configuration => configuration;

    public TextWriter Error => error;

    public DatabaseSettings Settings(ParseResult parseResult)
    {
        var dataDirectory = parseResult.GetValue(DataDirectoryOption);
        IConfiguration effective = string.IsNullOrEmpty(dataDirectory)
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([new("Safeguarding:DataDirectory", dataDirectory)]).Build();
        return DatabaseSettings.FromConfiguration(effective);
    }

    /// <summary>
    /// The installation's key ring, opened as the web host opens it (the same folder and certificate settings), for
    /// commands that write or read the secrets stored encrypted: TOTP seeds and webhook secrets.
    /// </summary>
    public SecretsAtRest Secrets(ParseResult parseResult) =>
        KeyProtection.OpenSecrets(configuration, DeploymentOptions.FromConfiguration(configuration).KeysDirectoryIn(Settings(parseResult).DataDirectory));

    public static SafeguardingDbContext NewContext(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        settings.Apply(options);
        return new SafeguardingDbContext(options.Options, SystemClock.Instance);
    }

    /// <summary>A context on a database that exists and is migrated; a command that only reads or adds a row must not create one.</summary>
    public async Task<SafeguardingDbContext> OpenExistingAsync(ParseResult parseResult, CancellationToken ct)
    {
        var settings = Settings(parseResult);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!File.Exists(file))
                throw new CliException($"There is no database at {file}. Run 'safeguard db migrate' (or 'safeguard demo seed') first.");
        }
        var db = NewContext(settings);
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            await db.DisposeAsync();
            throw new CliException("The database has no tables yet. Run 'safeguard db migrate' first.");
        }
        return db;
    }

    /// <summary>Runs a command's work, turning expected failures into one line on stderr and a non-zero exit code.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Guarded(Func<ParseResult, CancellationToken, Task<int>> action) =>
        async (parseResult, ct) =>
        {
            try
            {
                return await action(parseResult, ct);
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("Cancelled.");
                return 130;
            }
            catch (Exception e) when (e is CliException or DbException or InvalidOperationException or IOException or ForbiddenException or NotFoundException
                                          or TimeoutException || e.InnerException is DbException or TimeoutException || Cli.IsFileNotOursToRead(e))
            {
                var message = e is CliException ? e.Message : $"{e.Message}{(e.InnerException is { } inner ? " " + inner.Message : "")}";
                await error.WriteLineAsync($"Error: {message.ReplaceLineEndings(" ")}");
                return Cli.Failed;
            }
        };
}

/// <summary>Reports on the calling thread, in order: Progress&lt;T&gt; would post to the thread pool and shuffle updates.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
