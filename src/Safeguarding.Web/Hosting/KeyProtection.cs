using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// The data-protection keys (cookies, antiforgery, and the TOTP seeds and webhook secrets in the database) are
/// encrypted at rest with a certificate the operator provides; the key folder alone then opens nothing. Without one
/// (Development and the tests only: production refuses to start, see <see cref="FailClosed"/>) they are written in the
/// clear, with a warning.
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathSetting = "Safeguarding:DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "Safeguarding:DataProtection:CertificatePassword";

    /// <summary>Certificates of earlier rotations, ";"-separated .pfx files: keys they encrypted can still be read.</summary>
    public const string PreviousCertificatesSetting = "Safeguarding:DataProtection:PreviousCertificatePaths";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder dataProtection, IConfiguration config)
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
            throw new StartRefusedException($"{path} holds no private key: the data-protection keys could be encrypted with it but never read back.");
        return certificate;
    }
}
