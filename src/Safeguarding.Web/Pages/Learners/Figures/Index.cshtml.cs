using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Figures;

/// <summary>
/// The learners dashboard: the DfE attendance measures, suspensions and SEN for a year, filtered by school and phase,
/// broken down one way at a time, with a chart and the same figures as a table, and a CSV of every breakdown.
/// Figures only: no child is named. A school sees its own figures only.
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db, LearnerAccess access, KnownToSafeguarding knownToSafeguarding) : PageModel
{
    public static readonly Dictionary<string, string> BreakdownNames = new()
    {
        [Breakdown.Phase] = "Phase", [Breakdown.School] = "School", [Breakdown.YearGroup] = "Year group", [Breakdown.Sex] = "Sex",
        [Breakdown.SenProvision] = "SEN provision", [Breakdown.SenPrimaryNeed] = "SEN primary need", [Breakdown.Fsm] = "Free school meals",
        [Breakdown.SafeguardingStatus] = "Known to safeguarding",
    };

    public IReadOnlyDictionary<string, string> Names => BreakdownNames;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    // Nullable: a non-nullable string is implicitly required, so the default page (no breakdown asked for) was a model
    // error, "Error:" in its title. With none, or an unknown one, the page shows the phase.
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    /// <summary>The breakdown shown.</summary>
    public string Chosen => By is not null && BreakdownNames.ContainsKey(By) ? By : Breakdown.Phase;

    public FiguresScope Scope { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];
    public Dictionary<string, string> SchoolNames { get; private set; } = [];
    public AttendanceFigures? Figures { get; private set; }
    public AcademicYear? AcademicYear { get; private set; }

    /// <summary>The council's education lead asks for the export without small-number suppression (docs/learners.md says why only they may).</summary>
    [BindProperty(SupportsGet = true)] public bool Full { get; set; }
    /// <summary>Whether this user may have the unsuppressed export: only a partnership-wide reader of children's attendance.</summary>
    public bool MayExportFull { get; private set; }

    /// <summary>Groups hidden by small-number suppression, per breakdown (and "overall" when the whole selection is small).</summary>
    public Dictionary<string, HashSet<string>> Hidden { get; } = [];

    public bool IsHidden(string breakdown, string group) => Hidden.TryGetValue(breakdown, out var groups) && groups.Contains(group);

    /// <summary>
    /// Groups whose persistent (or severe) absentees are hidden, per breakdown and "overall": a count of 1 to 4 and the
    /// next smallest with it. The rate goes with the count, since the rate beside the enrolments gives the count back.
    /// </summary>
    public Dictionary<string, HashSet<string>> HiddenPersistent { get; } = [];
    public Dictionary<string, HashSet<string>> HiddenSevere { get; } = [];

    public bool IsPersistentHidden(string breakdown, string group) =>
        IsHidden(breakdown, group) || (HiddenPersistent.TryGetValue(breakdown, out var groups) && groups.Contains(group));

    public bool IsSevereHidden(string breakdown, string group) =>
        IsHidden(breakdown, group) || (HiddenSevere.TryGetValue(breakdown, out var groups) && groups.Contains(group));

    /// <summary>Whether the January census headcounts the schools sent are the suspension rates' denominator (not with a phase chosen: a census headcount is the whole school's).</summary>
    public bool UsesCensusHeadcounts { get; private set; }

    /// <summary>The whole selection is fewer than the threshold (a small school, or a phase with few pupils).</summary>
    public bool OverallHidden => IsHidden("overall", "all");

    public string GroupName(string value) =>
        Chosen == Breakdown.School ? SchoolNames.GetValueOrDefault(value, value)
        : Chosen == Breakdown.SenProvision ? value switch { "E" => "EHC plan", "K" => "SEN support", "N" => "No SEN", _ => value }
        : Chosen == Breakdown.Sex ? value switch { "F" => "Female", "M" => "Male", _ => "Not known" }
        : Chosen == Breakdown.YearGroup ? $"Year {value}"
        : value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        return result ?? Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is not null) return result;
        var suppress = !(Full && MayExportFull);
        if (!suppress) await AuditFullExportAsync(ct);
        var csv = new StringBuilder("breakdown,group,enrolments,possible_sessions,present_sessions,authorised_absence_sessions,unauthorised_absence_sessions,persistent_absentees,severe_absentees,overall_absence_rate,authorised_absence_rate,unauthorised_absence_rate,persistent_absence_rate,severe_absence_rate\n");
        if (Figures is not null)
        {
            Row("overall", "all", "all", Figures.Overall, suppress && OverallHidden);
            foreach (var (dimension, groups) in Figures.By)
                foreach (var (value, tally) in groups)
                    Row(dimension, value, dimension == Breakdown.School ? $"{value} {SchoolNames.GetValueOrDefault(value, "")}".Trim() : value, tally, suppress && IsHidden(dimension, value));
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"attendance-{AcademicYear?.StartYear}{(suppress ? "" : "-unsuppressed")}.csv");

        void Row(string dimension, string key, string group, AbsenceTally t, bool hidden)
        {
            if (hidden)
            {
                // Every figure of a hidden group is withheld, the rates too: a rate and any other figure give the count back.
                csv.Append(Cell(dimension)).Append(',').Append(Cell(group)).Append(string.Concat(Enumerable.Repeat("," + SmallNumbers.Hidden, 12))).Append('\n');
                return;
            }
            // A group shown can still have 1 to 4 persistent or severe absentees: that count and its rate are withheld.
            var persistentHidden = suppress && IsPersistentHidden(dimension, key);
            var severeHidden = suppress && IsSevereHidden(dimension, key);
            string Or(bool h, FormattableString v) => h ? SmallNumbers.Hidden : FormattableString.Invariant(v);
            csv.Append(CultureInfo.InvariantCulture,
                $"{Cell(dimension)},{Cell(group)},{t.Enrolments},{t.PossibleSessions},{t.PresentSessions},{t.AuthorisedAbsenceSessions},{t.UnauthorisedAbsenceSessions},{Or(persistentHidden, $"{t.PersistentAbsentees}")},{Or(severeHidden, $"{t.SevereAbsentees}")},{t.OverallAbsenceRate:R},{t.AuthorisedAbsenceRate:R},{t.UnauthorisedAbsenceRate:R},{Or(persistentHidden, $"{t.PersistentAbsenceRate:R}")},{Or(severeHidden, $"{t.SevereAbsenceRate:R}")}\n");
        }
    }

    /// <summary>
    /// Children missing education and electively home educated, as CSV: each register's children at any time in the year,
    /// on each census day and at each month end, overall and known to safeguarding against all others, small numbers hidden.
    /// </summary>
    public async Task<IActionResult> OnGetRegistersCsvAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is not null) return result;
        if (Figures?.Registers is not { } r) return NotFound();
        var suppress = !(Full && MayExportFull);
        if (!suppress) await AuditFullExportAsync(ct);
        var csv = new StringBuilder("register,group,figure,date,children,rate_per_1000\n");
        foreach (var (register, overall, byStatus) in new[]
                 {
                     ("children_missing_education", r.ChildrenMissingEducation, r.ChildrenMissingEducationBySafeguardingStatus),
                     ("elective_home_education", r.ElectiveHomeEducation, r.ElectiveHomeEducationBySafeguardingStatus),
                 })
        {
            var perThousand = register == "children_missing_education";
            foreach (var (group, tally) in new[] { ("all", overall), (Breakdown.Known, byStatus[Breakdown.Known]), (Breakdown.NotKnown, byStatus[Breakdown.NotKnown]) })
            {
                Line(group, "at_any_time", "", tally.AtAnyTime, byStatus, t => t.AtAnyTime);
                for (var i = 0; i < r.CensusDays.Count; i++)
                {
                    var day = i;
                    Line(group, r.CensusDays[i].Name.ToLowerInvariant().Replace(' ', '_'), r.CensusDays[i].Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                        tally.OnCensusDay[i], byStatus, t => t.OnCensusDay[day]);
                }
                for (var i = 0; i < r.MonthEnds.Count; i++)
                {
                    var month = i;
                    Line(group, "month_end", r.MonthEnds[i].ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), tally.AtMonthEnd[i], byStatus, t => t.AtMonthEnd[month]);
                }
            }

            void Line(string group, string figure, string date, long children, IReadOnlyDictionary<string, Core.Learners.Registers.RegisterTally> groups, Func<Core.Learners.Registers.RegisterTally, long> of)
            {
                var hidden = suppress && (group == "all" ? SmallNumbers.IsSmall(children) : RegisterHidden(groups, of).Contains(group));
                var rate = perThousand && r.RatePer1000(children) is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
                csv.Append(CultureInfo.InvariantCulture, $"{register},{Cell(group)},{figure},{date},{(hidden ? SmallNumbers.Hidden : children.ToString(CultureInfo.InvariantCulture))},{(hidden && rate != "" ? SmallNumbers.Hidden : rate)}\n");
            }
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"cme-ehe-{AcademicYear?.StartYear}{(suppress ? "" : "-unsuppressed")}.csv");
    }

    /// <summary>Known to safeguarding and all others for one register figure: hidden in pairs when either is small.</summary>
    public static HashSet<string> RegisterHidden(IReadOnlyDictionary<string, Core.Learners.Registers.RegisterTally> groups, Func<Core.Learners.Registers.RegisterTally, long> of) =>
        SmallNumbers.HiddenGroups(groups.Select(g => KeyValuePair.Create(g.Key, of(g.Value))));

    private async Task AuditFullExportAsync(CancellationToken ct) =>
        await access.RecordUnsuppressedExportAsync(new UnsuppressedExportOptions(AcademicYear?.StartYear), await current.ProcessAsync(ct: ct), ct);

    /// <summary>A cell a spreadsheet will not run as a formula, quoted when it holds a comma or quote.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var scope = await access.FiguresScopeAsync(await current.ProcessAsync(ct: ct), ct);
        Scope = scope;
        if (!scope.WholePartnership) School = scope.OwnUrn;
        else if (string.IsNullOrWhiteSpace(School)) School = null;
        if (Phase is not ("primary" or "secondary")) Phase = null;

        var partnershipId = actor.PartnershipId;
        Years = await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == partnershipId).Select(e => e.AcademicYear).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);
        SchoolNames = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Urn != null)
            .ToDictionaryAsync(o => o.Urn!, o => o.Name, ct);
        if (Years.Count == 0) return null;
        if (Year is null || !Years.Contains(Year.Value)) Year = Years.Count > 1 ? Years[1] : Years[0]; // the last complete year first
        AcademicYear = new AcademicYear(Year.Value);

        var enrolments = await AttendanceStore.EnrolmentsAsync(db, partnershipId, Year.Value, School, ct);
        if (Phase is not null) enrolments = enrolments.Where(e => Breakdown.PhaseOf(e.YearGroup) == Phase).ToList();
        var suspensions = await AttendanceStore.SuspensionsAsync(db, partnershipId, Year.Value, School, ct);
        if (Phase is not null)
        {
            var keys = enrolments.Select(e => (e.Upn, e.Urn)).ToHashSet();
            suspensions = suspensions.Where(s => keys.Contains((s.Upn, s.Urn))).ToList();
        }
        var known = await knownToSafeguarding.LoadAsync(partnershipId, ct);
        var sixthHalfTerms = await SixthHalfTerms.LoadAsync(db, partnershipId, AcademicYear, ct);
        // DfE: suspension rates are over the January census headcount; the schools' own census counts are used where sent.
        UsesCensusHeadcounts = Phase is null;
        var headcounts = UsesCensusHeadcounts ? await Core.Learners.Census.CensusHeadcounts.ForYearAsync(db, partnershipId, Year.Value, School, ct) : null;
        Figures = AttendanceMeasures.Compute(AcademicYear, enrolments, suspensions, known, headcounts, sixthHalfTermStarts: sixthHalfTerms);
        // The council's registers are the partnership's, not a school's: shown to those who see every school.
        if (scope.WholePartnership)
            Figures.Registers = await RegisterMeasures.LoadAsync(db, partnershipId, AcademicYear, known,
                db.Clock.GetCurrentInstant().InZone(Core.Platform.Calendars.SchoolDays.London).Date, ct);
        MayExportFull = LearnerAccess.MayExportUnsuppressed(actor);
        if (Figures.Overall.Enrolments < SmallNumbers.Threshold) Hidden["overall"] = ["all"];
        foreach (var (dimension, groups) in Figures.By)
            Hidden[dimension] = SmallNumbers.HiddenGroups(groups.Select(g => KeyValuePair.Create(g.Key, g.Value.Enrolments)));
        foreach (var (phase, needs) in Figures.Sen.PrimaryNeedsByPhase)
            Hidden["need:" + phase] = SmallNumbers.HiddenGroups(needs);
        HiddenPersistent["overall"] = SmallNumbers.IsSmall(Figures.Overall.PersistentAbsentees) ? ["all"] : [];
        HiddenSevere["overall"] = SmallNumbers.IsSmall(Figures.Overall.SevereAbsentees) ? ["all"] : [];
        foreach (var (dimension, groups) in Figures.By)
        {
            HiddenPersistent[dimension] = SmallNumbers.HiddenGroups(groups.Select(g => KeyValuePair.Create(g.Key, g.Value.PersistentAbsentees)));
            HiddenSevere[dimension] = SmallNumbers.HiddenGroups(groups.Select(g => KeyValuePair.Create(g.Key, g.Value.SevereAbsentees)));
        }
        return null;
    }
}
