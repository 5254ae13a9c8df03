namespace Safeguarding.Core.Platform.Access;

/// <summary>
/// Who is acting: a signed-in person or an organisation's system. Built once per request from the
/// authenticated principal and passed to every service method that reads or writes.
/// </summary>
public sealed record Actor(
    Guid PartnershipId,
    Guid OrganisationId,
    string Name,
    IReadOnlySet<Role> Roles,
    Guid? UserId = null,
    Guid? ApiClientId = null,
    IReadOnlySet<string>? ApiScopes = null)
{
    public bool IsApiClient => ApiClientId is not null;

    public IEnumerable<Grant> Grants =>
        IsApiClient
            ? (ApiScopes ?? new HashSet<string>()).SelectMany(ApiScopeCatalogue.GrantsOf)
            : Roles.SelectMany(RoleCatalogue.GrantsOf);

    public bool CanBreakGlass => !IsApiClient && Roles.Any(r => RoleCatalogue.Describe(r).CanBreakGlass);

    /// <summary>
    /// Figures for the whole partnership (timeliness across every setting, MARAC volume): a grant scoped to the
    /// user's own organisation (a school's own attendance figures) is not enough.
    /// </summary>
    public bool SeesPartnershipFigures =>
        Grants.Any(g => g is { Resource: Resource.AggregateFigures, Operation: Operation.Read, Scope: Scope.WholePartnership });

    /// <summary>Whether any grant allows the operation somewhere: for menus and list pages.</summary>
    public bool HasAny(Resource resource, Operation operation) =>
        Grants.Any(g => g.Resource == resource && g.Operation == operation);
}
