using System.Security.Claims;

namespace Safeguarding.Web.Access;

/// <summary>
/// Accounts signed in through an organisation's identity provider are keyed by issuer plus subject:
/// a subject alone is only unique within its issuer.
/// </summary>
public static class ExternalIdentity
{
    public static (string Issuer, string Subject)? KeyOf(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var issuer = principal.FindFirst("iss")?.Value ?? principal.FindFirst("sub")?.Issuer ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Issuer;
        return string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(issuer) || issuer == ClaimsIdentity.DefaultIssuer
            ? null
            : (issuer, subject);
    }

    /// <summary>Whether the identity provider says it used more than one factor (RFC 8176 amr values).</summary>
    public static bool ProviderUsedMfa(ClaimsPrincipal principal) =>
        principal.FindAll("amr").Any(c => c.Value is "mfa" or "otp" or "hwk" or "swk" or "sc");
}
