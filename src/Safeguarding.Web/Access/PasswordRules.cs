using Microsoft.AspNetCore.Identity;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Web.Access;

/// <summary>
/// ASVS 2.1 (level 2): at least 12 characters, up to 128, any characters, no composition rules, and not a
/// commonly used or breached password. Identity's own length rule is set in HostSetup.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<User>
{
    public const int MaximumLength = 128;

    // The most common passwords from public breach corpora that reach 12 characters, lower-cased.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "qwertyuiopas", "qwertyuiop123", "password1234", "password12345",
        "passwordpassword", "iloveyou1234", "123123123123", "111111111111", "000000000000", "abcdefghijkl", "abc123abc123",
        "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "letmein12345", "welcome12345", "administrator", "safeguarding",
        "safeguarding1", "safeguarding123", "changeme1234", "football1234", "monkey123456", "sunshine1234", "princess1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" });
        if (Common.Contains(password) || (user.Email is { } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "Choose a password that is not commonly used and does not contain your email address" });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
