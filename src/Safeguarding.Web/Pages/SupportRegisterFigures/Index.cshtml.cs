using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegisterFigures;

/// <summary>
/// The Dynamic Support Register's monthly figures for the ICB and the partnership: each table drawn as a chart beside it
/// and downloadable as CSV. A count of 1 to 4 is "x" in the tables and the CSV and left out of the charts; in a breakdown,
/// enough other parts of that month are hidden with it that none can be worked out from the rest. No child is named, and
/// the service refuses anyone who is neither the complex-needs unit nor a reader of the partnership's figures.
/// </summary>
public sealed class IndexModel(CurrentActor current, RegisterFigures figures) : PageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public RegisterFiguresReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await figures.BuildAsync(new RegisterFiguresOptions(), await current.ProcessAsync("Dynamic Support Register figures", ct), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var process = await current.ProcessAsync("Dynamic Support Register figures (CSV)", ct);
        Report = await figures.BuildAsync(new RegisterFiguresOptions(), process, ct);
        await figures.RecordExportAsync(Report, process, ct);
        return File(Encoding.UTF8.GetBytes(Csv(Report)), "text/csv", $"support-register-figures-{Report.First:yyyy-MM}-to-{Report.Last:yyyy-MM}.csv");
    }

    /// <summary>A table's title as its caption and the CSV name it: with its standard, where it has one.</summary>
    public static string Caption(MonthlyTable table) => table.Standard is { } standard ? $"{table.Title} (standard: {standard:0}%)" : table.Title;

    public static string MonthName(YearMonth month) => month.ToString("MMM yyyy", EnGb);

    /// <summary>Every figure on its own line, as the page shows it (suppressed alike).</summary>
    public static string Csv(RegisterFiguresReport report)
    {
        var csv = new StringBuilder("table,category,month,value\n");
        foreach (var table in report.Tables)
        {
            var cell = Cells(table, "0");
            foreach (var row in table.Rows)
                for (var i = 0; i < report.Months.Count; i++)
                    csv.Append(string.Join(',', new[] { Caption(table), row.Label, report.Months[i].ToString("yyyy-MM", CultureInfo.InvariantCulture), cell(row, i) }.Select(Quote))).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>
    /// A table's cells as shown: a count of 1 to 4 is "x", and so are the parts of a breakdown hidden with one in that
    /// month; a percentage or a median is "x" when its base is 1 to 4 (the count would follow from it) and "–" when there is nothing to measure.
    /// </summary>
    public static Func<MonthlyRow, int, string> Cells(MonthlyTable table, string format = "N0")
    {
        var hidden = Hidden(table);
        return (row, i) =>
        {
            if (hidden[i].Contains(row.Label)) return SmallNumbers.Hidden;
            if (row is { Bases: { } over, Unit: not null })
                return over[i] == 0 ? SmallCounts.Count(null) : SmallCounts.IsSmall(over[i]) ? SmallNumbers.Hidden : row.Counts[i].ToString(format, CultureInfo.InvariantCulture);
            if (row.Bases is { } bases)
                return bases[i] == 0 ? SmallCounts.Count(null) : SmallCounts.IsSmall(bases[i]) ? SmallNumbers.Hidden
                    : (100.0 * row.Counts[i] / bases[i]).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            return SmallCounts.Count(row.Counts[i], format);
        };
    }

    /// <summary>A line's figure for a chart: null (no column) when the table shows it as x or there is nothing to measure.</summary>
    public static double? Bar(MonthlyTable table, MonthlyRow row, int month)
    {
        var shown = Cells(table, "0")(row, month);
        if (shown == SmallNumbers.Hidden || shown == SmallCounts.Count(null)) return null;
        return row.Unit is not null ? row.Counts[month] : row.Bases is { } bases ? 100.0 * row.Counts[month] / bases[month] : row.Counts[month];
    }

    /// <summary>For each month, the parts of a breakdown to hide (none for a table of separate lines).</summary>
    private static List<HashSet<string>> Hidden(MonthlyTable table) =>
        [.. Enumerable.Range(0, table.Rows.Count == 0 ? 0 : table.Rows[0].Counts.Count).Select(i => table.Breakdown
            ? SmallNumbers.HiddenGroups(table.Rows.Where(r => !r.IsTotal).Select(r => KeyValuePair.Create(r.Label, (long)r.Counts[i])))
            : [])];

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
