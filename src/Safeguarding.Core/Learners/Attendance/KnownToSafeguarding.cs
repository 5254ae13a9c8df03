using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// The children already known to safeguarding, for the "known to safeguarding against all others" breakdown and the
/// worklist. Each source adds the person ids it knows: Operation Encompass (a child named in a domestic incident
/// notified to their school) and the domestic-abuse pathway (a child flagged for health records as living in a MARAC
/// household or at risk by a DRAMM triage decision, now or before). Child protection and child in need plans add
/// their own source here when that module arrives.
/// </summary>
public static class KnownToSafeguarding
{
    public static async Task<HashSet<Guid>> LoadAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken ct = default)
    {
        var known = new HashSet<Guid>();
        foreach (var source in Sources) known.UnionWith(await source(db, partnershipId, ct));
        return known;
    }

    private static readonly Func<SafeguardingDbContext, Guid, CancellationToken, Task<List<Guid>>>[] Sources =
    [
        // Operation Encompass notifications.
        (db, partnershipId, ct) => db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.ChildPersonId != null)
            .Select(n => n.ChildPersonId!.Value).Distinct().ToListAsync(ct),
        // Children in a MARAC household or at risk of domestic abuse (their health flags, active or ended).
        (db, partnershipId, ct) => db.HealthFlags.AsNoTracking()
            .Where(f => f.PartnershipId == partnershipId)
            .Select(f => f.ChildPersonId).Distinct().ToListAsync(ct),
    ];
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
    public static async Task<AttendanceFigures> FiguresAsync(SafeguardingDbContext db, Guid partnershipId, AcademicYear year, string? urn = null,
        CancellationToken ct = default)
    {
        var enrolments = await EnrolmentsAsync(db, partnershipId, year.StartYear, urn, ct);
        var suspensions = await SuspensionsAsync(db, partnershipId, year.StartYear, urn, ct);
        var known = await KnownToSafeguarding.LoadAsync(db, partnershipId, ct);
        // A school's January census headcount, when sent, is the suspension rates' denominator; otherwise its pupils on roll that day.
        var headcounts = await Census.CensusHeadcounts.ForYearAsync(db, partnershipId, year.StartYear, urn, ct);
        return AttendanceMeasures.Compute(year, enrolments, suspensions, known, headcounts);
    }
}
