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
    public static async Task<List<Guid>> ChildrenOfAsync(SafeguardingDbContext db, Guid victimPersonId, LocalDate onDate, CancellationToken ct = default)
    {
        var fromIncidents = await db.DomesticIncidents.AsNoTracking()
            .Where(i => i.IsLatest && i.Adults.Any(a => a.Role == IncidentAdultRole.Victim && a.PersonId == victimPersonId))
            .SelectMany(i => i.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value))
            .ToListAsync(ct);
        var householdId = await db.People.AsNoTracking().Where(p => p.Id == victimPersonId).Select(p => p.HouseholdId).SingleOrDefaultAsync(ct);
        var sameHousehold = householdId is null
            ? []
            : await db.People.AsNoTracking().Where(p => p.HouseholdId == householdId && p.Id != victimPersonId && p.MergedIntoPersonId == null)
                .Select(p => p.Id).ToListAsync(ct);
        var byParent = await db.PersonRelationships.AsNoTracking()
            .Where(r => r.RelatedPersonId == victimPersonId && r.Kind == RelationshipKind.Parent)
            .Select(r => r.PersonId).ToListAsync(ct);

        var candidates = fromIncidents.Concat(sameHousehold).Concat(byParent).Distinct().ToList();
        var eighteenYearsBefore = onDate.PlusYears(-18);
        return await db.People.AsNoTracking()
            .Where(p => candidates.Contains(p.Id) && p.MergedIntoPersonId == null && p.DateOfBirth != null && p.DateOfBirth > eighteenYearsBefore)
            .OrderBy(p => p.DateOfBirth).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The dates (Europe/London) of the victim's police incidents, newest version of each.</summary>
    public static async Task<List<(Guid IncidentId, LocalDate Date)>> IncidentsOfAsync(SafeguardingDbContext db, Guid victimPersonId, CancellationToken ct = default)
    {
        var rows = await db.DomesticIncidents.AsNoTracking()
            .Where(i => i.IsLatest && i.Adults.Any(a => a.Role == IncidentAdultRole.Victim && a.PersonId == victimPersonId))
            .Select(i => new { i.Id, i.OccurredAt }).ToListAsync(ct);
        return rows.Select(r => (r.Id, LondonDate(r.OccurredAt))).ToList();
    }

    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static LocalDate LondonDate(Instant instant) => instant.InZone(London).Date;
}
