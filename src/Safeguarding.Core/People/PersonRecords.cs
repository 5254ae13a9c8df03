using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People;

public sealed record PersonOpening(bool Found, AccessDecision Decision, Person? Person);

/// <summary>
/// Opening a person's record: the policy decides (role, organisation, relationship, seal, break-glass)
/// and every attempt, allowed or denied, is written to the audit trail before anything is returned.
/// </summary>
public sealed class PersonRecords(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(Person);

    public async Task<PersonOpening> OpenAsync(Actor actor, Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId, ct);
        if (person is null)
            return new PersonOpening(false, AccessDecision.Deny("not found"), null);

        var facts = await FactsAsync(actor, person, ct);
        var decision = AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts);
        var details = decision.Allowed ? (decision.ViaBreakGlass ? "break-glass" : null) : decision.Reason;
        db.QueueAudit(process, AuditActions.Read, ResourceType, person.Id.ToString(),
            decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, details);
        await db.SaveChangesAsync(ct);
        return new PersonOpening(true, decision, decision.Allowed ? person : null);
    }

    /// <summary>Names and organisations of who has read or changed a person's record, for managers.</summary>
    public async Task<List<AuditEntry>> AccessLogAsync(Actor actor, Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        db.QueueAudit(process, AuditActions.Read, "AccessLog", personId.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return await new AuditTrail(db).ForRecordAsync(ResourceType, personId.ToString(), ct: ct);
    }

    private async Task<RecordFacts> FactsAsync(Actor actor, Person person, CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        var id = person.Id.ToString();
        var hasBreakGlass = actor.UserId is { } userId && await db.BreakGlassAccesses.AsNoTracking()
            .AnyAsync(b => b.UserId == userId && b.ResourceType == ResourceType && b.ResourceId == id && b.GrantedAt <= now && b.ExpiresAt > now, ct);
        return new RecordFacts(person.PartnershipId, person.RecordedByOrganisationId,
            person.Links.Select(l => l.OrganisationId).ToList(), person.IsSealed, hasBreakGlass);
    }
}
