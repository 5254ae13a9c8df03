using System.Collections.Concurrent;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>Absence figures for a group of enrolments: integer sums, and the rates computed from them unrounded.</summary>
public sealed class AbsenceTally
{
    public long Enrolments { get; private set; }
    public long PossibleSessions { get; private set; }
    /// <summary>Present, including approved educational activity.</summary>
    public long PresentSessions { get; private set; }
    public long AuthorisedAbsenceSessions { get; private set; }
    public long UnauthorisedAbsenceSessions { get; private set; }
    public long PersistentAbsentees { get; private set; }
    public long SevereAbsentees { get; private set; }

    public double OverallAbsenceRate => Percent(AuthorisedAbsenceSessions + UnauthorisedAbsenceSessions, PossibleSessions);
    public double AuthorisedAbsenceRate => Percent(AuthorisedAbsenceSessions, PossibleSessions);
    public double UnauthorisedAbsenceRate => Percent(UnauthorisedAbsenceSessions, PossibleSessions);
    public double AttendanceRate => Percent(PresentSessions, PossibleSessions);
    public double PersistentAbsenceRate => Percent(PersistentAbsentees, Enrolments);
    public double SevereAbsenceRate => Percent(SevereAbsentees, Enrolments);

    public void Add(SessionCounts counts)
    {
        Enrolments++;
        PossibleSessions += counts.Possible;
        PresentSessions += counts.Present;
        AuthorisedAbsenceSessions += counts.Authorised;
        UnauthorisedAbsenceSessions += counts.Unauthorised;
        if (counts.IsPersistentAbsentee) PersistentAbsentees++;
        if (counts.IsSevereAbsentee) SevereAbsentees++;
    }

    public void Add(AbsenceTally other)
    {
        Enrolments += other.Enrolments;
        PossibleSessions += other.PossibleSessions;
        PresentSessions += other.PresentSessions;
        AuthorisedAbsenceSessions += other.AuthorisedAbsenceSessions;
        UnauthorisedAbsenceSessions += other.UnauthorisedAbsenceSessions;
        PersistentAbsentees += other.PersistentAbsentees;
        SevereAbsentees += other.SevereAbsentees;
    }

    internal static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;
}

/// <summary>Suspensions and permanent exclusions for a group, as rates per 100 pupils on the January census.</summary>
public sealed class SuspensionTally
{
    public long Headcount { get; internal set; }
    public long Suspensions { get; internal set; }
    public long PupilsSuspended { get; internal set; }
    public long PermanentExclusions { get; internal set; }
    public long SessionsLost { get; internal set; }

    /// <summary>Suspensions per 100 pupils on roll at the January census.</summary>
    public double SuspensionRate => AbsenceTally.Percent(Suspensions, Headcount);
    public double OneOrMoreSuspensionRate => AbsenceTally.Percent(PupilsSuspended, Headcount);
    public double PermanentExclusionRate => AbsenceTally.Percent(PermanentExclusions, Headcount);
}

/// <summary>Special educational needs of the pupils on roll at the January census (all ages).</summary>
public sealed class SenTally
{
    public long Pupils { get; internal set; }
    public long EhcPlans { get; internal set; }
    public long SenSupport { get; internal set; }
    public double EhcPlanPercent => AbsenceTally.Percent(EhcPlans, Pupils);
    public double SenSupportPercent => AbsenceTally.Percent(SenSupport, Pupils);
    /// <summary>Phase, then primary need, then the number of pupils with that need.</summary>
    public SortedDictionary<string, SortedDictionary<string, long>> PrimaryNeedsByPhase { get; } = new(StringComparer.Ordinal);
}

/// <summary>The names of the breakdowns, as used in exports and filters.</summary>
public static class Breakdown
{
    public const string School = "school";
    public const string Phase = "phase";
    public const string YearGroup = "year_group";
    public const string Sex = "sex";
    public const string SenProvision = "sen_provision";
    public const string SenPrimaryNeed = "sen_primary_need";
    public const string Fsm = "fsm";
    public const string SafeguardingStatus = "safeguarding_status";

    public static readonly string[] All = [School, Phase, YearGroup, Sex, SenProvision, SenPrimaryNeed, Fsm, SafeguardingStatus];

    public const string Known = "known to safeguarding";
    public const string NotKnown = "all others";

    /// <summary>The phase a year group belongs to.</summary>
    public static string PhaseOf(string yearGroup) => yearGroup switch
    {
        "N1" or "N2" or "R" or "1" or "2" or "3" or "4" or "5" or "6" => "primary",
        "7" or "8" or "9" or "10" or "11" => "secondary",
        "12" or "13" or "14" => "sixth form",
        _ => "other",
    };
}

/// <summary>Every measure for one academic year, overall and by every breakdown.</summary>
public sealed class AttendanceFigures
{
    public required AcademicYear Year { get; init; }
    public required AbsenceTally Overall { get; init; }
    /// <summary>Breakdown name, then the group's value, then its figures.</summary>
    public required IReadOnlyDictionary<string, SortedDictionary<string, AbsenceTally>> By { get; init; }
    public required SuspensionTally Suspensions { get; init; }
    public required IReadOnlyDictionary<string, SuspensionTally> SuspensionsBySchool { get; init; }
    public required IReadOnlyDictionary<string, SuspensionTally> SuspensionsBySafeguardingStatus { get; init; }
    public required SenTally Sen { get; init; }
    /// <summary>Children missing education and electively home educated: read from the council's registers, not the marks, so filled in by the caller.</summary>
    public Registers.RegisterFigures? Registers { get; set; }

    public IReadOnlyDictionary<string, AbsenceTally> Schools => By[Breakdown.School];
}

/// <summary>
/// Computes the DfE measures from enrolments held in memory. Pure code: the CLI feeds it from files, the product
/// from the database, the benchmark from both.
/// </summary>
public static class AttendanceMeasures
{
    public static AttendanceFigures Compute(AcademicYear year, IReadOnlyList<Enrolment> enrolments,
        IReadOnlyList<Suspension>? suspensions = null, IReadOnlySet<Guid>? knownToSafeguarding = null,
        IReadOnlyDictionary<string, int>? januaryHeadcounts = null, IReadOnlyDictionary<string, int>? sixthHalfTermStarts = null)
    {
        knownToSafeguarding ??= new HashSet<Guid>();
        var partials = new ConcurrentBag<Partial>();
        // Chunks large enough that each thread's dictionaries are reused over many enrolments.
        var chunk = Math.Max(4096, enrolments.Count / (Environment.ProcessorCount * 4) + 1);
        Parallel.For(0, (enrolments.Count + chunk - 1) / chunk, () => new Partial(), (c, _, partial) =>
        {
            var end = Math.Min(enrolments.Count, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                var e = enrolments[i];
                if (SessionCountsFor(year, e, sixthHalfTermStarts) is not { } counts) continue;
                partial.Overall.Add(counts);
                var known = e.PersonId is { } id && knownToSafeguarding.Contains(id);
                // In the order of Breakdown.All.
                partial.Add(0, e.Urn, counts);
                partial.Add(1, Breakdown.PhaseOf(e.YearGroup), counts);
                partial.Add(2, e.YearGroup, counts);
                partial.Add(3, e.Sex, counts);
                partial.Add(4, e.SenProvision, counts);
                partial.Add(5, e.SenPrimaryNeed ?? "none", counts);
                partial.Add(6, e.Fsm ? "eligible" : "not eligible", counts);
                partial.Add(7, known ? Breakdown.Known : Breakdown.NotKnown, counts);
            }
            return partial;
        }, partials.Add);

        var overall = new AbsenceTally();
        var by = Breakdown.All.ToDictionary(b => b, _ => new SortedDictionary<string, AbsenceTally>(StringComparer.Ordinal));
        foreach (var p in partials)
        {
            overall.Add(p.Overall);
            for (var d = 0; d < Breakdown.All.Length; d++)
                foreach (var (value, tally) in p.Groups[d])
                {
                    var dimension = Breakdown.All[d];
                    if (!by[dimension].TryGetValue(value, out var total)) by[dimension][value] = total = new AbsenceTally();
                    total.Add(tally);
                }
        }

        var (suspensionTotal, bySchool, byStatus, sen) = CensusMeasures(year, enrolments, suspensions ?? [], knownToSafeguarding, januaryHeadcounts);
        return new AttendanceFigures
        {
            Year = year, Overall = overall, By = by, Suspensions = suspensionTotal, SuspensionsBySchool = bySchool,
            SuspensionsBySafeguardingStatus = byStatus, Sen = sen,
        };
    }

    /// <summary>The enrolment's counts under the methodology, or null when it does not count.</summary>
    /// <param name="sixthHalfTermStarts">School (URN) to the first session of its own sixth half term (<see cref="SixthHalfTerms"/>); a school not in it has the year's default.</param>
    public static SessionCounts? SessionCountsFor(AcademicYear year, Enrolment e, IReadOnlyDictionary<string, int>? sixthHalfTermStarts = null) =>
        AttendanceRules.Measure(year, e.DateOfBirth, e.Sessions,
            sixthHalfTermStarts is not null && sixthHalfTermStarts.TryGetValue(e.Urn, out var start) ? start : null);

    /// <summary>On roll on the census day: a mark other than "not on roll yet" (Z) on either session.</summary>
    public static bool OnRollAtCensus(AcademicYear year, Enrolment e) => OnRollAt(e.Sessions, year.SessionIndex(year.JanuaryCensusDay, afternoon: false));

    private static readonly byte NotOnRollYet = SessionCodes.ToByte("Z");

    private static bool OnRollAt(byte[] sessions, int censusAm) => IsOnRoll(sessions, censusAm) || IsOnRoll(sessions, censusAm + 1);

    private static bool IsOnRoll(byte[] s, int i) => i >= 0 && i < s.Length && s[i] != SessionCodes.None && s[i] != NotOnRollYet;

    private static (SuspensionTally, Dictionary<string, SuspensionTally>, Dictionary<string, SuspensionTally>, SenTally) CensusMeasures(
        AcademicYear year, IReadOnlyList<Enrolment> enrolments, IReadOnlyList<Suspension> suspensions, IReadOnlySet<Guid> known,
        IReadOnlyDictionary<string, int>? januaryHeadcounts)
    {
        var total = new SuspensionTally();
        var bySchool = new Dictionary<string, SuspensionTally>(StringComparer.Ordinal);
        var byStatus = new Dictionary<string, SuspensionTally> { [Breakdown.Known] = new(), [Breakdown.NotKnown] = new() };
        var sen = new SenTally();
        var census = year.SessionIndex(year.JanuaryCensusDay, afternoon: false);
        foreach (var e in enrolments)
        {
            if (!OnRollAt(e.Sessions, census)) continue;
            var school = School(bySchool, e.Urn);
            school.Headcount++;
            byStatus[e.PersonId is { } p && known.Contains(p) ? Breakdown.Known : Breakdown.NotKnown].Headcount++;
            sen.Pupils++;
            if (e.SenProvision == "E") sen.EhcPlans++;
            else if (e.SenProvision == "K") sen.SenSupport++;
            if (e.SenProvision is "E" or "K")
            {
                var phase = Breakdown.PhaseOf(e.YearGroup);
                if (!sen.PrimaryNeedsByPhase.TryGetValue(phase, out var needs)) sen.PrimaryNeedsByPhase[phase] = needs = new(StringComparer.Ordinal);
                var need = e.SenPrimaryNeed ?? "NSA";
                needs[need] = needs.GetValueOrDefault(need) + 1;
            }
        }
        if (januaryHeadcounts is not null)
            foreach (var (urn, headcount) in januaryHeadcounts) School(bySchool, urn).Headcount = headcount;

        // Only a suspension that came without its person needs its enrolment looked up.
        Dictionary<(string Upn, string Urn), Guid?>? personByEnrolment = null;
        var pupilsSuspended = new HashSet<string>(StringComparer.Ordinal);
        var pupilsSuspendedAtSchool = new HashSet<(string, string)>();
        var pupilsSuspendedByStatus = new HashSet<(string, string)>();
        foreach (var s in suspensions.Where(s => s.AcademicYear == year.StartYear))
        {
            if (s.PersonId is null && personByEnrolment is null)
            {
                personByEnrolment = [];
                foreach (var e in enrolments) personByEnrolment.TryAdd((e.Upn, e.Urn), e.PersonId);
            }
            var person = s.PersonId ?? personByEnrolment!.GetValueOrDefault((s.Upn, s.Urn));
            var status = person is { } p && known.Contains(p) ? Breakdown.Known : Breakdown.NotKnown;
            var school = School(bySchool, s.Urn);
            var group = byStatus[status];
            foreach (var tally in new[] { total, school, group })
            {
                if (s.Permanent) tally.PermanentExclusions++;
                else tally.Suspensions++;
                tally.SessionsLost += s.Sessions;
            }
            if (s.Permanent) continue;
            if (pupilsSuspended.Add(s.Upn)) total.PupilsSuspended++;
            if (pupilsSuspendedAtSchool.Add((s.Urn, s.Upn))) school.PupilsSuspended++;
            if (pupilsSuspendedByStatus.Add((status, s.Upn))) group.PupilsSuspended++;
        }
        total.Headcount = bySchool.Values.Sum(t => t.Headcount);
        return (total, bySchool, byStatus, sen);

        static SuspensionTally School(Dictionary<string, SuspensionTally> bySchool, string urn)
        {
            if (!bySchool.TryGetValue(urn, out var t)) bySchool[urn] = t = new SuspensionTally();
            return t;
        }
    }

    private sealed class Partial
    {
        public AbsenceTally Overall { get; } = new();
        public Dictionary<string, AbsenceTally>[] Groups { get; } =
            [.. Breakdown.All.Select(_ => new Dictionary<string, AbsenceTally>(StringComparer.Ordinal))];

        public void Add(int dimension, string value, SessionCounts counts)
        {
            var groups = Groups[dimension];
            if (!groups.TryGetValue(value, out var tally)) groups[value] = tally = new AbsenceTally();
            tally.Add(counts);
        }
    }
}
