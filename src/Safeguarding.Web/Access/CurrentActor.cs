using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Web.Access;

/// <summary>
/// The actor for this request, read from the database once per request so that a disabled account or a
/// removed role takes effect at once rather than when a cookie expires.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, SafeguardingDbContext db)
{
    public const string ApiClientIdClaim = "api_client_id";
    private Actor? _actor;
    private bool _loaded;

    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) return _actor;
        _loaded = true;
        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true) return null;

        if (principal.FindFirstValue(ApiClientIdClaim) is { } clientKey && Guid.TryParse(clientKey, out var clientId))
        {
            var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, ct);
            _actor = client is null ? null
                : new Actor(client.PartnershipId, client.OrganisationId, $"API client {client.ClientId}", new HashSet<Role>(),
                    ApiClientId: client.Id, ApiScopes: client.ScopeSet);
            return _actor;
        }

        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId && !u.IsDisabled, ct);
        _actor = user is null ? null
            : new Actor(user.PartnershipId, user.OrganisationId, user.DisplayName, user.Roles.Select(r => r.Role).ToHashSet(), UserId: user.Id);
        return _actor;
    }

    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No signed-in actor: this path should have required authentication.");

    /// <summary>The process context for writes and audit entries made while handling this request.</summary>
    public async Task<ProcessContext> ProcessAsync(string? purpose = null, CancellationToken ct = default)
    {
        var context = http.HttpContext;
        var process = context?.GetEndpoint()?.DisplayName ?? context?.Request.Path.Value ?? "web";
        return new ProcessContext($"web:{process}", await GetAsync(ct), purpose, context?.Connection.RemoteIpAddress?.ToString());
    }
}
