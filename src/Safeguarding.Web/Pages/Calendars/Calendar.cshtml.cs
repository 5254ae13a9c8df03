using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Calendars;

/// <summary>
/// One calendar: the council's default (no setting) or a setting's own. Shown to whoever may see it, edited or replaced
/// from a calendar.json by whoever may publish it, downloaded in the command line's format, and checked with a preview
/// of the deadline for an incident reported now or at a time the user types. Reading the text and the file, and the
/// checks before publishing, are the calendar service's (<see cref="SchoolCalendars"/>), the same for every caller.
/// </summary>
[UploadLimit(1024 * 1024, nameof(CalendarFile))]
public sealed class CalendarModel(CurrentActor current, IClock clock, SchoolCalendars calendars) : PageModel
{
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
        await LoadAsync(ct);
        FillFormFromPublished();
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var name = IsDefault ? "calendar.json" : $"calendar-{SettingOrganisation!.Urn ?? SettingOrganisation.Id.ToString()}.json";
        return File(Encoding.UTF8.GetBytes(CalendarRules.ToFile(Effective)), "application/json", name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        RefuseUnlessEditable();
        ModelState.Clear();
        var typed = CalendarText.Read(DayStart, Terms, Closures);
        foreach (var problem in typed.Problems) ModelState.AddModelError(FieldOf(problem.Where), problem.Message);
        if (ModelState.IsValid) await CheckAsync(typed.Terms, typed.Closures, nameof(Terms), nameof(Closures), ct);
        if (!ModelState.IsValid) { Preview(); return Page(); }

        await calendars.PublishAsync(new PublishCalendarOptions(Setting, typed.DayStart, typed.Terms, typed.Closures),
            await current.ProcessAsync("publish a school calendar", ct), ct);
        return RedirectToPage(new { Setting, Saved = true });
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        RefuseUnlessEditable();
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
        await CheckAsync(days.Terms, closures, nameof(CalendarFile), nameof(CalendarFile), ct, $"{name}: ");
        if (!ModelState.IsValid) { Preview(); return Page(); }

        await calendars.PublishAsync(new PublishCalendarOptions(Setting, days.DayStart, days.Terms, closures),
            await current.ProcessAsync("publish a school calendar from a file", ct), ct);
        return RedirectToPage(new { Setting, Saved = true });
    }

    /// <summary>The service's checks before publishing, shown against the field the calendar came from.</summary>
    private async Task CheckAsync(IReadOnlyList<TermDates> terms, IReadOnlyList<LocalDate> closures, string termsField, string closuresField,
        CancellationToken ct, string prefix = "")
    {
        var partnership = (await current.RequireAsync(ct)).PartnershipId;
        foreach (var problem in await calendars.CheckAsync(partnership, Setting, terms, closures, ct))
            ModelState.AddModelError(problem.Where == CalendarText.TermsField ? termsField : closuresField, prefix + problem.Message);
    }

    private static string FieldOf(string where) => where switch
    {
        CalendarText.DayStartField => nameof(DayStart),
        CalendarText.TermsField => nameof(Terms),
        _ => nameof(Closures),
    };

    /// <summary>The deadline for an incident reported now, or at the time typed (ISO 8601 with an offset, or a London time).</summary>
    private void Preview()
    {
        if (string.IsNullOrWhiteSpace(ReportedAt)) PreviewReportedAt = clock.GetCurrentInstant();
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

    private void FillFormFromPublished() => (DayStart, Terms, Closures) = CalendarText.Write(Published);

    private async Task LoadAsync(CancellationToken ct)
    {
        var opening = await calendars.OpenAsync(new OpenCalendarOptions(Setting), await current.ProcessAsync(ct: ct), ct)
            ?? throw new NotFoundException("Organisation", Setting?.ToString());
        (SettingOrganisation, CanEdit, Published, Effective) = (opening.Setting, opening.CanEdit, opening.Published, opening.Effective);
    }

    /// <summary>The form is shown to whoever may see the calendar; only those who may publish it may send it.</summary>
    private void RefuseUnlessEditable()
    {
        if (!CanEdit) throw new ForbiddenException(SchoolCalendars.ResourceType, Setting?.ToString(), "not this setting's calendar");
    }

    public static string Iso(Instant instant) => SchoolDays.FormatInLondon(instant);
}
