using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Safeguarding.Core.SupportRegister;

// The register's C(E)TR figures and keyworker allocation by date (issue 15, third slice): the tables that answer
// "needs met in the community and fewer tier 4 admissions" (docs/support-register.md, "Figures").
public sealed partial class RegisterFigures
{
    /// <summary>The percentage of admissions NHS England expects a community C(E)TR to precede.</summary>
    public const double CommunityCetrStandard = 90;

    public const string KeyworkerAllocated = "Keyworker allocated";
    public const string KeyworkerAwaited = "Referred, waiting for a keyworker";
    public const string NoKeyworker = "No keyworker allocated";
    private static readonly string[] KeyworkerParts = [KeyworkerAllocated, KeyworkerAwaited, NoKeyworker];

    /// <summary>The last day of a month.</summary>
    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);

    /// <summary>Each entry's keyworker referrals (referred on, allocated on), up to the last month's end.</summary>
    private async Task<Dictionary<Guid, List<(LocalDate ReferredOn, LocalDate? AllocatedOn)>>> KeyworkerHistoryAsync(Guid partnershipId, LocalDate lastDay, CancellationToken ct) =>
        (await db.Set<KeyworkerReferral>().AsNoTracking().Where(k => k.PartnershipId == partnershipId && k.ReferredOn <= lastDay)
            .Select(k => new { k.EntryId, k.ReferredOn, k.AllocatedOn }).ToListAsync(ct))
        .GroupBy(k => k.EntryId).ToDictionary(g => g.Key, g => g.Select(k => (k.ReferredOn, k.AllocatedOn)).ToList());

    /// <summary>
    /// A child's keyworker at a month's end: from their keyworker referrals where there are any (allocated by then,
    /// referred and waiting, or neither yet); else the keyworker named on the entry (no date is kept for it: every month).
    /// </summary>
    private static string KeyworkerAt(List<(LocalDate ReferredOn, LocalDate? AllocatedOn)>? referrals, string? named, YearMonth month)
    {
        if (referrals is null) return named is null ? NoKeyworker : KeyworkerAllocated;
        var day = LastDay(month);
        return referrals.Any(r => r.AllocatedOn <= day) ? KeyworkerAllocated : referrals.Any(r => r.ReferredOn <= day) ? KeyworkerAwaited : NoKeyworker;
    }

    /// <summary>
    /// Admissions (in the month, and in the 12 months to its end, with the share a community C(E)TR preceded against the
    /// 90% standard), post-admission and inpatient C(E)TRs held on time, and length of stay, for the whole partnership
    /// (a child who has left the register still counts: the admission happened).
    /// </summary>
    private async Task<List<MonthlyTable>> CetrTablesAsync(Guid partnershipId, List<YearMonth> months, CancellationToken ct)
    {
        var (firstDay, lastDay) = (months[0].OnDayOfMonth(1), LastDay(months[^1]));
        var admissions = await db.Set<Admission>().AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.AdmittedOn <= lastDay)
            .Select(a => new { a.Id, a.AdmittedOn, a.DischargedOn, a.CommunityCetrHeldBefore }).ToListAsync(ct);
        var dischargedOn = admissions.ToDictionary(a => a.Id, a => a.DischargedOn);
        var clocks = await db.Set<Cetr>().AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Due != null && c.Due >= firstDay && c.Due <= lastDay && (c.Kind == CetrKind.PostAdmission || c.Kind == CetrKind.Inpatient))
            .Select(c => new { c.Kind, Due = c.Due!.Value, c.HeldOn, c.ClosedAt, c.AdmissionId }).ToListAsync(ct);
        // A clock is owed unless the child went home on or before its due date without it being held; it is on time when
        // held by its due date, or stopped by then without being held (another C(E)TR held in time took its place).
        var owed = clocks.Where(c => c.HeldOn is not null || !(c.AdmissionId is { } a && dischargedOn.GetValueOrDefault(a) is { } home && home <= c.Due))
            .Select(c => (c.Kind, c.Due, OnTime: c.HeldOn is { } held ? held <= c.Due : c.ClosedAt is { } closed && closed.InZone(ReferralClock.London).Date <= c.Due))
            .ToList();

        var admitted = months.Select(m => admissions.Where(a => a.AdmittedOn.ToYearMonth() == m).ToList()).ToList();
        var inYear = months.Select(m => admissions.Where(a => a.AdmittedOn <= LastDay(m) && a.AdmittedOn >= m.PlusMonths(-11).OnDayOfMonth(1)).ToList()).ToList();
        var discharges = months.Select(m => admissions.Where(a => a.DischargedOn?.ToYearMonth() == m)
            .Select(a => Period.Between(a.AdmittedOn, a.DischargedOn!.Value, PeriodUnits.Days).Days).ToList()).ToList();
        var stillIn = months.Select(m => LastDay(m)).Select(day => admissions.Where(a => a.AdmittedOn <= day && (a.DischargedOn is not { } d || d > day))
            .Select(a => Period.Between(a.AdmittedOn, day, PeriodUnits.Days).Days).ToList()).ToList();

        MonthlyTable OnTime(CetrKind kind, string id, string name)
        {
            var due = months.Select(m => owed.Where(c => c.Kind == kind && c.Due.ToYearMonth() == m).ToList()).ToList();
            return new(id, $"{name} C(E)TRs due in the month, and how many were held on time", "C(E)TRs",
            [
                new($"{name} C(E)TRs due", [.. due.Select(d => d.Count)]),
                new("Held by the due date", [.. due.Select(d => d.Count(c => c.OnTime))], [.. due.Select(d => d.Count)]),
            ], Breakdown: false);
        }

        return
        [
            new("admissions", "Admissions to a mental health hospital, and how many had a community C(E)TR before them", "Admissions",
            [
                new("Admissions in the month", [.. admitted.Select(a => a.Count)]),
                new("Admissions in the month with a community C(E)TR before them", [.. admitted.Select(a => a.Count(x => x.CommunityCetrHeldBefore))], [.. admitted.Select(a => a.Count)]),
                new("Admissions in the 12 months to the month's end", [.. inYear.Select(a => a.Count)]),
                new("Admissions in the 12 months with a community C(E)TR before them", [.. inYear.Select(a => a.Count(x => x.CommunityCetrHeldBefore))], [.. inYear.Select(a => a.Count)]),
            ], Breakdown: false, Standard: CommunityCetrStandard),
            OnTime(CetrKind.PostAdmission, "post-admission-cetrs", "Post-admission"),
            OnTime(CetrKind.Inpatient, "inpatient-cetrs", "Inpatient"),
            new("length-of-stay", "Length of stay in hospital (days)", "Stay",
            [
                new("Discharges in the month", [.. discharges.Select(d => d.Count)]),
                new("Median length of stay of those discharged", [.. discharges.Select(Median)], [.. discharges.Select(d => d.Count)], Unit: "days"),
                new("In hospital at the month's end", [.. stillIn.Select(d => d.Count)]),
                new("Median days so far of those still in hospital", [.. stillIn.Select(Median)], [.. stillIn.Select(d => d.Count)], Unit: "days"),
            ], Breakdown: false),
        ];
    }

    /// <summary>The median, to the whole day (halves rounded up); 0 of none (the line then shows "–").</summary>
    public static int Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle] + 1) / 2;
    }
}
