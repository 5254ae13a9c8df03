using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NodaTime;
using Safeguarding.Core.Assurance.Report;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// An edition of the yearly report as accessible HTML: a table of contents, each section's narrative under its headings,
/// its figures in a table with a caption and header cells, every chart followed by its table, the definitions of every
/// figure, and the partners' sign-offs. The page shows this body inside the service's layout; the PDF prints the same
/// body in a document of its own (language, title, inline styles, nothing fetched), which Chromium tags.
/// In an edition a count of 1 to 4 is written "x"; the draft, for the business manager, shows it.
/// </summary>
public static class EditionDocument
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Period(LocalDate from, LocalDate to) => $"{Display.Date(from)} to {Display.Date(to)}";

    /// <summary>The whole document for printing.</summary>
    public static string Html(EditionView edition)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{Enc.Encode(edition.Snapshot.Title)}</title>");
        html.Append("<style>body{font-family:Arial,'Liberation Sans',sans-serif;font-size:11pt;color:#0b0c0c;line-height:1.35}" +
                    "h1{font-size:20pt;margin:0 0 6pt}h2{font-size:15pt;margin:16pt 0 6pt;break-after:avoid}h3{font-size:12pt;margin:10pt 0 4pt;break-after:avoid}" +
                    "table{border-collapse:collapse;width:100%;margin-bottom:10pt}caption{text-align:left;font-weight:bold;font-size:11pt;margin-bottom:4pt}" +
                    "th,td{border-bottom:1px solid #b1b4b6;padding:3pt 6pt 3pt 0;text-align:left;vertical-align:top}th{font-weight:bold}" +
                    "td.num,th.num{text-align:right}tr{break-inside:avoid}svg{max-width:16cm;break-inside:avoid}a{color:#1d70b8}</style>");
        html.Append("</head><body><main>");
        Body(html, edition);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The body, shown on the edition's page.</summary>
    public static string Body(EditionView edition)
    {
        var html = new StringBuilder();
        Body(html, edition);
        return html.ToString();
    }

    private static void Body(StringBuilder html, EditionView edition)
    {
        var s = edition.Snapshot;
        html.Append($"<h1 class=\"govuk-heading-xl\">{Enc.Encode(s.Title)}</h1>");
        html.Append($"<p class=\"govuk-body-l\">{Enc.Encode(Period(s.From, s.To))}. Edition {edition.Number}, made {Enc.Encode(Display.Time(edition.MadeAt))}. ");
        html.Append(edition.PublishedAt is { } published
            ? $"Published {Enc.Encode(Display.Time(published))}, signed off by the three safeguarding partners.</p>"
            : $"Not yet published: signed off by {edition.SignOffs.Count} of the 3 safeguarding partners.</p>");

        html.Append("<nav aria-labelledby=\"contents\"><h2 class=\"govuk-heading-m\" id=\"contents\">Contents</h2><ol class=\"govuk-list govuk-list--number\">");
        foreach (var section in s.Sections) html.Append($"<li><a class=\"govuk-link\" href=\"#{Enc.Encode(section.Key)}\">{Enc.Encode(section.Title)}</a></li>");
        html.Append("<li><a class=\"govuk-link\" href=\"#definitions\">The figures and their definitions</a></li>");
        html.Append("<li><a class=\"govuk-link\" href=\"#sign-off\">Sign-off</a></li></ol></nav>");

        foreach (var section in s.Sections)
        {
            html.Append($"<section aria-labelledby=\"{Enc.Encode(section.Key)}\"><h2 class=\"govuk-heading-l\" id=\"{Enc.Encode(section.Key)}\">{Enc.Encode(section.Title)}</h2>");
            var figures = section.FigureKeys.Select(s.Figures.Find).OfType<ReportFigure>().ToList();
            Narrative(html, "What this priority set out to do", section.Aim);
            Narrative(html, "What was done", section.WhatWasDone);
            if (figures.Count > 0)
            {
                html.Append("<h3 class=\"govuk-heading-m\">The figures</h3>");
                FigureTable(html, $"Figures: {section.Title}", figures, published: true);
                foreach (var figure in figures.Where(f => f.Series is { Count: > 0 })) Series(html, figure, published: true);
            }
            Quotes(html, section);
            Reviews(html, section);
            Narrative(html, "Developments", section.Developments);
            Narrative(html, "What did not progress", section.DidNotProgress);
            NotProgressed(html, section);
            Narrative(html, "Next year's focus", section.NextYearsFocus);
            if (figures.Count == 0 && section.Quotes is not { Count: > 0 } && section.Reviews is not { Count: > 0 } && section.WhatWasDone is null && section.Developments is null && section.DidNotProgress is null && section.NextYearsFocus is null)
                html.Append("<p class=\"govuk-body\">Nothing was written for this section.</p>");
            html.Append("</section>");
        }

        html.Append("<section aria-labelledby=\"definitions\"><h2 class=\"govuk-heading-l\" id=\"definitions\">The figures and their definitions</h2>");
        html.Append($"<p class=\"govuk-body\">Every figure is computed by the platform from the records it holds, never typed. {Enc.Encode(SmallCounts.Explanation)}</p>");
        Definitions(html, s.Figures.Figures);
        html.Append("</section>");

        html.Append("<section aria-labelledby=\"sign-off\"><h2 class=\"govuk-heading-l\" id=\"sign-off\">Sign-off</h2>");
        if (edition.SignOffs.Count == 0) html.Append("<p class=\"govuk-body\">No partner has signed this edition off yet.</p>");
        else
        {
            html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Signed off by the safeguarding partners</caption>");
            html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Partner</th><th scope=\"col\" class=\"govuk-table__header\">Organisation</th><th scope=\"col\" class=\"govuk-table__header\">Signed by</th><th scope=\"col\" class=\"govuk-table__header\">When</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var o in edition.SignOffs)
                html.Append($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{Enc.Encode(YearlyReports.Describe(o.Partner))}</td><td class=\"govuk-table__cell\">{Enc.Encode(o.Organisation)}</td><td class=\"govuk-table__cell\">{Enc.Encode(o.SignedBy)}</td><td class=\"govuk-table__cell\">{Enc.Encode(Display.Time(o.SignedAt))}</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
    }

    /// <summary>What children and families said, in the words they agreed to share, anonymised when recorded: never a name.</summary>
    private static void Quotes(StringBuilder html, ReportSection section)
    {
        if (section.Quotes is not { Count: > 0 } quotes) return;
        html.Append("<h3 class=\"govuk-heading-m\">In their own words</h3>");
        html.Append("<p class=\"govuk-body\">Children and families agreed to share these words. Names, dates, addresses and schools were taken out when they were recorded.</p>");
        foreach (var q in quotes)
            html.Append($"<blockquote class=\"govuk-inset-text\"><p class=\"govuk-body\">\u201C{Enc.Encode(q.Words)}\u201D</p><p class=\"govuk-body-s\">{Enc.Encode(Source(q))}" +
                        $"{(q.Themes.Count > 0 ? Enc.Encode("; " + string.Join(", ", q.Themes)) : "")}</p></blockquote>");
    }

    private static string Source(SharedQuote quote) => Source(quote.Source, quote.Project);

    public static string Source(Core.Assurance.Voice.VoiceSource source, string? project) => source switch
    {
        Core.Assurance.Voice.VoiceSource.AssessmentOrPlan => "The child's voice in an assessment or plan",
        Core.Assurance.Voice.VoiceSource.Project => $"Young people's feedback{(project is null ? "" : $" ({project})")}",
        _ => "A feedback form",
    };

    /// <summary>The practice reviews by their public reference, as they stood when the edition was made: no child is named.</summary>
    private static void Reviews(StringBuilder html, ReportSection section)
    {
        if (section.Reviews is not { Count: > 0 } reviews) return;
        html.Append("<h3 class=\"govuk-heading-m\">The reviews</h3>");
        html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Child safeguarding practice reviews in the period, by reference</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Reference</th><th scope=\"col\" class=\"govuk-table__header\">Stage</th>" +
                    "<th scope=\"col\" class=\"govuk-table__header\">Notified</th><th scope=\"col\" class=\"govuk-table__header\">Rapid review</th><th scope=\"col\" class=\"govuk-table__header\">Published</th>" +
                    "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric num\">Recommendations done</th></tr></thead><tbody class=\"govuk-table__body\">");
        static string Day(LocalDate? day) => day is { } d ? Display.Date(d) : "Not yet";
        foreach (var r in reviews)
            html.Append($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{Enc.Encode(r.Reference)}</th><td class=\"govuk-table__cell\">{Enc.Encode(r.Stage)}</td>" +
                        $"<td class=\"govuk-table__cell\">{Enc.Encode(Day(r.NotifiedOn))}</td><td class=\"govuk-table__cell\">{Enc.Encode(Day(r.RapidReviewOn))}</td><td class=\"govuk-table__cell\">{Enc.Encode(Day(r.PublishedOn))}</td>" +
                        $"<td class=\"govuk-table__cell govuk-table__cell--numeric num\">{r.RecommendationsDone} of {r.Recommendations}</td></tr>");
        html.Append("</tbody></table>");
    }

    /// <summary>The priority's work-plan actions that did not progress, with their reasons, as frozen in the edition.</summary>
    private static void NotProgressed(StringBuilder html, ReportSection section)
    {
        if (section.NotProgressed is not { Count: > 0 } actions) return;
        if (section.DidNotProgress is null) html.Append("<h3 class=\"govuk-heading-m\">What did not progress</h3>");
        html.Append("<ul class=\"govuk-list govuk-list--bullet\">");
        foreach (var a in actions)
            html.Append($"<li>{Enc.Encode(a.Action)} ({Enc.Encode(a.Owner)}): {Enc.Encode(a.Reason ?? "no reason recorded")}</li>");
        html.Append("</ul>");
    }

    private static void Narrative(StringBuilder html, string heading, string? text)
    {
        if (text is null) return;
        html.Append($"<h3 class=\"govuk-heading-m\">{Enc.Encode(heading)}</h3>");
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append($"<p class=\"govuk-body\">{Enc.Encode(paragraph)}</p>");
    }

    /// <summary>Figures in a table: the period's value, the comparison's and the change, with the periods in the header.</summary>
    public static void FigureTable(StringBuilder html, string caption, IReadOnlyList<ReportFigure> figures, bool published)
    {
        html.Append($"<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{Enc.Encode(caption)}</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Figure</th><th scope=\"col\" class=\"govuk-table__header\">Period</th>" +
                    "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric num\">Value</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric num\">Comparison period</th>" +
                    "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric num\">Change</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var f in figures)
        {
            var change = published && (f.PublishedValue is null && f.Value is not null || f.PublishedComparison is null && f.Comparison is not null) ? null : f.ChangePercent;
            html.Append($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{Enc.Encode(f.Title)}</th>");
            html.Append($"<td class=\"govuk-table__cell\">{Enc.Encode(Period(f.From, f.To))}</td>");
            html.Append($"<td class=\"govuk-table__cell govuk-table__cell--numeric num\">{Enc.Encode(ReportFigure.Write(f.Value, f.Unit, published, f.Base))}</td>");
            html.Append($"<td class=\"govuk-table__cell govuk-table__cell--numeric num\">{Enc.Encode(ReportFigure.Write(f.Comparison, f.Unit, published, f.ComparisonBase))}<br><span class=\"govuk-body-s\">{Enc.Encode(Period(f.ComparisonFrom, f.ComparisonTo))}</span></td>");
            html.Append($"<td class=\"govuk-table__cell govuk-table__cell--numeric num\">{(change is { } c ? Enc.Encode((c > 0 ? "+" : "") + c.ToString("0.0", EnGb) + "%") : "")}</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>A figure's history as a chart, then the same figures as a table.</summary>
    public static void Series(StringBuilder html, ReportFigure figure, bool published)
    {
        var points = figure.Series!.Select(p => (p.Label, Value: published ? ReportFigure.Publishable(p.Value, figure.Unit) : p.Value)).ToList();
        var unit = figure.Unit == FigureUnit.Percentage ? "%" : "";
        html.Append(BarChart.Vertical($"chart-{figure.Key}", $"{figure.Title}, by year", points, new ChartAxes(figure.Title, "Year"), unit: unit).ToString());
        html.Append($"<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{Enc.Encode(figure.Title)}, by year (the chart's figures)</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Year</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric num\">Value</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var p in figure.Series!)
            html.Append($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{Enc.Encode(p.Label)}</th><td class=\"govuk-table__cell govuk-table__cell--numeric num\">{Enc.Encode(ReportFigure.Write(p.Value, figure.Unit, published))}</td></tr>");
        html.Append("</tbody></table>");
    }

    /// <summary>Every figure's definition, periods and sources.</summary>
    public static void Definitions(StringBuilder html, IReadOnlyList<ReportFigure> figures)
    {
        html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Definitions and sources</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Figure</th><th scope=\"col\" class=\"govuk-table__header\">Definition</th><th scope=\"col\" class=\"govuk-table__header\">Source</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var f in figures)
            html.Append($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{Enc.Encode(f.Title)}<br><span class=\"govuk-body-s\">{Enc.Encode(f.Key)}</span></th><td class=\"govuk-table__cell\">{Enc.Encode(f.Definition)}</td><td class=\"govuk-table__cell\">{Enc.Encode(string.Join(", ", f.Sources))}</td></tr>");
        html.Append("</tbody></table>");
    }
}
