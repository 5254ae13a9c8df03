using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>
/// An attendance at a trust's emergency department gives the trust a relationship with the young person for its
/// safeguarding work (starting the young people's DASH or the exploitation screening, a Navigator referral) until
/// <see cref="Months"/> after the arrival, London time (ADR-024). A hospital's record in the person index still earns no
/// link: the relationship lapses by itself, and only the reading of the person's record weighs it.
/// </summary>
public sealed class EdAttendanceRelationship(SafeguardingDbContext db) : IRelationshipsWithAPerson
{
    /// <summary>How long after an arrival the relationship lasts.</summary>
    public const int Months = 12;

    public Task<bool> RelatesAsync(Guid partnershipId, Guid personId, Guid organisationId, Instant now, CancellationToken ct)
    {
        var since = Since(now);
        return db.Set<EdAttendance>().AsNoTracking().AnyAsync(a => a.PartnershipId == partnershipId && a.PersonId == personId
            && a.HospitalOrganisationId == organisationId && a.ArrivedAt >= since, ct);
    }

    /// <summary>The earliest arrival that still relates: the same London day <see cref="Months"/> months ago, from its start.</summary>
    public static Instant Since(Instant now) =>
        SchoolDays.London.AtStartOfDay(now.InZone(SchoolDays.London).Date.PlusMonths(-Months)).ToInstant();
}
