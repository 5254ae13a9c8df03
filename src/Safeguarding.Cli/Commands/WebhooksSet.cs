using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Secrets;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard webhooks set</c>: points a setting's Operation Encompass notifications at its own safeguarding system
/// as signed JSON. A new secret is made and shown once, for the setting's system to check signatures with, and stored
/// encrypted with the installation's keys.
/// </summary>
public static class WebhooksSet
{
    public static Command Create(CliContext context)
    {
        var urn = new Option<string>("--urn") { Description = "The setting's URN (DfE unique reference number).", Required = true };
        var url = new Option<string?>("--url") { Description = "The https address of the setting's system that receives the posts." };
        var off = new Option<bool>("--off") { Description = "Stop posting to the setting's system (the secret is kept)." };
        var command = new Command("set", "Send a setting's Operation Encompass notifications to its own system as signed JSON (or stop, with --off).");
        command.Options.Add(urn);
        command.Options.Add(url);
        command.Options.Add(off);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var urnValue = parseResult.GetRequiredValue(urn).Trim();
            var turnOff = parseResult.GetValue(off);
            var address = parseResult.GetValue(url)?.Trim();
            if (!turnOff && address is null)
                throw new CliException("Give --url with the https address of the setting's system, or --off.");
            // The same rule as the administrators' page: https only, since each post carries a child's details.
            if (!turnOff && WebhookSubscriptions.ProblemWith(address) is { } problem)
                throw new CliException($"{problem}.");

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var settings = await db.Organisations.Where(o => o.Urn == urnValue).ToListAsync(ct);
            if (settings.Count != 1)
                throw new CliException(settings.Count == 0 ? $"No setting has URN {urnValue}." : $"{settings.Count} settings have URN {urnValue}; there should be one.");
            var setting = settings[0];
            var hook = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.OrganisationId == setting.Id, ct);
            db.Process = ProcessContext.System("cli:webhooks set", turnOff ? "stop webhook" : "set webhook");
            string? secret = null;
            var secrets = context.Secrets(parseResult);
            if (turnOff)
            {
                if (hook is null) throw new CliException($"{setting.Name} has no webhook.");
                hook.Enabled = false;
            }
            else if (hook is null)
            {
                secret = WebhookChannel.NewSecret();
                db.WebhookSubscriptions.Add(new WebhookSubscription
                {
                    PartnershipId = setting.PartnershipId, OrganisationId = setting.Id, Url = address!, Secret = secrets.Protect(StoredSecret.WebhookSecret, secret),
                    CreatedAt = db.Clock.GetCurrentInstant(),
                });
            }
            else
            {
                secret = WebhookChannel.NewSecret();
                await WebhookChannel.CancelForChangedAddressAsync(db, hook, address!, ct);
                (hook.Url, hook.Secret, hook.Enabled) = (address!, secrets.Protect(StoredSecret.WebhookSecret, secret), true);
            }
            await db.SaveChangesAsync(ct);
            if (secret is null)
            {
                context.Console.MarkupLine($"{Markup.Escape(setting.Name)}: webhook turned off.");
                return Cli.Ok;
            }
            context.Console.MarkupLine($"{Markup.Escape(setting.Name)}: notifications go to {Markup.Escape(address!)} as signed JSON.");
            context.Console.MarkupLine($"Secret (shown once; give it to the setting's system): [bold]{Markup.Escape(secret)}[/]");
            return Cli.Ok;
        }));
        return command;
    }
}
