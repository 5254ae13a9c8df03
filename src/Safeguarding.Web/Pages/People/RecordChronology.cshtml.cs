using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.People.Chronology;
using Safeguarding.Web.Access;
using Safeguarding.Web.Hosting;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// A person's multi-agency chronology, opened by <see cref="PersonFilter"/> like their record (the read is audited,
/// a refusal answered by the host), filtered by module and dates in the query string (no personal data: module keys
/// and dates), and exported as a tagged PDF for a strategy meeting (audited with its filters).
/// </summary>
public sealed class RecordChronologyModel(CurrentActor current, PersonChronology chronology, PdfPrinter printer, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public List<string> Modules { get; set; } = [];
    [BindProperty(SupportsGet = true)] public DateParts From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateParts To { get; set; } = new();

    public PersonChronologyView? View { get; private set; }
    public Person Person { get; private set; } = null!;
    /// <summary>Why the PDF could not be made, when the server has no Chromium where configuration says.</summary>
    public string? PdfUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Person = HttpContext.Loaded<PersonOpening>().Person;
        if (Person.MergedIntoPersonId is { } kept) return Redirect($"/people/{kept}/chronology");
        if (Read() is not { } options) return Page();
        View = await chronology.ReadAsync(options, await current.ProcessAsync());
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        Person = HttpContext.Loaded<PersonOpening>().Person;
        if (Person.MergedIntoPersonId is { } kept) return Redirect($"/people/{kept}/chronology");
        if (Read() is not { } options) return Page();
        var process = await current.ProcessAsync();
        try
        {
            await printer.StartAsync(HttpContext.RequestAborted);
            var view = await chronology.ExportAsync(options, process);
            var actor = await current.RequireAsync();
            var html = ChronologyDocument.Html(view, actor.Name, SystemClockNow());
            var pdf = await printer.PrintAsync(html, HttpContext.RequestAborted);
            // The file name carries no personal data: it is seen in downloads folders and proxies' logs.
            return File(pdf, "application/pdf", $"chronology-{SystemClockNow():yyyy-MM-dd}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            PdfUnavailable = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            View = await chronology.ReadAsync(options, process);
            return Page();
        }
    }

    /// <summary>The filters as the query gives them, or null (with the errors on the page) when they cannot be used.</summary>
    private ChronologyOptions? Read()
    {
        ModelState.Clear();
        var modules = new HashSet<ChronologyModule>();
        foreach (var key in Modules)
        {
            if (ChronologyWords.ModuleByKey(key) is { } module) modules.Add(module);
            else ModelState.AddModelError(nameof(Modules), "Choose from the kinds of record listed");
        }
        var from = ReadDate(From, nameof(From), "Date from");
        var to = ReadDate(To, nameof(To), "Date to");
        if (from is { } f && to is { } t && f > t)
            ModelState.AddModelError(nameof(To), "Date to must be the same as or after date from");
        return ModelState.IsValid ? new ChronologyOptions(Person, from, to, modules.Count == 0 ? null : modules) : null;
    }

    private LocalDate? ReadDate(DateParts parts, string key, string label)
    {
        if (parts.IsEmpty) return null;
        if (string.IsNullOrWhiteSpace(parts.Day) || string.IsNullOrWhiteSpace(parts.Month) || string.IsNullOrWhiteSpace(parts.Year))
        {
            ModelState.AddModelError(key, $"{label} must include a day, month and year");
            return null;
        }
        if (parts.ToDate() is not { } date)
        {
            ModelState.AddModelError(key, $"{label} must be a real date");
            return null;
        }
        return date;
    }

    private LocalDate SystemClockNow() => clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    /// <summary>The query string of the current filters, for the PDF link and the module links.</summary>
    public string Query()
    {
        var parts = new List<string>();
        foreach (var m in Modules) parts.Add($"modules={Uri.EscapeDataString(m)}");
        void Date(string name, DateParts d)
        {
            if (d.IsEmpty) return;
            parts.Add($"{name}.day={Uri.EscapeDataString(d.Day ?? "")}");
            parts.Add($"{name}.month={Uri.EscapeDataString(d.Month ?? "")}");
            parts.Add($"{name}.year={Uri.EscapeDataString(d.Year ?? "")}");
        }
        Date("from", From);
        Date("to", To);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
