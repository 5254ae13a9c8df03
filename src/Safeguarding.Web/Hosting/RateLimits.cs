using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Rate limits ("Safeguarding:RateLimits"), each a number of requests per window:
/// signing in (the password, code and confirm-identity posts) per client address, against password guessing; the API
/// and FHIR per API client (per address for a caller without credentials), so one system cannot starve the others.
/// A request over the limit is answered 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Safeguarding:RateLimits";
    public int SignInPerWindow { get; set; } = 20;
    public int ApiPerWindow { get; set; } = 600;
    public int WindowSeconds { get; set; } = 60;
}

public static class RateLimits
{
    /// <summary>Adds the limiter and, through a startup filter, its middleware at the front of the pipeline.</summary>
    public static IServiceCollection AddSafeguardingRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = options.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionOf(http.Request) switch
            {
                { } key when key.StartsWith("sign-in:", StringComparison.Ordinal) => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.SignInPerWindow, window)),
                { } key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.ApiPerWindow, window)),
                null => RateLimitPartition.GetNoLimiter(""),
            });
        });
        services.AddTransient<IStartupFilter, RateLimitStartup>();
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    private static readonly string[] SignInPaths = ["/account/sign-in", "/account/sign-in/code", "/account/confirm-identity", "/account/external-sign-in"];

    /// <summary>Which bucket a request counts against, or null for none (pages after sign-in, static files).</summary>
    public static string? PartitionOf(HttpRequest request)
    {
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return $"sign-in:{address}";
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/fhir"))
            return ClientIdOf(request) is { } clientId ? $"client:{clientId}@{address}" : $"address:{address}";
        return null;
    }

    // The id as claimed, before the secret is checked; with the address, so that a stranger sending a client's id with
    // wrong secrets spends only their own budget, not the real system's.
    private static string? ClientIdOf(HttpRequest request) =>
        ApiClientAuthenticationHandler.TryReadBasic(request, out var sent) && sent is not null ? sent.ClientId[..Math.Min(sent.ClientId.Length, 100)] : null;

    private sealed class RateLimitStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRateLimiter();
            next(app);
        };
    }
}
