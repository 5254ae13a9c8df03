using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Access;

/// <summary>
/// Identity's EF user store, except that the authenticator key (the TOTP seed) is encrypted with the data-protection
/// keys before it reaches the database, as every other writer stores it (<see cref="SecretsAtRest"/>): a copy of the
/// database alone no longer yields every user's second factor. A seed still stored in the clear is read as it is.
/// </summary>
public sealed class ProtectedUserStore(SafeguardingDbContext context, SecretsAtRest secrets, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<User, SafeguardingDbContext, Guid>(context, describer)
{
    public override async Task<string?> GetTokenAsync(User user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return IsAuthenticatorKey(loginProvider, name) && value is not null ? secrets.Reveal(StoredSecret.TotpSeed, value) : value;
    }

    public override Task SetTokenAsync(User user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name,
            IsAuthenticatorKey(loginProvider, name) && value is not null ? secrets.Protect(StoredSecret.TotpSeed, value) : value, cancellationToken);

    private static bool IsAuthenticatorKey(string loginProvider, string name) =>
        loginProvider == UserAccounts.TokenProvider && name == UserAccounts.AuthenticatorKeyName;
}
