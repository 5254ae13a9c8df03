using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Safeguarding.Core.Platform.Audit;

/// <summary>SHA-256 hash chain over audit entries: each hash covers the entry and the previous hash.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Both databases keep microseconds; truncating first makes the hash survive the round trip.</summary>
    public static Instant Normalise(Instant at) => Instant.FromUnixTimeTicks(at.ToUnixTimeTicks() / 10 * 10);

    public static string ComputeHash(AuditEntry e)
    {
        var sb = new StringBuilder(512);
        // Length-prefixed fields: no value can be crafted to look like two fields.
        void Add(string? value)
        {
            value ??= "\0";
            sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
        Add("v1");
        Add(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(Normalise(e.At).ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
        Add(e.PartnershipId?.ToString());
        Add(e.ActorUserId?.ToString());
        Add(e.ActorApiClientId?.ToString());
        Add(e.ActorName);
        Add(e.OrganisationId?.ToString());
        Add(e.Action);
        Add(e.ResourceType);
        Add(e.ResourceId);
        Add(e.Purpose);
        Add(e.Process);
        Add(e.Outcome.ToString());
        Add(e.FromAddress);
        Add(e.Details);
        Add(e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
