using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// A person's password is stored as Identity's PBKDF2 hash at full strength; only the tests' own shared hash is weaker
/// (ADR-026), and the two must not be confused.
/// </summary>
public sealed class PasswordHashTests
{
    /// <summary>Identity's version 3 format: a marker byte, then the PRF, the round count and the salt's length, big-endian.</summary>
    private static (byte Format, int Rounds) Read(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    [Fact]
    public void A_new_users_password_is_hashed_with_at_least_100000_rounds_and_verifies()
    {
        var user = UserAccounts.NewUser(Guid.NewGuid(), Guid.NewGuid(), "someone@example.org", "Someone", "a long enough pass phrase",
            SystemClock.Instance.GetCurrentInstant(), Role.SocialWorker);

        var (format, rounds) = Read(user.PasswordHash!);
        Assert.Equal(0x01, format);
        Assert.True(rounds >= 100_000, $"{rounds} rounds");
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, "a long enough pass phrase"));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, "a long enough pass phrasE"));
    }

    [Fact]
    public void The_tests_shared_hash_is_weaker_and_a_product_host_would_ask_to_rehash_it()
    {
        var user = UserAccounts.NewUserWithPasswordHash(Guid.NewGuid(), Guid.NewGuid(), "test@example.org", "Test", TestData.PasswordHash,
            SystemClock.Instance.GetCurrentInstant(), Role.SocialWorker);

        Assert.Equal(TestData.PasswordIterations, Read(user.PasswordHash!).Rounds);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, new PasswordHasher<User>().VerifyHashedPassword(user, user.PasswordHash!, TestData.Password));
    }
}
