using System.Globalization;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Safeguarding.Core.Platform.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher and channels, from "Safeguarding:Smtp" and "Safeguarding:Outbox".</summary>
    /// <param name="environmentName">The host's environment: Production (the default) refuses the webhooks' test allowance.</param>
    public static IServiceCollection AddSafeguardingOutbox(this IServiceCollection services, IConfiguration configuration, string environmentName = "Production")
    {
        services.AddSingleton(SmtpFrom(configuration));
        services.AddSingleton(OptionsFrom(configuration));
        services.AddSingleton(WebhookHttp.FromConfiguration(configuration, environmentName));
        services.AddScoped<Outbox>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<IOutboxChannel, EmailChannel>();
        services.AddScoped<IOutboxChannel, WebhookChannel>();
        services.AddScoped<OutboxDispatcher>();
        return services;
    }

    public static SmtpSettings SmtpFrom(IConfiguration configuration)
    {
        var s = configuration.GetSection("Safeguarding:Smtp");
        var defaults = new SmtpSettings();
        return new SmtpSettings
        {
            Host = s["Host"] is { Length: > 0 } host ? host : defaults.Host,
            Port = int.TryParse(s["Port"], CultureInfo.InvariantCulture, out var port) ? port : defaults.Port,
            Security = Enum.TryParse<SecureSocketOptions>(s["Security"], ignoreCase: true, out var security) ? security : defaults.Security,
            Username = s["Username"],
            Password = s["Password"],
            FromAddress = s["FromAddress"] is { Length: > 0 } from ? from : defaults.FromAddress,
            FromName = s["FromName"] is { Length: > 0 } name ? name : defaults.FromName,
            MessageIdDomain = s["MessageIdDomain"] is { Length: > 0 } domain ? domain : defaults.MessageIdDomain,
        };
    }

    public static OutboxOptions OptionsFrom(IConfiguration configuration)
    {
        var s = configuration.GetSection("Safeguarding:Outbox");
        int Int(string key, int fallback) => int.TryParse(s[key], CultureInfo.InvariantCulture, out var v) ? v : fallback;
        return new OutboxOptions
        {
            BatchSize = Int("BatchSize", 50),
            Lease = Duration.FromSeconds(Int("LeaseSeconds", 120)),
            FirstRetryAfter = Duration.FromSeconds(Int("FirstRetrySeconds", 30)),
            LongestRetryAfter = Duration.FromSeconds(Int("LongestRetrySeconds", 3600)),
        };
    }
}
