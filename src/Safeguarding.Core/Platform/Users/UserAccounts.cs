using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Secrets;

namespace Safeguarding.Core.Platform.Users;

/// <summary>
/// Builds a user the way ASP.NET Identity's stores expect to find one: normalised names, a hashed password
/// and, for MFA, the authenticator key as the token the built-in TOTP provider reads.
/// </summary>
public static class UserAccounts
{
    /// <summary>Identity's own store keeps the authenticator key under this provider and name.</summary>
    public const string TokenProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static User NewUser(Guid partnershipId, Guid organisationId, string email, string displayName, string password,
        Instant createdAt, params IEnumerable<Role> roles)
    {
        var user = NewUserWithPasswordHash(partnershipId, organisationId, email, displayName, "", createdAt, roles);
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, password);
        return user;
    }

    /// <summary>
    /// The same, with a password already hashed by Identity's hasher: the hash is deliberately slow (a sixth of a second),
    /// so the tests hash their one password once and share it among the thousands of users they make.
    /// </summary>
    public static User NewUserWithPasswordHash(Guid partnershipId, Guid organisationId, string email, string displayName, string passwordHash,
        Instant createdAt, params IEnumerable<Role> roles)
    {
        return new User
        {
            PartnershipId = partnershipId,
            OrganisationId = organisationId,
            DisplayName = displayName,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            TwoFactorEnabled = true,
            LockoutEnabled = true,
            CreatedAt = createdAt,
            Roles = roles.Select(r => new UserRole { Role = r }).ToList(),
            PasswordHash = passwordHash,
        };
    }

    /// <summary>The user's authenticator key row, the seed encrypted with the installation's keys (<see cref="SecretsAtRest"/>).</summary>
    public static IdentityUserToken<Guid> AuthenticatorKey(User user, string base32Secret, SecretsAtRest secrets) => new()
    {
        UserId = user.Id,
        LoginProvider = TokenProvider,
        Name = AuthenticatorKeyName,
        Value = secrets.Protect(StoredSecret.TotpSeed, base32Secret),
    };

    /// <summary>A random 160-bit TOTP secret in base32, as authenticator apps expect (RFC 4226 recommends 160 bits).</summary>
    public static string NewTotpSecret() => Base32.Encode(RandomNumberGenerator.GetBytes(20));

    /// <summary>A random password of four groups of five (about 115 bits), with every character class Identity asks for.</summary>
    public static string NewPassword() => PasswordFrom(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Turns bytes into a password like "Kq7hz-m4TxP-9wBce-Rt2aa": 23 characters, always holding an upper-case letter,
    /// a lower-case letter, a digit and a symbol, so that any Identity password policy accepts it.
    /// </summary>
    public static string PasswordFrom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20) throw new ArgumentException("A password needs at least 20 bytes of randomness.", nameof(bytes));
        var sb = new StringBuilder(23);
        for (var i = 0; i < 20; i++)
        {
            if (i > 0 && i % 5 == 0) sb.Append('-');
            var pool = i switch
            {
                0 => PasswordAlphabet[..24], // upper case
                5 => PasswordAlphabet[24..48], // lower case
                10 => PasswordAlphabet[48..], // digit
                _ => PasswordAlphabet,
            };
            sb.Append(pool[bytes[i] % pool.Length]);
        }
        return sb.ToString();
    }
}

/// <summary>RFC 4648 base32 without padding: the form authenticator apps take a secret in.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }
}
