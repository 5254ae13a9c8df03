using System.CommandLine;
using Safeguarding.Core.Platform.Audit;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard audit checkpoint</c>: signs the chain's head now and appends it to the checkpoint file (the web host does
/// this every minute by itself); before a backup or an investigation, so that verify covers every entry.
/// </summary>
public static class AuditCheckpointCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("checkpoint", "Sign the audit chain's head now and append it to the checkpoint file (Safeguarding:Audit:CheckpointFile).");
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var options = AuditCheckpointOptions.FromConfiguration(context.Configuration, context.Settings(parseResult));
            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var written = await AuditCheckpoints.WriteAsync(db, options, ct: ct);
            context.Console.MarkupLine(written is null
                ? "The audit trail is empty: there is nothing to sign yet."
                : $"Signed entry {written.Sequence} and appended it to {Markup.Escape(options.CheckpointFile)}.");
            return Cli.Ok;
        }));
        return command;
    }
}
