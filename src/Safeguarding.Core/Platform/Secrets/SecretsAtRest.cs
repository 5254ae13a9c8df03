using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Platform.Secrets;

/// <summary>The secrets the database holds that must be read back (a hash would not do): each has its own purpose.</summary>
public enum StoredSecret
{
    /// <summary>A user's authenticator (TOTP) seed, in Identity's token row.</summary>
    TotpSeed,

    /// <summary>The key a webhook's posts are signed with (HMAC-SHA256), which the setting's system holds too.</summary>
    WebhookSecret,
}

/// <summary>
/// TOTP seeds and webhook secrets are encrypted with the installation's data-protection keys before they reach the
/// database (<see cref="KeyProtection"/>), by every writer (the web app, the CLI, the demo seeding): a copy of the
/// database alone yields no second factor and no way to forge a signed post. Stored as <see cref="Prefix"/> + the
/// protected payload. A value without the prefix was written in the clear before this; it is still read as it is, and
/// <see cref="ProtectStoredInTheClearAsync"/> (run by the web host at every start) encrypts it.
/// </summary>
public sealed class SecretsAtRest(IDataProtectionProvider keys)
{
    public const string Prefix = "dp1:";

    // The TOTP seed's purpose is the one the web app's user store has always used: seeds it encrypted stay readable.
    private readonly IDataProtector _totpSeeds = keys.CreateProtector("Safeguarding.TotpSeed.v1");
    private readonly IDataProtector _webhookSecrets = keys.CreateProtector("Safeguarding.WebhookSecret.v1");

    public string Protect(StoredSecret kind, string value) => Prefix + For(kind).Protect(value);

    /// <summary>The secret itself, from what is stored: decrypted, or as it is when it was stored in the clear.</summary>
    public string Reveal(StoredSecret kind, string stored) => IsProtected(stored) ? For(kind).Unprotect(stored[Prefix.Length..]) : stored;

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Encrypts every TOTP seed and webhook secret still stored in the clear, in one save (audited as a system change
    /// naming the changed field, never its value). Returns how many of each; nothing to do is cheap.
    /// </summary>
    public async Task<(int TotpSeeds, int WebhookSecrets)> ProtectStoredInTheClearAsync(SafeguardingDbContext db, CancellationToken ct = default)
    {
        var seeds = await db.Set<IdentityUserToken<Guid>>()
            .Where(t => t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName
                && t.Value != null && !t.Value.StartsWith(Prefix))
            .ToListAsync(ct);
        foreach (var seed in seeds) seed.Value = Protect(StoredSecret.TotpSeed, seed.Value!);
        var hooks = await db.WebhookSubscriptions.Where(w => !w.Secret.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var hook in hooks) hook.Secret = Protect(StoredSecret.WebhookSecret, hook.Secret);
        if (seeds.Count + hooks.Count > 0)
        {
            db.Process = ProcessContext.System("protect secrets at rest", "encrypt secrets stored in the clear");
            await db.SaveChangesAsync(ct);
        }
        return (seeds.Count, hooks.Count);
    }

    private IDataProtector For(StoredSecret kind) => kind switch
    {
        StoredSecret.TotpSeed => _totpSeeds,
        StoredSecret.WebhookSecret => _webhookSecrets,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
