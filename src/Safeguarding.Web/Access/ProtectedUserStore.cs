using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Access;

/// <summary>
/// Identity's EF user store, except that the authenticator key (the TOTP seed) is encrypted with the data-protection
/// keys before it reaches the database: a copy of the database alone no longer yields every user's second factor.
/// Stored as <see cref="Prefix"/> + the protected payload; a value without the prefix is a seed written in the clear
/// (before this store, or by the CLI and demo seeding, which write the token row directly) and is read as it is,
/// then protected when it is next written (set-up or reset).
/// </summary>
public sealed class ProtectedUserStore(SafeguardingDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<User, SafeguardingDbContext, Guid>(context, describer)
{
    public const string Prefix = "dp1:";
    private const string Purpose = "Safeguarding.TotpSeed.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public override async Task<string?> GetTokenAsync(User user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return IsAuthenticatorKey(loginProvider, name) && value is not null && value.StartsWith(Prefix, StringComparison.Ordinal)
            ? _protector.Unprotect(value[Prefix.Length..])
            : value;
    }

    public override Task SetTokenAsync(User user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name,
            IsAuthenticatorKey(loginProvider, name) && value is not null ? Prefix + _protector.Protect(value) : value, cancellationToken);

    private static bool IsAuthenticatorKey(string loginProvider, string name) =>
        loginProvider == UserAccounts.TokenProvider && name == UserAccounts.AuthenticatorKeyName;
}
