using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Learners.Registers;

/// <summary>
/// Children on one council register (CME or EHE) in a year: distinct children at any time in the year, on each census
/// day and at the end of each month (the trend).
/// </summary>
public sealed class RegisterTally
{
    internal RegisterTally(int censusDays, int months)
    {
        OnCensusDay = new long[censusDays];
        AtMonthEnd = new long[months];
    }

    /// <summary>Children whose time on the register overlapped the year (up to the day the figures were drawn).</summary>
    public long AtAnyTime { get; internal set; }
    /// <summary>In the order of <see cref="RegisterFigures.CensusDays"/>.</summary>
    public long[] OnCensusDay { get; }
    /// <summary>In the order of <see cref="RegisterFigures.MonthEnds"/>.</summary>
    public long[] AtMonthEnd { get; }
}

/// <summary>A census day of the school year: autumn, spring or summer.</summary>
public sealed record CensusDay(string Name, LocalDate Date);

/// <summary>Children missing education and electively home educated in a year, overall and known to safeguarding against all others.</summary>
public sealed class RegisterFigures
{
    public required AcademicYear Year { get; init; }
    /// <summary>The census days of the year up to the day the figures were drawn.</summary>
    public required IReadOnlyList<CensusDay> CensusDays { get; init; }
    /// <summary>The last day of each month of the year that had ended by the day the figures were drawn.</summary>
    public required IReadOnlyList<LocalDate> MonthEnds { get; init; }
    public required RegisterTally ChildrenMissingEducation { get; init; }
    public required RegisterTally ElectiveHomeEducation { get; init; }
    /// <summary><see cref="Breakdown.Known"/> and <see cref="Breakdown.NotKnown"/>, then the register's figures for that group.</summary>
    public required IReadOnlyDictionary<string, RegisterTally> ChildrenMissingEducationBySafeguardingStatus { get; init; }
    public required IReadOnlyDictionary<string, RegisterTally> ElectiveHomeEducationBySafeguardingStatus { get; init; }
    /// <summary>The population aged 5 to 16 the rate is taken over, when the partnership has set it.</summary>
    public LearnerPopulation? Population { get; init; }

    /// <summary>Children missing education at any time in the year per 1,000 of the population aged 5 to 16; null when no population is set (or it is zero).</summary>
    public double? ChildrenMissingEducationPer1000 => RatePer1000(ChildrenMissingEducation.AtAnyTime);

    public double? RatePer1000(long children) => Population is { Aged5To16: > 0 } p ? 1000.0 * children / p.Aged5To16 : null;
}

/// <summary>
/// Counts children on the council's CME and EHE registers from the entries' start and end dates. Pure code, beside
/// <see cref="AttendanceMeasures"/>: a child is counted once per figure however many entries they have, and an entry
/// counts on a day when it started on or before it and had not ended before it (the end date is the last day on).
/// </summary>
public static class RegisterMeasures
{
    /// <summary>The school census days: the first Thursday of October, the third Thursday of January and of May.</summary>
    public static IReadOnlyList<CensusDay> CensusDaysOf(AcademicYear year) =>
    [
        new("Autumn census", NthThursday(year.StartYear, 10, 1)),
        new("Spring census", NthThursday(year.StartYear + 1, 1, 3)),
        new("Summer census", NthThursday(year.StartYear + 1, 5, 3)),
    ];

    private static LocalDate NthThursday(int year, int month, int n)
    {
        var d = new LocalDate(year, month, 1);
        while (d.DayOfWeek != IsoDayOfWeek.Thursday) d = d.PlusDays(1);
        return d.PlusWeeks(n - 1);
    }

    /// <param name="asOf">The day the figures are drawn: later days of the year (census days, month ends, time on the register) are not counted.</param>
    public static RegisterFigures Compute(AcademicYear year, IEnumerable<LearnerRegisterEntry> entries, IReadOnlySet<Guid>? knownToSafeguarding = null,
        LearnerPopulation? population = null, LocalDate? asOf = null)
    {
        knownToSafeguarding ??= new HashSet<Guid>();
        var last = asOf is { } a && a < year.End ? a : year.End;
        var census = CensusDaysOf(year).Where(c => c.Date <= last).ToList();
        var months = new List<LocalDate>();
        for (var m = year.Start; m <= year.End; m = m.PlusMonths(1))
        {
            var end = m.With(DateAdjusters.EndOfMonth);
            if (end <= last) months.Add(end);
        }
        RegisterTally New() => new(census.Count, months.Count);
        var cme = New();
        var ehe = New();
        var cmeBy = new Dictionary<string, RegisterTally> { [Breakdown.Known] = New(), [Breakdown.NotKnown] = New() };
        var eheBy = new Dictionary<string, RegisterTally> { [Breakdown.Known] = New(), [Breakdown.NotKnown] = New() };

        foreach (var register in entries.Where(e => e.From <= last && (e.To is null || e.To >= year.Start)).GroupBy(e => e.Register))
            foreach (var child in register.GroupBy(e => e.PersonId))
            {
                var status = knownToSafeguarding.Contains(child.Key) ? Breakdown.Known : Breakdown.NotKnown;
                var (total, group) = register.Key == LearnerRegister.ChildrenMissingEducation ? (cme, cmeBy[status]) : (ehe, eheBy[status]);
                foreach (var tally in new[] { total, group })
                {
                    tally.AtAnyTime++;
                    for (var i = 0; i < census.Count; i++)
                        if (child.Any(e => e.IsOpenOn(census[i].Date))) tally.OnCensusDay[i]++;
                    for (var i = 0; i < months.Count; i++)
                        if (child.Any(e => e.IsOpenOn(months[i]))) tally.AtMonthEnd[i]++;
                }
            }

        return new RegisterFigures
        {
            Year = year, CensusDays = census, MonthEnds = months, ChildrenMissingEducation = cme, ElectiveHomeEducation = ehe,
            ChildrenMissingEducationBySafeguardingStatus = cmeBy, ElectiveHomeEducationBySafeguardingStatus = eheBy, Population = population,
        };
    }

    /// <summary>A partnership's register figures for a year, from storage (figures only: no child is shown).</summary>
    public static async Task<RegisterFigures> LoadAsync(SafeguardingDbContext db, Guid partnershipId, AcademicYear year, IReadOnlySet<Guid> knownToSafeguarding,
        LocalDate asOf, CancellationToken ct = default)
    {
        var entries = await db.LearnerRegisterEntries.AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.From <= year.End && (e.To == null || e.To >= year.Start))
            .ToListAsync(ct);
        var population = await db.LearnerPopulations.AsNoTracking().SingleOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);
        return Compute(year, entries, knownToSafeguarding, population, asOf);
    }
}
