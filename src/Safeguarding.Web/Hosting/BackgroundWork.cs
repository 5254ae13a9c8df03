using Microsoft.Extensions.Options;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// The embedded default's background work, every few seconds: deliver Ready Encompass notifications, watch their
/// deadlines, and dispatch the outbox. Every step is safe on several hosts at once (claims and unique keys, ADR-009).
/// Turned off with Safeguarding:BackgroundWork:Enabled=false (the page tests drive each step themselves).
/// </summary>
public sealed class BackgroundWork(IServiceScopeFactory scopes, IOptions<DeploymentOptions> options, DemoYear demoYear, ILogger<BackgroundWork> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.BackgroundWork.IntervalSeconds);
        try
        {
            // The demo's year of notifications gets its history first; delivering or escalating them now would rewrite it.
            await demoYear.Written.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await StepAsync("deliver notifications", sp => sp.GetRequiredService<EncompassDelivery>().DeliverAllReadyAsync(ct: stoppingToken), stoppingToken);
            await StepAsync("watch deadlines", sp => sp.GetRequiredService<EncompassEscalation>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("watch PIM deadlines", sp => sp.GetRequiredService<Core.Exploitation.Intelligence.IntelligenceEscalation>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("watch ROTH clocks", sp => sp.GetRequiredService<Core.Exploitation.Roth.RothEscalation>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("watch C(E)TR clocks", sp => sp.GetRequiredService<Core.SupportRegister.CetrEscalation>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("remind assurance returns", sp => sp.GetRequiredService<Core.Assurance.Returns.ReturnReminders>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("watch Front Door clocks", sp => sp.GetRequiredService<Core.FrontDoor.FrontDoorEscalation>().RunAsync(stoppingToken), stoppingToken);
            await StepAsync("dispatch the outbox", sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAllDueAsync(stoppingToken), stoppingToken);
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task StepAsync(string name, Func<IServiceProvider, Task> step, CancellationToken stoppingToken)
    {
        try
        {
            // A scope per step: each has its own DbContext and, for the outbox, its own SMTP connection.
            await using var scope = scopes.CreateAsyncScope();
            await step(scope.ServiceProvider);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The error's type only: a database error can quote a row.
            log.LogError("Background work could not {Step} ({Error}); it tries again shortly", name, e.GetType().Name);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
