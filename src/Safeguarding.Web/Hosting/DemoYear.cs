using System.Diagnostics;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Demo;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// The demo's year of Operation Encompass history, written once the host is ready, so that first start stays quick:
/// first start seeds the recent days; this adds the rest of the year through the batch intake and writes the
/// notifications' history (delivered, most acknowledged, a few breaches). The background work waits until it is
/// done, so that it never delivers or escalates the year's notifications before their history is written.
/// Off with Safeguarding:DemoYearInBackground=false (the browser and page tests use the recent days only).
/// </summary>
public sealed class DemoYear(IServiceScopeFactory scopes, IOptions<SafeguardingOptions> options, IHostApplicationLifetime lifetime, ILogger<DemoYear> log)
    : BackgroundService
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done when the year is written, or when there is nothing to write.</summary>
    public Task Written => _written.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var o = options.Value;
            if (!(o.DemoMode && o.SeedDemoOnStart && o.DemoYearInBackground)) return;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);

            await using var scope = scopes.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            if (await scope.ServiceProvider.GetRequiredService<DemoSeeding>().WriteYearAsync(stoppingToken) is not ({ } year, { } history)) return;
            log.LogInformation("Demo: a year of Operation Encompass written in the background: {Incidents} incidents, {Notifications} notifications, {Breached} missed deadlines, in {Seconds:F0} s",
                year.Incidents, history.Delivered, history.Breached, watch.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The error's type only: a database error can quote a row. The next start tries again (what is held is Unchanged).
            log.LogError("Demo: the year of Operation Encompass history could not be written ({Error})", e.GetType().Name);
        }
        finally
        {
            _written.TrySetResult();
        }
    }
}
