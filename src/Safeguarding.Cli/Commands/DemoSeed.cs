using Microsoft.EntityFrameworkCore;
using System.CommandLine;
using Safeguarding.Core.Demo;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary><c>safeguard demo seed</c>: the fictional Aire Valley partnership, with sign-ins written to a file.</summary>
public static class DemoSeed
{
    public const string CredentialsFileName = "demo-credentials.json";

    public static Command Create(CliContext context)
    {
        var scale = new Option<string>("--scale")
        {
            Description = "small (20 schools, 600 children; seconds) or city (280 schools, 136,799 pupils; minutes).",
            DefaultValueFactory = _ => "small",
        };
        scale.AcceptOnlyFromAmong("small", "city");

        var command = new Command("seed", "Create the demonstration partnership (migrating first) and write demo-credentials.json.");
        command.Options.Add(scale);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var settings = context.Settings(parseResult);
            var demoScale = parseResult.GetValue(scale) == "city" ? DemoScale.City : DemoScale.Small;
            await DbMigrate.MigrateAsync(settings, ct);

            await using var db = CliContext.NewContext(settings);
            DemoCredentials credentials = null!;
            await context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var report = new InlineProgress<DemoProgress>(p =>
                    {
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = progress.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                            task.Value = p.Done;
                        }
                    });
                    credentials = await new DemoPartnership(db).SeedAsync(demoScale, report, ct);
                });
            var partnershipId = await db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => p.Id).SingleAsync(ct);
            var arrivals = await new DemoArrivals(db, new Safeguarding.Core.People.PersonIndex(db))
                .SendAsync(partnershipId, demoScale == DemoScale.City ? 300 : 30, ct);
            if (arrivals.Sent > 0)
                context.Console.MarkupLine($"Police feed: {arrivals.Sent} records matched: {arrivals.LinkedAutomatically} linked automatically, " +
                    $"{arrivals.WaitingForReview} waiting for review, {arrivals.NewPeople} new people.");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var encompass = await new DemoEncompass(db, new Safeguarding.Core.People.PersonIndex(db)).SeedAsync(partnershipId, demoScale, ct: ct);
            if (encompass.Incidents > 0)
                context.Console.MarkupLine($"Operation Encompass: {encompass.Incidents} police incidents ({encompass.WithChildren} with children), " +
                    $"{encompass.Notifications} notifications, {encompass.ChildrenToPlace} children for the Front Door to place " +
                    $"({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s).");

            var delivery = await new Safeguarding.Core.Demo.DemoEncompassDelivery(db, new Safeguarding.Core.DomesticAbuse.Encompass.EncompassDeliveryOptions(
                context.Configuration["Safeguarding:PublicBaseUrl"] is { Length: > 0 } baseUrl ? baseUrl : "http://localhost:5080")).RunAsync(partnershipId, ct);
            if (delivery.Delivered > 0)
                context.Console.MarkupLine($"Operation Encompass history: {delivery.Delivered} notifications delivered, {delivery.Acknowledged} acknowledged, {delivery.Breached} missed deadlines.");

            var path = Path.Combine(settings.DataDirectory, CredentialsFileName);
            await credentials.WriteJsonAsync(path, ct);
            context.Console.MarkupLine(credentials.WasAlreadySeeded
                ? $"The demo partnership was already there; nothing was added."
                : $"Seeded {Markup.Escape(DemoPartnership.PartnershipName)} ({demoScale.ToString().ToLowerInvariant()} scale).");
            context.Console.MarkupLine($"Sign-ins for {credentials.Users.Count} users and {credentials.ApiClients.Count} API clients: [bold]{Markup.Escape(path)}[/]");
            context.Console.MarkupLine("Every user has a password and an authenticator (TOTP) secret; the file says how to sign in.");
            return Cli.Ok;
        }));
        return command;
    }
}
