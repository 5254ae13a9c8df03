namespace Safeguarding.Core.Platform.Access;

/// <summary>What the policy needs to know about a record to decide.</summary>
public sealed record RecordFacts(
    Guid PartnershipId,
    Guid? OwningOrganisationId = null,
    IReadOnlyCollection<Guid>? LinkedOrganisationIds = null,
    bool IsSealed = false,
    bool HasActiveBreakGlass = false);

public sealed record AccessDecision(bool Allowed, string Reason, bool ViaBreakGlass = false, bool BreakGlassPossible = false)
{
    public static AccessDecision Allow(string reason) => new(true, reason);
    public static AccessDecision Deny(string reason, bool breakGlassPossible = false) => new(false, reason, BreakGlassPossible: breakGlassPossible);
}

/// <summary>
/// The one access policy: default deny, roles with resource x action grants, narrowed by organisation
/// and relationship, with sealed records and break-glass. Pages, endpoints and CLI commands all ask here.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Decides for an operation that is not about one record (a list page, a create form).</summary>
    public static AccessDecision Decide(Actor actor, Resource resource, Operation operation) =>
        actor.HasAny(resource, operation)
            ? AccessDecision.Allow("granted by role")
            : AccessDecision.Deny($"no role grants {operation} on {resource}");

    public static AccessDecision Decide(Actor actor, Resource resource, Operation operation, RecordFacts record)
    {
        if (record.PartnershipId != actor.PartnershipId)
            return AccessDecision.Deny("record belongs to another partnership");

        var grants = actor.Grants.Where(g => g.Resource == resource && g.Operation == operation).ToList();
        if (grants.Count == 0)
            return AccessDecision.Deny($"no role grants {operation} on {resource}");

        var inScope = grants.Any(g => InScope(g.Scope, actor, record));
        var sealedOk = !record.IsSealed || actor.Grants.Any(g => g.Resource == Resource.SealedRecord && g.Operation == Operation.Read);

        if (inScope && sealedOk)
            return AccessDecision.Allow("granted by role");

        // Break-glass reaches past scope and seal, never past a missing permission or another partnership.
        if (actor.CanBreakGlass && record.HasActiveBreakGlass)
            return new AccessDecision(true, "break-glass access", ViaBreakGlass: true);

        var reason = inScope ? "record is sealed" : "record is outside the user's organisation and relationships";
        return AccessDecision.Deny(reason, breakGlassPossible: actor.CanBreakGlass);
    }

    private static bool InScope(Scope scope, Actor actor, RecordFacts record) => scope switch
    {
        Scope.WholePartnership => true,
        Scope.OwnOrganisation => record.OwningOrganisationId == actor.OrganisationId,
        Scope.RelatedRecords => record.OwningOrganisationId == actor.OrganisationId
            || (record.LinkedOrganisationIds?.Contains(actor.OrganisationId) ?? false),
        _ => false,
    };
}
