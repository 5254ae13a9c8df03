using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform.Audit;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard audit verify</c>: walks the hash chain, checks it against the signed checkpoints (Safeguarding:Audit), and
/// names the first entry that was tampered with or the checkpoint the chain no longer matches.
/// </summary>
public static class AuditVerify
{
    public static Command Create(CliContext context)
    {
        var command = new Command("verify", "Check that no audit entry was edited, deleted or reordered, against the signed checkpoints too. Exit code 2 when one was.");
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var checkpoints = AuditCheckpoints.Read(AuditCheckpointOptions.FromConfiguration(context.Configuration, context.Settings(parseResult)));
            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var total = await db.AuditEntries.LongCountAsync(ct);
            AuditVerification result = null!;
            await context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Checking the audit trail", maxValue: Math.Max(1, total));
                    result = await new AuditTrail(db).VerifyAsync(checkpoints, new InlineProgress<long>(done => task.Value = done), ct);
                    task.Value = task.MaxValue;
                });

            if (result.Intact)
            {
                context.Console.MarkupLine($"[green]{Markup.Escape(result.Message)}[/]");
                return Cli.Ok;
            }
            await context.Error.WriteLineAsync(result.Message);
            return Cli.AuditBroken;
        }));
        return command;
    }
}
