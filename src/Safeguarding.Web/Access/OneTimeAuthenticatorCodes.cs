using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Access;

/// <summary>
/// Authenticator (TOTP) codes that work once (ASVS 2.8.4): like Identity's own provider, a code is valid for
/// its 30-second step and one step either side for clock drift, but a step at or before the last one accepted
/// for the user is refused, so a code seen over someone's shoulder cannot be replayed. The last step moves forward
/// in one conditional UPDATE, so of two requests racing with the same code only one is accepted.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider time, SafeguardingDbContext db) : IUserTwoFactorTokenProvider<User>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the person's app, never from us.
    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1))) return false;

        var userId = user.Id;
        var advanced = await db.Users
            .Where(u => u.Id == userId && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step));
        return advanced == 1;
    }

    /// <summary>
    /// A code that was right for its moment but has been accepted once already (or an earlier one since): the person is
    /// told so, rather than that the code is wrong, and waits for the next.
    /// </summary>
    public async Task<bool> WasAlreadyUsedAsync(UserManager<User> manager, User user, string token)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
            return false;
        var userId = user.Id;
        var last = await db.Users.Where(u => u.Id == userId).Select(u => u.LastAuthenticatorStep).SingleAsync();
        return last is { } l && step <= l;
    }
}
