using Microsoft.AspNetCore.DataProtection;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Testing;

/// <summary>Secrets encrypted with keys held in memory for one test: for services used without a host.</summary>
public static class TestSecrets
{
    public static SecretsAtRest Ephemeral() => new(new EphemeralDataProtectionProvider());
}
