using System.CommandLine;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary><c>safeguard demo seed</c>: the fictional Aire Valley partnership, with sign-ins written to a file.</summary>
public static class DemoSeed
{
    public const string CredentialsFileName = DemoSeeding.CredentialsFileName;

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
            var deployment = DeploymentOptions.FromConfiguration(context.Configuration);
            var demoScale = parseResult.GetValue(scale) == "city" ? DemoScale.City : DemoScale.Small;
            RefuseOutsideDemo(context.Configuration);
            await using (var existing = CliContext.NewContext(settings)) await DemoSeeding.RefuseNonDemoDataAsync(existing, ct);
            await DbMigrate.MigrateAsync(settings, ct);

            await using var db = CliContext.NewContext(settings);
            var path = Path.Combine(settings.DataDirectory, CredentialsFileName);
            DemoSeeded seeded = null!;
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
                    seeded = await new DemoSeeding(db, new PersonIndex(db), new EncompassDeliveryOptions(deployment.PublicBaseUrl), context.Secrets(parseResult))
                        .SeedAsync(new DemoSeedingOptions(demoScale, path, report), ct);
                });
            var (arrivals, encompass, delivery, credentials) = (seeded.Arrivals, seeded.Encompass, seeded.Delivery, seeded.Credentials);
            if (arrivals.Sent > 0)
                context.Console.MarkupLine($"Police feed: {arrivals.Sent} records matched: {arrivals.LinkedAutomatically} linked automatically, " +
                    $"{arrivals.WaitingForReview} waiting for review, {arrivals.NewPeople} new people.");
            if (encompass.Incidents > 0)
                context.Console.MarkupLine($"Operation Encompass: {encompass.Incidents} police incidents ({encompass.WithChildren} with children), " +
                    $"{encompass.Notifications} notifications, {encompass.ChildrenToPlace} children for the Front Door to place " +
                    $"({seeded.EncompassTook.TotalSeconds:F0} s).");
            if (delivery.Delivered > 0)
                context.Console.MarkupLine($"Operation Encompass history: {delivery.Delivered} notifications delivered, {delivery.Acknowledged} acknowledged, {delivery.Breached} missed deadlines.");

            context.Console.MarkupLine(credentials.WasAlreadySeeded
                ? $"The demo partnership was already there; nothing was added."
                : $"Seeded {Markup.Escape(DemoPartnership.PartnershipName)} ({demoScale.ToString().ToLowerInvariant()} scale).");
            context.Console.MarkupLine($"Sign-ins for {credentials.Users.Count} users and {credentials.ApiClients.Count} API clients: [bold]{Markup.Escape(path)}[/]");
            context.Console.MarkupLine("Every user has a password and an authenticator (TOTP) secret; the file says how to sign in.");
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Settings that say "production" rule out demo data: Safeguarding:DemoMode set to false, or a Production
    /// environment (ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT) without Safeguarding:DemoMode set to true.
    /// </summary>
    internal static void RefuseOutsideDemo(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        bool? demoMode = bool.TryParse(configuration["Safeguarding:DemoMode"], out var on) ? on : null;
        var environment = configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"];
        if (demoMode == false || (demoMode is null && string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase)))
            throw new CliException("Demo seeding refused: these settings are for production (Safeguarding:DemoMode is off or the environment is Production). " +
                "Seed the demo into a database of its own, with Safeguarding__DemoMode=true.");
    }
}
