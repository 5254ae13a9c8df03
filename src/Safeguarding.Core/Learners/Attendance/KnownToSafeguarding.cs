using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// A module that knows children to safeguarding: Operation Encompass and the domestic-abuse pathway now (see
/// <c>DomesticAbuse/KnownToDomesticAbuse</c>); child exploitation and the support register add their own when they
/// arrive, which is why this is an interface with one implementation today. Learners counts the children; it does not
/// know the modules that know them, as the quarantine does not know the modules that release its records.
/// </summary>
public interface IKnownToSafeguardingSource
{
    /// <summary>The people of the partnership this module has known to safeguarding at any time, now or before.</summary>
    Task<IReadOnlyCollection<Guid>> KnownAsync(Guid partnershipId, CancellationToken ct);
}

/// <summary>
/// The children already known to safeguarding, for the "known to safeguarding against all others" breakdown and the
/// worklist: every registered source's people together.
/// </summary>
public sealed class KnownToSafeguarding(IEnumerable<IKnownToSafeguardingSource> sources)
{
    public async Task<HashSet<Guid>> LoadAsync(Guid partnershipId, CancellationToken ct = default)
    {
        var known = new HashSet<Guid>();
        foreach (var source in sources) known.UnionWith(await source.KnownAsync(partnershipId, ct));
        return known;
    }
}

/// <summary>Reads a partnership's year from storage for the measures (no person is shown: figures only).</summary>
public static class AttendanceStore
{
    /// <summary>
    /// A year's enrolments with their marks, read straight from the table (no change tracking, no entity
    /// materialisation, repeated values shared): the measures read the whole city-year at once.
    /// </summary>
    public static Task<List<Enrolment>> EnrolmentsAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default) =>
        StoredEnrolments.ReadAsync(db, partnershipId, academicYear, urn, ct);

    public static Task<List<Suspension>> SuspensionsAsync(SafeguardingDbContext db, Guid partnershipId, int academicYear, string? urn = null,
        CancellationToken ct = default)
    {
        var query = db.Suspensions.AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.AcademicYear == academicYear);
        if (urn is not null) query = query.Where(s => s.Urn == urn);
        return query.ToListAsync(ct);
    }

    /// <summary>Every measure with every breakdown, computed from storage.</summary>
    public static async Task<AttendanceFigures> FiguresAsync(SafeguardingDbContext db, KnownToSafeguarding knownToSafeguarding, Guid partnershipId,
        AcademicYear year, string? urn = null, CancellationToken ct = default)
    {
        var enrolments = await EnrolmentsAsync(db, partnershipId, year.StartYear, urn, ct);
        var suspensions = await SuspensionsAsync(db, partnershipId, year.StartYear, urn, ct);
        var known = await knownToSafeguarding.LoadAsync(partnershipId, ct);
        // A school's January census headcount, when sent, is the suspension rates' denominator; otherwise its pupils on roll that day.
        var headcounts = await Census.CensusHeadcounts.ForYearAsync(db, partnershipId, year.StartYear, urn, ct);
        return AttendanceMeasures.Compute(year, enrolments, suspensions, known, headcounts);
    }
}
