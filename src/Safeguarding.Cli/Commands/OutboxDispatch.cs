using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard outbox dispatch</c>: does what the web host's background work does, from the command line: delivers
/// Ready Encompass notifications and sends the outbox. Safe beside running hosts (claims, ADR-009).
/// </summary>
public static class OutboxDispatch
{
    public static Command Create(CliContext context)
    {
        var untilAllSent = new Option<bool>("--until-all-sent")
        {
            Description = "Keep going (waiting for retries and for claims left by a stopped dispatcher) until nothing is Ready or waiting.",
        };
        var watch = new Option<bool>("--watch") { Description = "Keep running, every second, until stopped (Ctrl+C)." };
        var command = new Command("dispatch", "Deliver Ready Operation Encompass notifications and send due emails and webhooks, then stop.");
        command.Options.Add(untilAllSent);
        command.Options.Add(watch);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var smtp = OutboxServiceCollectionExtensions.SmtpFrom(context.Configuration);
            var options = OutboxServiceCollectionExtensions.OptionsFrom(context.Configuration);
            var delivery = new EncompassDeliveryOptions(DeploymentOptions.FromConfiguration(context.Configuration).PublicBaseUrl);
            using var http = WebhookHttp.FromConfiguration(context.Configuration,
                context.Configuration["DOTNET_ENVIRONMENT"] ?? context.Configuration["ASPNETCORE_ENVIRONMENT"] ?? "Production");
            var secrets = context.Secrets(parseResult);
            int delivered = 0, sent = 0;
            while (true)
            {
                await using (var db = await context.OpenExistingAsync(parseResult, ct))
                {
                    delivered += await new EncompassDelivery(db, new Outbox(db), delivery).DeliverAllReadyAsync(ct: ct);
                    await using var email = new EmailChannel(smtp);
                    sent += await new OutboxDispatcher(db, [email, new WebhookChannel(db, http, secrets)], options).DispatchAllDueAsync(ct);
                    var waiting = await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending, ct)
                        || await db.EncompassNotifications.AnyAsync(n => n.Status == NotificationStatus.Ready, ct);
                    var keepGoing = parseResult.GetValue(watch) || (parseResult.GetValue(untilAllSent) && waiting);
                    if (!keepGoing) break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            context.Console.MarkupLine($"Delivered {delivered} notification(s); sent {sent} message(s).");
            return Cli.Ok;
        }));
        return command;
    }
}
