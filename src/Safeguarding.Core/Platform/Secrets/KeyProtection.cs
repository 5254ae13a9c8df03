using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguarding.Core.Platform.Secrets;

/// <summary>
/// The one data-protection key ring of an installation, opened the same way by the web host and the CLI: the same
/// application name, the same folder (<see cref="DeploymentOptions.KeysDirectoryIn"/>) and the same certificate. It
/// protects cookies and antiforgery tokens, and the TOTP seeds and webhook secrets in the database
/// (<see cref="SecretsAtRest"/>), so a seed the CLI writes is one the web host can read.
/// The keys are encrypted at rest with a certificate the operator provides; the key folder alone then opens nothing.
/// Without one (Development and the tests only: the web host refuses to start in production, see FailClosed) they
/// are written in the clear, with a warning.
/// </summary>
public static class KeyProtection
{
    public const string ApplicationName = "safeguarding-hub";
    public const string CertificatePathSetting = "Safeguarding:DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "Safeguarding:DataProtection:CertificatePassword";

    /// <summary>Certificates of earlier rotations, ";"-separated .pfx files: keys they encrypted can still be read.</summary>
    public const string PreviousCertificatesSetting = "Safeguarding:DataProtection:PreviousCertificatePaths";

    /// <summary>The key ring in <paramref name="keysDirectory"/>, its keys encrypted with the configured certificate, and <see cref="SecretsAtRest"/>.</summary>
    public static IDataProtectionBuilder AddSafeguardingKeyRing(this IServiceCollection services, IConfiguration config, string keysDirectory)
    {
        services.AddSingleton<SecretsAtRest>();
        return services.AddDataProtection().SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory)).ProtectKeysAtRest(config);
    }

    /// <summary>The installation's <see cref="SecretsAtRest"/> for a process without a host (the CLI).</summary>
    public static SecretsAtRest OpenSecrets(IConfiguration config, string keysDirectory)
    {
        var services = new ServiceCollection();
        services.AddSafeguardingKeyRing(config, keysDirectory);
        return services.BuildServiceProvider().GetRequiredService<SecretsAtRest>();
    }

    private static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder dataProtection, IConfiguration config)
    {
        var path = config[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            Console.Error.WriteLine($"Warning: the data-protection keys are stored unencrypted; set {CertificatePathSetting} to encrypt them at rest.");
            return dataProtection;
        }
        var password = config[CertificatePasswordSetting];
        var certificate = Load(path, password);
        var previous = (config[PreviousCertificatesSetting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(p, password));
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new KeyRingException($"{path} holds no private key: the data-protection keys could be encrypted with it but never read back.");
        return certificate;
    }
}

/// <summary>The key ring cannot be opened with these settings; the message says which to change.</summary>
public sealed class KeyRingException(string message) : InvalidOperationException(message);
