using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Web.Access;

/// <summary>
/// System-to-system calls: HTTP Basic with an API client's id and secret, over TLS. The secret is
/// compared with its stored SHA-256 in fixed time; a revoked client is refused, and every refused attempt is audited.
/// </summary>
public sealed class ApiClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SafeguardingDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiClient";

    /// <summary>An API client's id and secret as sent, not yet checked.</summary>
    public sealed record BasicCredentials(string ClientId, string Secret);

    /// <summary>
    /// False when the request carries no Basic credentials; true with null when it carries some that cannot be read
    /// (bad base64, no colon, no id). One reader for sign-in and for the rate limiter's partition.
    /// </summary>
    public static bool TryReadBasic(HttpRequest request, out BasicCredentials? credentials)
    {
        credentials = null;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)); }
        catch (FormatException) { return true; }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0) credentials = new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBasic(Request, out var credentials)) return AuthenticateResult.NoResult();
        if (credentials is null) return AuthenticateResult.Fail("Malformed credentials");
        var (clientId, secret) = credentials;

        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, Context.RequestAborted);
        if (client is null || client.RevokedAt is not null || !ApiClientSecrets.Matches(secret, client.SecretHash))
        {
            await AuditRefusalAsync(client, client is null ? "unknown client" : client.RevokedAt is not null ? "revoked client" : "wrong secret");
            return AuthenticateResult.Fail("Unknown client or wrong secret");
        }

        var identity = new ClaimsIdentity(
            [new Claim(CurrentActor.ApiClientIdClaim, client.Id.ToString()), new Claim(ClaimTypes.Name, client.ClientId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // The handler's result is kept for the request, so a refusal is audited once however often it is asked.
    private async Task AuditRefusalAsync(ApiClient? client, string why)
    {
        var actor = client is null ? null
            : new Actor(client.PartnershipId, client.OrganisationId, $"API client {client.ClientId}", new HashSet<Role>(), ApiClientId: client.Id);
        var process = new ProcessContext("api:sign-in", actor, FromAddress: Context.Connection.RemoteIpAddress?.ToString());
        db.ChangeTracker.Clear();
        await new AuditTrail(db).RecordAsync(process, AuditActions.SignIn, nameof(ApiClient), client?.Id.ToString(), AuditOutcome.Denied, why, Context.RequestAborted);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"safeguarding-api\"";
        return base.HandleChallengeAsync(properties);
    }
}

public static class ApiClientOnly
{
    /// <summary>
    /// The JSON API is for organisations' systems: only an API client's Basic credentials are read, never the session
    /// cookie, so a browser session (with or without MFA) cannot call it and a forged cross-site request carries nothing.
    /// </summary>
    public static TBuilder RequireApiClient<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiClientAuthenticationHandler.SchemeName)
            .RequireClaim(CurrentActor.ApiClientIdClaim));
}
