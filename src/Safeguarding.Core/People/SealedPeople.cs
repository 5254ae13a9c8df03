using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.People;

/// <summary>
/// The seal on pages and lists: a sealed person (a child who fled to a refuge, say) is named only to
/// roles that may read sealed records. Their rows stay (a checklist or an incident is still there to act on), their
/// name does not.
/// </summary>
public static class SealedPeople
{
    public const string Withheld = "Name withheld (sealed record)";

    public static bool MaySee(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.SealedRecord, Operation: Operation.Read });

    /// <summary>Of these people, those sealed from this actor.</summary>
    public static async Task<HashSet<Guid>> HiddenFromAsync(SafeguardingDbContext db, Actor actor, IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        if (personIds.Count == 0 || MaySee(actor)) return [];
        var ids = personIds.Distinct().ToList();
        return [.. await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsSealed).Select(p => p.Id).ToListAsync(ct)];
    }

    /// <summary>The names of the people this actor may see, in their partnership; a sealed person is named <see cref="Withheld"/>.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(SafeguardingDbContext db, Actor actor, IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        if (personIds.Count == 0) return [];
        var ids = personIds.Distinct().ToList();
        var seesSealed = MaySee(actor);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.PartnershipId == actor.PartnershipId)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.IsSealed }).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => p.IsSealed && !seesSealed ? Withheld : p.Name);
    }
}
