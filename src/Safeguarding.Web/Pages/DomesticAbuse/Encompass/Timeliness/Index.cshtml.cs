using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Timeliness;

/// <summary>Operation Encompass timeliness for police and the partnership: figures only, as charts, tables and CSV.</summary>
public sealed class IndexModel(CurrentActor current, EncompassTimeliness timeliness, IClock clock) : PageModel
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public TimelinessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReadPeriod(out var from, out var to)) return Page();
        // The folder lets in anyone with figures; a school's figures are its own, and the service refuses them.
        Report = await timeliness.ReportAsync(new TimelinessOptions(from, to), await current.ProcessAsync("Encompass timeliness"));
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!ReadPeriod(out var from, out var to)) return Page();
        var report = await timeliness.ReportAsync(new TimelinessOptions(from, to), await current.ProcessAsync("Encompass timeliness CSV"));
        var csv = new StringBuilder("breakdown,label,incidents,children,notifications,notified_before_deadline_percent,acknowledged_before_deadline_percent,median_minutes_to_acknowledge,breaches,children_not_matched,median_minutes_police_reported_to_received,median_minutes_received_to_sent\n");
        void Line(string breakdown, TimelinessRow r) => csv.Append(string.Join(',', [
            breakdown, Cell(r.Label), Int(r.Incidents), Int(r.Children), Int(r.Notifications),
            Rate(r, r.NotifiedBeforeDeadlinePercent), Rate(r, r.AcknowledgedBeforeDeadlinePercent), Rate(r, r.MedianMinutesToAcknowledge),
            Int(r.Breaches), Int(r.ChildrenNotMatched), Rate(r, r.MedianMinutesPoliceDelay), Rate(r, r.MedianMinutesToSend)])).Append('\n');
        // Small-number suppression as on the page: a rate or median over 1 to 4 notifications is withheld with them.
        static string Int(int? v) => v is null ? "" : SmallCounts.Count(v, "0");
        string Rate(TimelinessRow r, double? v) => SmallCounts.IsSmall(r.Notifications) ? Core.Learners.Attendance.SmallNumbers.Hidden : Num(v);
        Line("total", report.Total);
        foreach (var r in report.ByWeek) Line("week", r);
        foreach (var r in report.BySetting) Line("setting", r);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"encompass-timeliness-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv");
    }

    /// <summary>A text cell, quoted, with a leading formula character neutralised so a spreadsheet shows it as text.</summary>
    public static string Cell(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Num(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";

    private bool ReadPeriod(out LocalDate from, out LocalDate to)
    {
        var today = clock.GetCurrentInstant().InZone(London).Date;
        from = today.Minus(Period.FromWeeks(12)).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        to = today;
        ModelState.Clear();
        if (!string.IsNullOrWhiteSpace(From))
        {
            var parsed = LocalDatePattern.Iso.Parse(From.Trim());
            if (parsed.Success) from = parsed.Value; else ModelState.AddModelError(nameof(From), "Enter the start date as year-month-day, like 2026-09-01");
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            var parsed = LocalDatePattern.Iso.Parse(To.Trim());
            if (parsed.Success) to = parsed.Value; else ModelState.AddModelError(nameof(To), "Enter the end date as year-month-day, like 2026-12-31");
        }
        if (ModelState.IsValid && to < from) ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        if (ModelState.IsValid && Period.Between(from, to, PeriodUnits.Days).Days > 400) ModelState.AddModelError(nameof(To), "Choose a period of 400 days or fewer");
        From ??= from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ModelState.IsValid;
    }
}
