using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>Who lives with a victim, and what the police have recorded about them before.</summary>
public static class Households
{
    /// <summary>
    /// The children of a victim's household on a date: children named in the victim's police incidents, people under
    /// 18 in the same household in the person index, and the victim's children by a recorded parent relationship.
    /// </summary>
    public static async Task<List<Guid>> ChildrenOfAsync(SafeguardingDbContext db, Guid victimPersonId, LocalDate onDate, CancellationToken ct = default) =>
        ChildrenOn((await ChildrenOfManyAsync(db, [victimPersonId], onDate, ct))[victimPersonId], onDate);

    /// <summary>
    /// The candidates of <see cref="ChildrenOfAsync"/> for many victims in a fixed number of queries (a list's page),
    /// youngest last, each born less than 18 years before <paramref name="earliest"/>; <see cref="ChildrenOn"/> picks a date's.
    /// </summary>
    public static async Task<Dictionary<Guid, List<(Guid PersonId, LocalDate DateOfBirth)>>> ChildrenOfManyAsync(
        SafeguardingDbContext db, IReadOnlyCollection<Guid> victimPersonIds, LocalDate earliest, CancellationToken ct = default)
    {
        var ids = victimPersonIds.Distinct().ToList();
        var fromIncidents = await (
                from a in VictimsOfLatestVersions(db, ids)
                join c in db.Set<IncidentChild>().AsNoTracking() on a.IncidentId equals c.IncidentId
                where c.PersonId != null
                select new { Victim = a.PersonId!.Value, Child = c.PersonId!.Value })
            .ToListAsync(ct);
        var households = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.HouseholdId != null)
            .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct);
        var householdIds = households.Select(h => h.Household).Distinct().ToList();
        var sameHousehold = householdIds.Count == 0
            ? []
            : await db.People.AsNoTracking().Where(p => p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value) && p.MergedIntoPersonId == null)
                .Select(p => new { p.Id, Household = p.HouseholdId!.Value }).ToListAsync(ct);
        var byParent = await db.PersonRelationships.AsNoTracking()
            .Where(r => ids.Contains(r.RelatedPersonId) && r.Kind == RelationshipKind.Parent)
            .Select(r => new { Victim = r.RelatedPersonId, Child = r.PersonId }).ToListAsync(ct);

        var members = sameHousehold.ToLookup(p => p.Household, p => p.Id);
        var candidates = fromIncidents.Select(x => (x.Victim, x.Child))
            .Concat(households.SelectMany(h => members[h.Household].Where(m => m != h.Id).Select(m => (Victim: h.Id, Child: m))))
            .Concat(byParent.Select(x => (x.Victim, x.Child)))
            .Distinct().ToList();
        var candidateIds = candidates.Select(c => c.Child).Distinct().ToList();
        var bornAfter = earliest.PlusYears(-18);
        var births = (await db.People.AsNoTracking()
                .Where(p => candidateIds.Contains(p.Id) && p.MergedIntoPersonId == null && p.DateOfBirth != null && p.DateOfBirth > bornAfter)
                .Select(p => new { p.Id, p.DateOfBirth }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var byVictim = candidates.Where(c => births.ContainsKey(c.Child)).ToLookup(c => c.Victim, c => (c.Child, births[c.Child]));
        return ids.ToDictionary(v => v, v => byVictim[v].OrderBy(c => c.Item2).ToList());
    }

    /// <summary>Those of a victim's candidate children under 18 on the date.</summary>
    public static List<Guid> ChildrenOn(IEnumerable<(Guid PersonId, LocalDate DateOfBirth)> candidates, LocalDate onDate) =>
        [.. candidates.Where(c => c.DateOfBirth > onDate.PlusYears(-18)).Select(c => c.PersonId)];

    /// <summary>The dates (Europe/London) of the victim's police incidents, one per incident (its newest version).</summary>
    public static async Task<List<(PoliceIncidentKey Incident, LocalDate Date)>> IncidentsOfAsync(SafeguardingDbContext db, Guid victimPersonId, CancellationToken ct = default) =>
        (await IncidentsOfManyAsync(db, [victimPersonId], ct))[victimPersonId];

    /// <summary><see cref="IncidentsOfAsync"/> for many victims in one query.</summary>
    public static async Task<Dictionary<Guid, List<(PoliceIncidentKey Incident, LocalDate Date)>>> IncidentsOfManyAsync(
        SafeguardingDbContext db, IReadOnlyCollection<Guid> victimPersonIds, CancellationToken ct = default)
    {
        var ids = victimPersonIds.Distinct().ToList();
        var rows = await (
                from a in VictimsOfLatestVersions(db, ids)
                join i in db.DomesticIncidents.AsNoTracking() on a.IncidentId equals i.Id
                select new { Victim = a.PersonId!.Value, i.ForceOrganisationId, i.PoliceReference, i.OccurredAt })
            .ToListAsync(ct);
        var byVictim = rows.ToLookup(r => r.Victim);
        // One incident counts once however many adults of it are the victim.
        return ids.ToDictionary(v => v, v => byVictim[v].Select(r => (new PoliceIncidentKey(r.ForceOrganisationId, r.PoliceReference), LondonDate(r.OccurredAt))).Distinct().ToList());
    }

    /// <summary>These people named as the victim in the newest version of a police incident.</summary>
    private static IQueryable<IncidentAdult> VictimsOfLatestVersions(SafeguardingDbContext db, List<Guid> victimPersonIds) =>
        db.Set<IncidentAdult>().AsNoTracking()
            .Where(a => a.Role == IncidentAdultRole.Victim && a.PersonId != null && victimPersonIds.Contains(a.PersonId.Value)
                        && db.DomesticIncidents.Any(i => i.Id == a.IncidentId && i.IsLatest));

    /// <summary>The police incident a version row belongs to; null for none.</summary>
    public static async Task<PoliceIncidentKey?> IncidentKeyAsync(SafeguardingDbContext db, Guid? incidentVersionId, CancellationToken ct = default)
    {
        if (incidentVersionId is not { } id) return null;
        var row = await db.DomesticIncidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ForceOrganisationId, i.PoliceReference }).SingleOrDefaultAsync(ct);
        return row is null ? null : new PoliceIncidentKey(row.ForceOrganisationId, row.PoliceReference);
    }

    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static LocalDate LondonDate(Instant instant) => instant.InZone(London).Date;
}

/// <summary>
/// A police incident across its versions: the force and its reference. Each correction is a new row with a new id, so
/// incidents are counted, and decided, by this key, never by row.
/// </summary>
public readonly record struct PoliceIncidentKey(Guid ForceOrganisationId, string PoliceReference);
