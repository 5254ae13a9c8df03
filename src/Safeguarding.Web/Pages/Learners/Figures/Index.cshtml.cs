using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Figures;

/// <summary>
/// The learners dashboard: the DfE attendance measures, suspensions and SEN for a year, filtered by school and phase,
/// broken down one way at a time, with a chart and the same figures as a table, and a CSV of every breakdown.
/// Figures only: no child is named. A school sees its own figures only.
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db, LearnerAccess access) : PageModel
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
    [BindProperty(SupportsGet = true)] public string By { get; set; } = Breakdown.Phase;

    public FiguresScope Scope { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];
    public Dictionary<string, string> SchoolNames { get; private set; } = [];
    public AttendanceFigures? Figures { get; private set; }
    public AcademicYear? AcademicYear { get; private set; }

    public string GroupName(string value) =>
        By == Breakdown.School ? SchoolNames.GetValueOrDefault(value, value)
        : By == Breakdown.SenProvision ? value switch { "E" => "EHC plan", "K" => "SEN support", "N" => "No SEN", _ => value }
        : By == Breakdown.Sex ? value switch { "F" => "Female", "M" => "Male", _ => "Not known" }
        : By == Breakdown.YearGroup ? $"Year {value}"
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
        var csv = new StringBuilder("breakdown,group,enrolments,possible_sessions,present_sessions,authorised_absence_sessions,unauthorised_absence_sessions,persistent_absentees,severe_absentees,overall_absence_rate,authorised_absence_rate,unauthorised_absence_rate,persistent_absence_rate,severe_absence_rate\n");
        if (Figures is not null)
        {
            Row("overall", "all", Figures.Overall);
            foreach (var (dimension, groups) in Figures.By)
                foreach (var (value, tally) in groups) Row(dimension, dimension == Breakdown.School ? $"{value} {SchoolNames.GetValueOrDefault(value, "")}".Trim() : value, tally);
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"attendance-{AcademicYear?.StartYear}.csv");

        void Row(string dimension, string group, AbsenceTally t) => csv.Append(CultureInfo.InvariantCulture,
            $"{Cell(dimension)},{Cell(group)},{t.Enrolments},{t.PossibleSessions},{t.PresentSessions},{t.AuthorisedAbsenceSessions},{t.UnauthorisedAbsenceSessions},{t.PersistentAbsentees},{t.SevereAbsentees},{t.OverallAbsenceRate:R},{t.AuthorisedAbsenceRate:R},{t.UnauthorisedAbsenceRate:R},{t.PersistentAbsenceRate:R},{t.SevereAbsenceRate:R}\n");
    }

    /// <summary>A cell a spreadsheet will not run as a formula, quoted when it holds a comma or quote.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        var scope = await access.FiguresScopeAsync(actor, ct);
        if (scope is null)
        {
            await RequirePermissionAttribute.Denied(HttpContext, current, "AggregateFigures", null, "no school to show figures for");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Scope = scope;
        if (!BreakdownNames.ContainsKey(By)) By = Breakdown.Phase;
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
        var known = await KnownToSafeguarding.LoadAsync(db, partnershipId, ct);
        Figures = AttendanceMeasures.Compute(AcademicYear, enrolments, suspensions, known);
        return null;
    }
}
