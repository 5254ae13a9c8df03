using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NodaTime;
using Safeguarding.Core.People.Chronology;

namespace Safeguarding.Web.Pages.People;

/// <summary>The chronology's modules and links in the users' words and addresses.</summary>
public static class ChronologyWords
{
    public static readonly IReadOnlyList<(ChronologyModule Module, string Key, string Name)> All =
    [
        (ChronologyModule.IncidentsAndNotifications, "incidents", "Police incidents and Operation Encompass notifications"),
        (ChronologyModule.RiskAndMarac, "risk", "DASH, DRAMM decisions and MARAC"),
        (ChronologyModule.HealthFlags, "health-flags", "Health record flags"),
        (ChronologyModule.AttendanceAndRegisters, "attendance", "Attendance, suspensions and registers"),
        (ChronologyModule.ChildProtection, "child-protection", "Child protection plans"),
        (ChronologyModule.Exploitation, "exploitation", "Exploitation: intelligence, missing episodes, screenings and the VRMP"),
    ];

    public static ChronologyModule? ModuleByKey(string? key) =>
        All.Where(m => string.Equals(m.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(m => (ChronologyModule?)m.Module).FirstOrDefault();

    public static string Name(ChronologyModule module) => All.First(m => m.Module == module).Name;

    /// <summary>The page a line leads to.</summary>
    public static string Href(ChronologyLink link) => link.Kind switch
    {
        ChronologyLinkKind.Notification => $"/domestic-abuse/encompass/inbox/{link.Id}",
        ChronologyLinkKind.RiskAssessment => $"/domestic-abuse/dash/{link.Id}/done",
        ChronologyLinkKind.DrammDay => $"/domestic-abuse/dramm?day={link.Detail}",
        ChronologyLinkKind.Meeting => $"/meetings/{link.Id}",
        ChronologyLinkKind.Attendance => link.Detail is null ? $"/learners/children/{link.Id}" : $"/learners/children/{link.Id}?year={link.Detail}",
        ChronologyLinkKind.Incident => $"/domestic-abuse/dramm/incidents/{link.Id}",
        ChronologyLinkKind.HealthFlags => $"/people/{link.Id}#health-flags",
        ChronologyLinkKind.IntelligenceItem => $"/exploitation/intelligence/items/{link.Id}",
        ChronologyLinkKind.MissingEpisode => $"/exploitation/missing/{link.Id}",
        ChronologyLinkKind.ExploitationScreening => $"/exploitation/mace/screenings/{link.Id}",
        ChronologyLinkKind.Vrmp => $"/exploitation/mace/vrmp/{link.Id}",
        ChronologyLinkKind.RothCase => $"/exploitation/roth/{link.Id}",
        ChronologyLinkKind.NavigatorReferral => $"/exploitation/navigator/{link.Id}",
        _ => $"/people/{link.Id}/child-protection-plan",
    };

    public static string Hidden(int hidden) => hidden == 1 ? "1 entry you cannot see" : $"{hidden.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} entries you cannot see";

    public static string Filters(ChronologyOptions options)
    {
        var modules = options.Modules is { } m && m.Count < All.Count ? string.Join("; ", All.Where(a => m.Contains(a.Module)).Select(a => a.Name)) : "all kinds of record";
        var from = options.From is { } f ? Display.Date(f) : null;
        var to = options.To is { } t ? Display.Date(t) : null;
        var dates = (from, to) switch
        {
            (null, null) => "any date",
            (not null, null) => $"from {from}",
            (null, not null) => $"up to {to}",
            _ => $"from {from} to {to}",
        };
        return $"{modules}; {dates}";
    }
}

/// <summary>
/// The chronology as one accessible HTML document for printing to PDF: a language, a title, headings in order, and
/// a table with a caption and header cells, which Chromium keeps as PDF structure tags. Styles are inline and nothing
/// is fetched, so it prints the same on any server.
/// </summary>
public static class ChronologyDocument
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    public static string Html(PersonChronologyView view, string exportedBy, LocalDate exportedOn)
    {
        var p = view.Person;
        var title = $"Chronology: {p.FullName}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{Enc.Encode(title)}</title>");
        html.Append("<style>body{font-family:Arial,'Liberation Sans',sans-serif;font-size:11pt;color:#0b0c0c;line-height:1.35}" +
                    "h1{font-size:20pt;margin:0 0 6pt}h2{font-size:14pt;margin:14pt 0 6pt}.marking{font-weight:bold;letter-spacing:.05em}" +
                    "table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;font-size:12pt;margin-bottom:6pt}" +
                    "th,td{border-bottom:1px solid #b1b4b6;padding:4pt 6pt 4pt 0;text-align:left;vertical-align:top}th{font-weight:bold}" +
                    "tr{break-inside:avoid}dl{display:grid;grid-template-columns:max-content auto;gap:2pt 12pt;margin:0}dt{font-weight:bold}dd{margin:0}</style>");
        html.Append("</head><body>");
        html.Append("<header><p class=\"marking\">OFFICIAL-SENSITIVE: for the strategy meeting only</p>");
        html.Append($"<h1>{Enc.Encode(title)}</h1><dl>");
        Row(html, "Date of birth", p.DateOfBirth is { } dob ? Display.Date(dob) : "Not known");
        Row(html, "NHS number", p.NhsNumber ?? "Not known");
        Row(html, "Shows", ChronologyWords.Filters(view.Options));
        Row(html, "Exported", $"{Display.Date(exportedOn)} by {exportedBy}");
        html.Append("</dl></header><main>");
        html.Append("<h2>Events, newest first</h2>");
        if (view.HiddenCounted && view.Hidden > 0)
            html.Append($"<p>There {(view.Hidden == 1 ? "is" : "are")} also {Enc.Encode(ChronologyWords.Hidden(view.Hidden))}, not shown to the exporter's role. The agencies that hold {(view.Hidden == 1 ? "it" : "them")} can be asked.</p>");
        if (view.Lines.Count == 0)
            html.Append("<p>No events to show.</p>");
        else
        {
            html.Append("<table><caption>Chronology of events</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Agency</th><th scope=\"col\">What happened</th></tr></thead><tbody>");
            foreach (var line in view.Lines)
                html.Append($"<tr><td>{Enc.Encode(Display.Date(line.On))}</td><td>{Enc.Encode(line.Agency)}</td><td>{Enc.Encode(line.What)}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append($"<dt>{Enc.Encode(key)}</dt><dd>{Enc.Encode(value)}</dd>");
}
