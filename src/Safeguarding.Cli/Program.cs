using Microsoft.Extensions.Configuration;
using Safeguarding.Cli;
using Spectre.Console;

// The same sources as the web host, read from the current folder, so both use the same database when run from one place.
var configuration = new ConfigurationBuilder()
    .SetBasePath(Directory.GetCurrentDirectory())
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await Cli.RunAsync(args, configuration, AnsiConsole.Console, Console.Error, cancel.Token);
