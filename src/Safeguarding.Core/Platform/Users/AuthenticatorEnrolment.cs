using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.Platform.Users;

/// <summary>
/// A new user sets up their authenticator only through a single-use link sent to their work email, so knowing the
/// first password is not enough to take an account over. The link carries 256 random bits; only its SHA-256 is stored,
/// it expires after three days, and using it clears it in one conditional update.
/// </summary>
public sealed class AuthenticatorEnrolment(SafeguardingDbContext db, Outbox.Outbox outbox, IOptions<DeploymentOptions> deployment)
{
    public static readonly Duration Lifetime = Duration.FromDays(3);
    public const string PagePath = "/account/mfa-setup";

    /// <summary>
    /// Gives the (saved) user a new link, replacing any earlier one, and queues the email that carries it: the link and
    /// nothing else, no name or role. The caller's save sends the email.
    /// </summary>
    public async Task IssueAsync(User user, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Hash(token);
        var expires = db.Clock.GetCurrentInstant() + Lifetime;
        var userId = user.Id;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.EnrolmentTokenHash, hash).SetProperty(u => u.EnrolmentExpiresAt, expires), ct);
        var link = $"{deployment.Value.PublicBaseUrl.TrimEnd('/')}{PagePath}?token={token}";
        outbox.QueueEmail(user.PartnershipId, user.Email!, new EmailContent("Set up your Safeguarding Hub sign-in",
                $"Use this link to set up the authenticator app you will sign in with:\n\n{link}\n\nThe link works once and expires in {Lifetime.Days} days."),
            $"enrolment/{hash[..32]}", "authenticator enrolment", user.Id);
    }

    /// <summary>Whether the link is the user's current one and has not expired.</summary>
    public async Task<bool> IsValidAsync(Guid userId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = Hash(token);
        var now = db.Clock.GetCurrentInstant();
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.EnrolmentTokenHash == hash && u.EnrolmentExpiresAt > now, ct);
    }

    /// <summary>Uses the link up: true for exactly one caller, however many race with it; false when it is not valid.</summary>
    public async Task<bool> UseAsync(Guid userId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = Hash(token);
        var now = db.Clock.GetCurrentInstant();
        return await db.Users.Where(u => u.Id == userId && u.EnrolmentTokenHash == hash && u.EnrolmentExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.EnrolmentTokenHash, (string?)null).SetProperty(u => u.EnrolmentExpiresAt, (Instant?)null), ct) == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
