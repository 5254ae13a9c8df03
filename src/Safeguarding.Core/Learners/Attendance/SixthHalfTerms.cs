using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// Where each school's sixth half term starts, from its published calendar (its own terms, or the council's default it
/// inherits), for the DfE's summer-term rule for 15-year-olds (ADR-010). A calendar gives the date when it publishes
/// the summer term in two halves: the last term of the year then starts after the May half term. A calendar that
/// publishes the summer term whole, or none at all, leaves the school on the year's default date.
/// </summary>
public static class SixthHalfTerms
{
    /// <summary>
    /// The first day of the sixth half term in these school days, or null when the calendar does not split the summer
    /// term: the start of the year's last term when it falls between 15 May and 31 July (a whole summer term starts
    /// after Easter, in April or at the latest the first days of May).
    /// </summary>
    public static LocalDate? StartIn(AcademicYear year, SchoolDays days)
    {
        var last = days.Terms.Where(t => year.Contains(t.Start)).OrderBy(t => t.Start).LastOrDefault();
        if (last is null) return null;
        var earliest = new LocalDate(year.StartYear + 1, 5, 15);
        var latest = new LocalDate(year.StartYear + 1, 7, 31);
        return last.Start >= earliest && last.Start <= latest ? last.Start : null;
    }

    /// <summary>
    /// Each school (by URN) whose calendar gives a sixth half term, to its first session in the year. Schools left out
    /// keep the year's default (<see cref="AcademicYear.SummerSecondHalfStarts"/>).
    /// </summary>
    public static async Task<Dictionary<string, int>> LoadAsync(SafeguardingDbContext db, Guid partnershipId, AcademicYear year, CancellationToken ct = default)
    {
        var calendars = await new SchoolCalendars(db).AllAsync(partnershipId, ct);
        var schools = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Urn != null)
            .Select(o => new { o.Id, Urn = o.Urn! }).ToListAsync(ct);
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var school in schools)
            if (StartIn(year, calendars(school.Id)) is { } start) starts[school.Urn] = year.FirstSessionOnOrAfter(start);
        return starts;
    }
}
