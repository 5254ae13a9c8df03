using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Calendars;

/// <summary>
/// One calendar: the council's default (no setting) or a setting's own. Shown to whoever may see it, edited or replaced
/// from a calendar.json by whoever may publish it, downloaded in the command line's format, and checked with a preview
/// of the deadline for an incident reported now or at a time the user types.
/// </summary>
public sealed partial class CalendarModel(CurrentActor current, SafeguardingDbContext db, SchoolCalendars calendars) : PageModel
{
    private static readonly LocalTimePattern TimeInput = LocalTimePattern.CreateWithInvariantCulture("H':'mm");
    private static readonly LocalTimePattern TimeOutput = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    [BindProperty(SupportsGet = true)] public Guid? Setting { get; set; }

    // The form's fields, in the order they come on the page (the error summary follows it).
    [BindProperty] public string? DayStart { get; set; }
    [BindProperty] public string? Terms { get; set; }
    [BindProperty] public string? Closures { get; set; }
    [BindProperty] public IFormFile? CalendarFile { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReportedAt { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public Organisation? SettingOrganisation { get; private set; }
    public bool IsDefault => Setting is null;
    public bool CanEdit { get; private set; }
    public SchoolCalendar? Published { get; private set; }
    /// <summary>The school days the setting follows: its own calendar over the council's.</summary>
    public SchoolDays Effective { get; private set; } = new(SchoolDays.DefaultDayStart, [], []);
    public Instant? PreviewReportedAt { get; private set; }
    public Instant? PreviewDeadline { get; private set; }
    public bool PreviewOutsideTerms { get; private set; }

    public string Title => IsDefault ? "The council's default calendar" : $"{SettingOrganisation?.Name} calendar";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        FillFormFromPublished();
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var name = IsDefault ? "calendar.json" : $"calendar-{SettingOrganisation!.Urn ?? SettingOrganisation.Id.ToString()}.json";
        return File(Encoding.UTF8.GetBytes(CalendarRules.ToFile(Effective)), "application/json", name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!CanEdit) return await ForbidAsync();
        ModelState.Clear();
        LocalTime? dayStart = null;
        if (!string.IsNullOrWhiteSpace(DayStart))
        {
            var parsed = TimeInput.Parse(DayStart.Trim());
            if (parsed.Success) dayStart = parsed.Value;
            else ModelState.AddModelError(nameof(DayStart), $"Enter the time the school day starts as hours and minutes, such as 08:30 ('{DayStart.Trim()}' is not a time)");
        }
        var terms = ReadTerms(Terms);
        var closures = ReadClosures(Closures);
        if (ModelState.IsValid) Check(terms, closures, nameof(Terms), nameof(Closures));
        if (!ModelState.IsValid) { Preview(); return Page(); }

        await calendars.PublishAsync(await current.RequireAsync(ct), Setting, dayStart, terms, closures, await current.ProcessAsync("publish a school calendar", ct), ct);
        return RedirectToPage(new { Setting, Saved = true });
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (!CanEdit) return await ForbidAsync();
        ModelState.Clear();
        FillFormFromPublished();
        var name = Path.GetFileName(CalendarFile?.FileName ?? "");
        if (CalendarFile is null || CalendarFile.Length == 0) ModelState.AddModelError(nameof(CalendarFile), "Select a calendar.json file");
        else if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) ModelState.AddModelError(nameof(CalendarFile), "The selected file must be a JSON file");
        else if (CalendarFile.Length > 1024 * 1024) ModelState.AddModelError(nameof(CalendarFile), "The selected file must be smaller than 1 MB");
        if (!ModelState.IsValid) { Preview(); return Page(); }

        using var buffer = new MemoryStream();
        await CalendarFile!.CopyToAsync(buffer, ct);
        SchoolDays days;
        try { days = Core.Platform.Calendars.CalendarFile.Parse(buffer.ToArray(), name); }
        catch (CalendarFileException e)
        {
            ModelState.AddModelError(nameof(CalendarFile), $"The file cannot be read: {e.Message}");
            Preview();
            return Page();
        }
        var closures = days.Closures.Order().ToList();
        Check(days.Terms, closures, nameof(CalendarFile), nameof(CalendarFile), $"{name}: ");
        if (!ModelState.IsValid) { Preview(); return Page(); }

        await calendars.PublishAsync(await current.RequireAsync(ct), Setting, days.DayStart, days.Terms, closures,
            await current.ProcessAsync("publish a school calendar from a file", ct), ct);
        return RedirectToPage(new { Setting, Saved = true });
    }

    private void Check(IReadOnlyList<TermDates> terms, IReadOnlyList<LocalDate> closures, string termsField, string closuresField, string prefix = "")
    {
        var inherited = IsDefault ? [] : InheritedTerms;
        foreach (var (where, message) in CalendarRules.Check(terms, closures, inherited))
            ModelState.AddModelError(where == "terms" ? termsField : closuresField, prefix + message);
    }

    private IReadOnlyList<TermDates> InheritedTerms { get; set; } = [];

    private List<TermDates> ReadTerms(string? text)
    {
        var terms = new List<TermDates>();
        foreach (var (line, number) in Lines(text))
        {
            var parts = TermSeparator().Split(line);
            if (parts.Length != 2) { ModelState.AddModelError(nameof(Terms), $"Terms, line {number}: write each term as its first and last day, such as 2026-09-03 to 2026-10-23"); continue; }
            var start = LocalDatePattern.Iso.Parse(parts[0]);
            var end = LocalDatePattern.Iso.Parse(parts[1]);
            if (!start.Success || !end.Success)
            {
                ModelState.AddModelError(nameof(Terms), $"Terms, line {number}: '{(start.Success ? parts[1] : parts[0])}' is not a date written YYYY-MM-DD");
                continue;
            }
            if (end.Value < start.Value)
            {
                ModelState.AddModelError(nameof(Terms), $"Terms, line {number}: the term ends ({parts[1]}) before it starts ({parts[0]})");
                continue;
            }
            terms.Add(new TermDates(start.Value, end.Value));
        }
        return terms;
    }

    private List<LocalDate> ReadClosures(string? text)
    {
        var closures = new List<LocalDate>();
        foreach (var (line, number) in Lines(text))
        {
            var parsed = LocalDatePattern.Iso.Parse(line);
            if (parsed.Success) closures.Add(parsed.Value);
            else ModelState.AddModelError(nameof(Closures), $"Closures, line {number}: '{line}' is not a date written YYYY-MM-DD");
        }
        return closures;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0);

    [GeneratedRegex(@"\s+to\s+|\s*,\s*|\s+", RegexOptions.IgnoreCase)]
    private static partial Regex TermSeparator();

    /// <summary>The deadline for an incident reported now, or at the time typed (ISO 8601 with an offset, or a London time).</summary>
    private void Preview()
    {
        if (string.IsNullOrWhiteSpace(ReportedAt)) PreviewReportedAt = db.Clock.GetCurrentInstant();
        else if (OffsetDateTimePattern.ExtendedIso.Parse(ReportedAt.Trim()) is { Success: true } withOffset) PreviewReportedAt = withOffset.Value.ToInstant();
        else if (LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm").Parse(ReportedAt.Trim().Replace('T', ' ')) is { Success: true } local)
            PreviewReportedAt = SchoolDays.London.AtLeniently(local.Value).ToInstant();
        else
        {
            ModelState.AddModelError(nameof(ReportedAt), "Enter when the incident was reported as a date and time, such as 2026-12-24 22:15");
            return;
        }
        var inTerms = Effective.NextDayStartAfter(PreviewReportedAt.Value);
        PreviewOutsideTerms = inTerms is null;
        PreviewDeadline = inTerms ?? Effective.NextWorkingDayStartAfter(PreviewReportedAt.Value);
    }

    private void FillFormFromPublished()
    {
        DayStart = Published?.DayStart is { } t ? TimeOutput.Format(t) : null;
        Terms = Published is null ? null : string.Join('\n', Published.Terms.OrderBy(x => x.Start).Select(x => $"{CalendarRules.Iso(x.Start)} to {CalendarRules.Iso(x.End)}"));
        Closures = Published is null ? null : string.Join('\n', Published.Closures.OrderBy(x => x.Date).Select(x => CalendarRules.Iso(x.Date)));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        if (Setting is { } id)
        {
            var partnership = actor.PartnershipId;
            SettingOrganisation = await db.Organisations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.Id == id && o.PartnershipId == partnership && (o.Type == OrganisationType.School || o.Type == OrganisationType.College), ct);
            if (SettingOrganisation is null) return NotFound();
            // A setting's calendar is its own business and the council's.
            if (!AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Read, new RecordFacts(partnership, id)).Allowed) return await ForbidAsync();
            CanEdit = AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(partnership, id)).Allowed;
            InheritedTerms = (await calendars.ForSettingAsync(partnership, null, ct)).Terms;
        }
        else
        {
            // Every setting follows the default, so every one may see it; only the council publishes it.
            CanEdit = AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(actor.PartnershipId)).Allowed;
        }
        Published = await calendars.PublishedAsync(actor.PartnershipId, Setting, ct);
        Effective = await calendars.ForSettingAsync(actor.PartnershipId, Setting, ct);
        return null;
    }

    private async Task<IActionResult> ForbidAsync()
    {
        throw new ForbiddenException("SchoolCalendar", Setting?.ToString(), "not this setting's calendar");
    }

    public static string Iso(Instant instant) => SchoolDays.FormatInLondon(instant);
}
