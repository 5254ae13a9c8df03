using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Signs the audit chain's head every minute or so (Safeguarding:Audit:CheckpointIntervalSeconds) when it has grown, and
/// appends it to the checkpoint file: what `safeguard audit verify` checks the chain against (see docs/security.md).
/// </summary>
public sealed class AuditCheckpointWork(IServiceScopeFactory scopes, AuditCheckpointOptions options, ILogger<AuditCheckpointWork> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each host remembers what it signed; after a restart it signs the head once more, which is harmless.
        var signed = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
                if (await AuditCheckpoints.WriteAsync(db, options, signed, stoppingToken) is { } written) signed = written.Sequence;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The type only: the message can name a path. A missed checkpoint widens the window verify cannot see into.
                log.LogError("Could not sign an audit checkpoint ({Error}); it tries again shortly", e.GetType().Name);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Adds the options, and the job when the host does background work.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration, DatabaseSettings database, bool backgroundWork)
    {
        services.AddSingleton(AuditCheckpointOptions.FromConfiguration(configuration, database));
        if (backgroundWork) services.AddHostedService<AuditCheckpointWork>();
    }
}
