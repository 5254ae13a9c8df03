using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Xunit;

namespace Safeguarding.Testing;

/// <summary>The command line's entry point as tests call it: <c>Cli.RunAsync</c>, with their own configuration and writers.</summary>
public delegate Task<int> CliMain(string[] args, IConfiguration configuration, IAnsiConsole console, TextWriter error, CancellationToken ct);

/// <summary>What one run of the command line left: its exit code, what it printed, and what it wrote to standard error.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs <c>safeguard</c> in-process with the settings a test gives it (as if appsettings.json held them), printing
/// plain text at a fixed width; or starts it as a process with the same settings as environment variables.
/// </summary>
public sealed class CliRunner(CliMain main, IReadOnlyDictionary<string, string?> settings, int width = 200)
{
    private string? _noDatabaseFolder;

    /// <summary>Pointed at the test's database.</summary>
    public static CliRunner Against(CliMain main, TestDatabase database, int width = 200) => new(main, Settings(database), width);

    /// <summary>
    /// Configured with a SQLite data folder that does not exist: a command that opened the database would create it,
    /// and every run checks it did not.
    /// </summary>
    public static CliRunner WithoutDatabase(CliMain main, string folder, int width = 200)
    {
        var noDatabase = Path.Combine(folder, "no-database-here");
        return new CliRunner(main, new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Safeguarding:DataDirectory"] = noDatabase }, width)
        {
            _noDatabaseFolder = noDatabase,
        };
    }

    /// <summary>Nothing configured at all, as on a machine with no appsettings.json.</summary>
    public static CliRunner Unconfigured(CliMain main, int width = 200) => new(main, new Dictionary<string, string?>(), width);

    public static IReadOnlyDictionary<string, string?> Settings(TestDatabase database) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:Safeguarding"] = database.Settings.ConnectionString,
        ["Safeguarding:DataDirectory"] = database.Settings.DataDirectory,
    };

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        var exitCode = await main(args, configuration, console, error, TestContext.Current.CancellationToken);
        if (_noDatabaseFolder is not null && Directory.Exists(_noDatabaseFolder)) throw new InvalidOperationException("the command touched the database");
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Starts <c>dotnet exec safeguard.dll</c> from the test's output folder with the database's settings (and any
    /// more) as environment variables, its output and error redirected.
    /// </summary>
    public static Process Start(TestDatabase database, IReadOnlyDictionary<string, string> more, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "safeguard.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.Settings.DataDirectory,
        };
        foreach (var (key, value) in Settings(database).Concat(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start safeguard.");
    }
}
