using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.ApiClients;

public sealed record ApiClientRow(ApiClient Client, string Organisation);

/// <summary>A system to let call the API: its name, the organisation it belongs to and the scopes it may use.</summary>
public sealed record AddApiClientOptions(string Name, Guid OrganisationId, IReadOnlyCollection<string> Scopes);

/// <summary>A client just made, with its secret: shown once, only its hash is stored.</summary>
public sealed record AddedApiClient(ApiClient Client, string Secret);

/// <summary>The partnership's API clients, for administrators: list, add, revoke. Every change is audited by the save.</summary>
public sealed class ApiClientAdministration(SafeguardingDbContext db)
{
    public async Task<IReadOnlyList<ApiClientRow>> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var partnership = actor.PartnershipId;
        return (await db.ApiClients.AsNoTracking().Where(c => c.PartnershipId == partnership)
                .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { c, o.Name })
                .OrderBy(x => x.Name).ThenBy(x => x.c.Name).ToListAsync(ct))
            .Select(x => new ApiClientRow(x.c, x.Name)).ToList();
    }

    public async Task<AddedApiClient> AddAsync(AddApiClientOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create, null);
        if (string.IsNullOrWhiteSpace(options.Name)) throw new ArgumentException("Name the system.", nameof(options));
        if (options.Scopes.Count == 0 || options.Scopes.Any(s => !ApiScopeCatalogue.Exists(s)))
            throw new ArgumentException("Scopes come from the catalogue, at least one.", nameof(options));
        var organisation = await db.Organisations.AsNoTracking()
                               .SingleOrDefaultAsync(o => o.Id == options.OrganisationId && o.PartnershipId == actor.PartnershipId, ct)
                           ?? throw new NotFoundException("Organisation", options.OrganisationId.ToString());
        if (options.Scopes.FirstOrDefault(s => !ApiScopeCatalogue.Fits(s, organisation.Type)) is { } unfit)
            throw new ForbiddenException(nameof(ApiClient), null, $"scope {unfit} is not for a {organisation.Type}");

        db.Process = process;
        var secret = ApiClientSecrets.NewSecret();
        var client = new ApiClient
        {
            PartnershipId = actor.PartnershipId,
            OrganisationId = options.OrganisationId,
            Name = options.Name.Trim(),
            ClientId = ApiClientSecrets.NewClientId("client"),
            SecretHash = ApiClientSecrets.Hash(secret),
            Scopes = string.Join(' ', options.Scopes.Distinct().Order(StringComparer.Ordinal)),
            CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return new AddedApiClient(client, secret);
    }

    /// <summary>Revoking takes effect on the client's next call; the record stays for the audit trail. False when there is no such client.</summary>
    public async Task<bool> RevokeAsync(Guid clientId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, clientId);
        var partnership = actor.PartnershipId;
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == clientId && c.PartnershipId == partnership, ct);
        if (client is null) return false;
        if (client.RevokedAt is null)
        {
            db.Process = process;
            client.RevokedAt = db.Clock.GetCurrentInstant();
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    private static void Demand(Actor actor, Operation operation, Guid? clientId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.ApiClient, operation);
        if (!decision.Allowed) throw new ForbiddenException(nameof(ApiClient), clientId?.ToString(), decision.Reason);
    }
}
