using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard people recheck-links</c>: run once after upgrading. Links an incoming record made by matching, before
/// relationships were earned, are checked against today's rule; each the rule would hold is suspended for the council
/// (<see cref="PersonIndex.RecheckLinksAsync"/>). <c>--dry-run</c> counts them and changes nothing.
/// </summary>
public static class PeopleRecheckLinks
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count the links that would be held, and change nothing." };
        var command = new Command("recheck-links",
            "Hold for the council's review every link a matching record made that today's rule would hold (another setting's roll, sealed, MARAC, a child protection plan). Run once after upgrading.");
        command.Options.Add(dryRun);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            // Checks the database exists and is migrated before the services open it.
            await (await context.OpenExistingAsync(parseResult, ct)).DisposeAsync();
            var services = new ServiceCollection().AddSafeguardingData(context.Settings(parseResult)).BuildServiceProvider();
            await using var _ = services;
            await using var scope = services.CreateAsyncScope();
            var dry = parseResult.GetValue(dryRun);
            var process = new ProcessContext("cli:people recheck-links", null, PersonIndex.RecheckPurpose, "local");
            var result = await scope.ServiceProvider.GetRequiredService<PersonIndex>().RecheckLinksAsync(new RecheckLinksOptions(dry), process, ct);

            context.Console.MarkupLine($"{result.Checked:N0} links made by matching records checked; [bold]{result.Held:N0}[/] {(dry ? "would be" : "now")} held for the council's review at /held-links.");
            foreach (var (reason, count) in result.ByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
                context.Console.MarkupLine($"  {count:N0}: {Markup.Escape(reason)}");
            if (dry && result.Held > 0) context.Console.MarkupLine("Dry run: nothing changed. Run again without --dry-run to hold them.");
            return Cli.Ok;
        }));
        return command;
    }
}
