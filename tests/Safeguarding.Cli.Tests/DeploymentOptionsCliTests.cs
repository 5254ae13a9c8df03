using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Safeguarding.Cli.Tests;

/// <summary>The CLI reads the web host's settings type, and stops on a bad value with one line that names it.</summary>
public sealed class DeploymentOptionsCliTests
{
    [Theory]
    [InlineData("outbox", "dispatch")]
    [InlineData("demo", "seed")]
    public async Task A_bad_public_address_stops_the_command_before_it_touches_the_database(string group, string command)
    {
        var folder = Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Safeguarding:DataDirectory"] = folder,
            ["Safeguarding:PublicBaseUrl"] = "hub.example.org",
        }).Build();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(new StringWriter()) });

        var exitCode = await Cli.RunAsync([group, command], configuration, console, error, TestContext.Current.CancellationToken);

        Assert.Equal(Cli.Failed, exitCode);
        Assert.Contains("Error: Safeguarding:PublicBaseUrl must be an absolute http or https URL", error.ToString());
        Assert.False(Directory.Exists(folder));
    }
}
