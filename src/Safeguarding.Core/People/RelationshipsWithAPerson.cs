using NodaTime;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.People;

/// <summary>
/// A relationship with a person that a module's own records give an organisation for a while, beyond the index's links:
/// an emergency department attendance gives the attending trust one with the young person for its safeguarding work,
/// for a set period after the arrival (ADR-024). Only the reading of the person's record weighs it, as a link of the
/// reader's organisation; it shows in no "known to" list, makes no link, and reaches no other module's records.
/// </summary>
public interface IRelationshipsWithAPerson
{
    /// <summary>Whether the organisation has such a relationship with the person now.</summary>
    Task<bool> RelatesAsync(Guid partnershipId, Guid personId, Guid organisationId, Instant now, CancellationToken ct);
}

public static class RelationshipsWithAPerson
{
    /// <summary>
    /// The facts to open a person's record, with the reader's organisation among the linked ones when a module's records give
    /// it a relationship now. Asked only of a reader whose grant turns on relationships and who is not linked already.
    /// </summary>
    public static async Task<RecordFacts> WeighAsync(RecordFacts facts, Actor actor, Guid personId, IEnumerable<IRelationshipsWithAPerson> sources, Instant now,
        CancellationToken ct)
    {
        var own = actor.OrganisationId;
        if (facts.OwningOrganisationId == own || (facts.LinkedOrganisationIds?.Contains(own) ?? false)) return facts;
        if (!actor.Grants.Any(g => g is { Resource: Resource.Person, Operation: Operation.Read, Scope: Scope.RelatedRecords })) return facts;
        foreach (var source in sources)
            if (await source.RelatesAsync(facts.PartnershipId, personId, own, now, ct))
                return facts with { LinkedOrganisationIds = [.. facts.LinkedOrganisationIds ?? [], own] };
        return facts;
    }
}
