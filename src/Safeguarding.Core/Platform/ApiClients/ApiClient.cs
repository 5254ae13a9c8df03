using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Safeguarding.Core.Platform.ApiClients;

/// <summary>A system of one organisation (a police feed, a GP system) that calls the API.</summary>
public sealed class ApiClient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>Public identifier sent with each call.</summary>
    public required string ClientId { get; set; }
    /// <summary>SHA-256 of the secret; the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }
    /// <summary>Space-separated scopes from <see cref="Access.ApiScopeCatalogue"/>.</summary>
    public required string Scopes { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? RevokedAt { get; set; }

    public IReadOnlySet<string> ScopeSet => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

public static class ApiClientSecrets
{
    /// <summary>A 256-bit random secret. High entropy makes a fast hash safe; no stretching needed.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewClientId(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
