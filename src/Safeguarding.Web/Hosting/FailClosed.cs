using MailKit.Security;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// A production host refuses to start on settings that are only safe on a developer's machine, naming each: a
/// missing or "*" AllowedHosts, an SMTP relay without TLS, and data-protection keys with nothing to encrypt them.
/// Development (what <c>dotnet run</c> uses) and the tests' own environments may relax them.
/// </summary>
public static class FailClosed
{
    public static void RefuseUnsafeProductionSettings(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction()) return;
        var config = builder.Configuration;
        var failures = new List<string>();

        var hosts = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
            failures.Add($"AllowedHosts must list the host names the hub is reached at, such as hub.example.org (it is '{config["AllowedHosts"]}'); \"*\" is for development only.");

        var smtp = OutboxServiceCollectionExtensions.SmtpFrom(config);
        if (smtp.Security is not (SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect))
            failures.Add($"Safeguarding:Smtp:Security must be StartTls or SslOnConnect, so that alerts travel encrypted (it is {smtp.Security}).");

        if (string.IsNullOrWhiteSpace(config[KeyProtection.CertificatePathSetting]))
            failures.Add($"{KeyProtection.CertificatePathSetting} must name the certificate (.pfx) that encrypts the data-protection keys at rest.");

        if (failures.Count > 0)
            throw new StartRefusedException("Safeguarding Hub refused to start in Production: " + string.Join(" ", failures));
    }
}

/// <summary>The host will not start on these settings; the message names each one to change.</summary>
public sealed class StartRefusedException(string message) : InvalidOperationException(message);
