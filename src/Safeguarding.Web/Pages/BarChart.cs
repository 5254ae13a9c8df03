using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Safeguarding.Web.Pages;

/// <summary>What a chart's axes and its one series are called, and what a reference line shows (null for none).</summary>
/// <param name="Values">The value axis's label, which is also the series' name in the legend ("Persistent absence rate").</param>
/// <param name="Categories">The category axis's label ("School", "Week beginning").</param>
/// <param name="Reference">The reference line's meaning in the legend ("Rate for all pupils").</param>
public sealed record ChartAxes(string Values, string Categories, string? Reference = null);

/// <summary>
/// A bar chart drawn on the server as SVG: no script, no library. It is a picture of the table the page always shows
/// next to it, which is what screen readers and keyboard users read, so it is marked as an image whose title says so.
/// Every chart shows its title, both axis labels, a legend naming the bars and any reference line, and its figures
/// directly on the bars (percentages to one decimal place, counts as whole numbers), in the GOV.UK font. Labels are
/// never cut: a long one (a school's name) wraps onto more lines. Two layouts: bars across, for groups with long names
/// (the learners' figures), and columns up, for a run of weeks (Operation Encompass timeliness).
/// </summary>
public static class BarChart
{
    private const string Bar = "#1d70b8", Text = "#0b0c0c", Grid = "#b1b4b6", Reference = "#d4351c";
    /// <summary>The compared figures' columns (a year before): GOV.UK's dark grey, distinct from the bars' blue in colour and lightness.</summary>
    private const string Compared = "#505a5f";
    /// <summary>GOV.UK Frontend's font stack, as the page's own text uses it.</summary>
    private const string Font = "&quot;GDS Transport&quot;, arial, sans-serif";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One bar across per group, its figure at its end, and a dashed line at the reference figure if given.</summary>
    public static IHtmlContent Horizontal(string id, string title, IReadOnlyList<(string Label, double Value)> bars, ChartAxes axes, string unit = "%", double? reference = null)
    {
        const int width = 640, labelWidth = 230, valueRoom = 70, lineHeight = 16, rowGap = 10, titleHeight = 28;
        const int barArea = width - labelWidth - valueRoom;
        const int charsPerLine = 30;
        var max = Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), reference ?? 0);
        max = max <= 0 ? 1 : max * 1.1;
        var rows = bars.Select(b => (b.Label, b.Value, Lines: Wrap(b.Label, charsPerLine))).ToList();
        var top = titleHeight + 22;
        var plotHeight = rows.Sum(r => Math.Max(1, r.Lines.Count) * lineHeight + rowGap);
        var legendTop = top + plotHeight + 34;
        var height = legendTop + (reference is null ? 24 : 48);
        var svg = Open(id, title, width, height);
        svg.Append(Inv, $"<text x=\"0\" y=\"{top - 8}\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Categories)}</text>");
        var y = top;
        foreach (var (_, value, lines) in rows)
        {
            var rowHeight = Math.Max(1, lines.Count) * lineHeight;
            svg.Append(Inv, $"<text x=\"{labelWidth - 8}\" y=\"{y + 12}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Text}\" class=\"app-chart__label\">");
            for (var l = 0; l < lines.Count; l++)
                svg.Append(Inv, $"<tspan x=\"{labelWidth - 8}\" dy=\"{(l == 0 ? 0 : lineHeight)}\">{Enc(lines[l])}</tspan>");
            svg.Append("</text>");
            var barWidth = value / max * barArea;
            svg.Append(Inv, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{barWidth:0.#}\" height=\"{rowHeight}\" fill=\"{Bar}\"/>");
            svg.Append(Inv, $"<text x=\"{labelWidth + barWidth + 6:0.#}\" y=\"{y + 12}\" font-size=\"14\" fill=\"{Text}\" class=\"app-chart__value\">{Figure(value, unit)}</text>");
            y += rowHeight + rowGap;
        }
        // The value axis: a baseline with its ends numbered, and its label under it.
        var axisY = top + plotHeight;
        svg.Append(Inv, $"<line x1=\"{labelWidth}\" x2=\"{labelWidth + barArea}\" y1=\"{axisY}\" y2=\"{axisY}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
        svg.Append(Inv, $"<text x=\"{labelWidth}\" y=\"{axisY + 14}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Text}\">{Figure(0, unit)}</text>");
        svg.Append(Inv, $"<text x=\"{labelWidth + barArea}\" y=\"{axisY + 14}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Text}\">{Figure(max, unit)}</text>");
        svg.Append(Inv, $"<text x=\"{labelWidth + barArea / 2}\" y=\"{axisY + 28}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Values)}</text>");
        if (reference is { } r)
        {
            var x = labelWidth + r / max * barArea;
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top - 4}\" y2=\"{axisY}\" stroke=\"{Reference}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        }
        Legend(svg, legendTop, axes, reference, unit);
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// One column up per period on gridlines from nought to the top (<paramref name="max"/>, or just above the largest
    /// figure; whole numbers for counts). A period with no figure has no column; its tooltip says so.
    /// </summary>
    public static IHtmlContent Vertical(string id, string title, IReadOnlyList<(string Label, double? Value)> bars, ChartAxes axes, double? max = null, string unit = "")
    {
        const int width = 640, left = 64, right = 8, titleHeight = 28, plotHeight = 170, lineHeight = 13;
        var counts = unit == "";
        var largest = bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var step = NiceStep((max ?? Math.Max(largest, counts ? 4 : 1)) / 4, counts);
        var scaleTop = max ?? Math.Ceiling(Math.Max(largest, step) / step) * step;
        var plotW = width - left - right;
        var colStep = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        // Label every column when there are few, otherwise about eight labels along the axis.
        var every = bars.Count <= 12 ? 1 : (int)Math.Ceiling(bars.Count / 8.0);
        var charsPerLine = Math.Max(6, (int)(colStep * every / 6.5));
        var labels = bars.Select((b, i) => i % every == 0 ? Wrap(ShortPeriod(b.Label), charsPerLine) : []).ToList();
        var labelLines = Math.Max(1, labels.Max(l => (int?)l.Count) ?? 1);
        var top = titleHeight + 12;
        var axisY = top + plotHeight;
        var legendTop = axisY + 18 + labelLines * lineHeight + 26;
        var height = legendTop + 24;
        var svg = Open(id, title, width, height);
        for (var tick = 0.0; tick <= scaleTop + step / 1000; tick += step)
        {
            var y = axisY - tick / scaleTop * plotHeight;
            svg.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            svg.Append(Inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Text}\" class=\"app-chart__tick\">{Figure(tick, unit)}</text>");
        }
        svg.Append(Inv, $"<text transform=\"rotate(-90)\" x=\"{-(top + plotHeight / 2)}\" y=\"14\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Values)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (value ?? 0) / scaleTop * plotHeight;
            var x = left + i * colStep + colStep * 0.15;
            var w = Math.Max(1, colStep * 0.7);
            svg.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{axisY - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{Bar}\"><title>{Enc(label)}: {(value is null ? "no figure" : Figure(value.Value, unit))}</title></rect>");
            if (labels[i].Count == 0) continue;
            svg.Append(Inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{axisY + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Text}\" class=\"app-chart__label\">");
            for (var l = 0; l < labels[i].Count; l++)
                svg.Append(Inv, $"<tspan x=\"{x + w / 2:0.#}\" dy=\"{(l == 0 ? 0 : lineHeight)}\">{Enc(labels[i][l])}</tspan>");
            svg.Append("</text>");
        }
        svg.Append(Inv, $"<text x=\"{left + plotW / 2}\" y=\"{axisY + 18 + labelLines * lineHeight + 8}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Categories)}</text>");
        Legend(svg, legendTop, axes, null, unit);
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// Two columns up per period, side by side: the period's figure and the one it is compared with (the same month a year
    /// before), on gridlines from nought, counts only. A figure left out (suppressed) has no column; its tooltip says so.
    /// </summary>
    public static IHtmlContent VerticalPairs(string id, string title, IReadOnlyList<(string Label, double? Value, double? Compared)> bars, ChartAxes axes, string comparedName)
    {
        const int width = 640, left = 64, right = 8, titleHeight = 28, plotHeight = 170, lineHeight = 13;
        var largest = bars.SelectMany(b => new[] { b.Value ?? 0, b.Compared ?? 0 }).DefaultIfEmpty(0).Max();
        var step = NiceStep(Math.Max(largest, 4) / 4, true);
        var scaleTop = Math.Ceiling(Math.Max(largest, step) / step) * step;
        var plotW = width - left - right;
        var colStep = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var labels = bars.Select(b => Wrap(b.Label, Math.Max(4, (int)(colStep / 6.5)))).ToList();
        var labelLines = Math.Max(1, labels.Max(l => (int?)l.Count) ?? 1);
        var top = titleHeight + 12;
        var axisY = top + plotHeight;
        var legendTop = axisY + 18 + labelLines * lineHeight + 26;
        var svg = Open(id, title, width, legendTop + 48);
        for (var tick = 0.0; tick <= scaleTop + step / 1000; tick += step)
        {
            var y = axisY - tick / scaleTop * plotHeight;
            svg.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            svg.Append(Inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Text}\" class=\"app-chart__tick\">{Figure(tick, "")}</text>");
        }
        svg.Append(Inv, $"<text transform=\"rotate(-90)\" x=\"{-(top + plotHeight / 2)}\" y=\"14\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Values)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, compared) = bars[i];
            var w = Math.Max(1, colStep * 0.38);
            var x = left + i * colStep + colStep * 0.1;
            foreach (var (figure, colour, name, at) in new[] { (compared, Compared, comparedName, x), (value, Bar, axes.Values, x + w) })
            {
                var h = (figure ?? 0) / scaleTop * plotHeight;
                svg.Append(Inv, $"<rect x=\"{at:0.#}\" y=\"{axisY - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{Enc(label)}, {Enc(name)}: {(figure is null ? "not shown" : Figure(figure.Value, ""))}</title></rect>");
            }
            svg.Append(Inv, $"<text x=\"{x + w:0.#}\" y=\"{axisY + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Text}\" class=\"app-chart__label\">");
            for (var l = 0; l < labels[i].Count; l++)
                svg.Append(Inv, $"<tspan x=\"{x + w:0.#}\" dy=\"{(l == 0 ? 0 : lineHeight)}\">{Enc(labels[i][l])}</tspan>");
            svg.Append("</text>");
        }
        svg.Append(Inv, $"<text x=\"{left + plotW / 2}\" y=\"{axisY + 18 + labelLines * lineHeight + 8}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__axis-label\">{Enc(axes.Categories)}</text>");
        svg.Append(Inv, $"<g class=\"app-chart__legend\"><path d=\"M0 {legendTop - 11}h14v14h-14z\" fill=\"{Bar}\"/>");
        svg.Append(Inv, $"<text x=\"20\" y=\"{legendTop}\" font-size=\"14\" fill=\"{Text}\">{Enc(axes.Values)}</text>");
        svg.Append(Inv, $"<path d=\"M0 {legendTop + 13}h14v14h-14z\" fill=\"{Compared}\"/>");
        svg.Append(Inv, $"<text x=\"20\" y=\"{legendTop + 24}\" font-size=\"14\" fill=\"{Text}\">{Enc(comparedName)}</text></g>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A figure as the chart shows it: counts as whole numbers ("1,204"), percentages to one decimal place.</summary>
    public static string Figure(double value, string unit) =>
        unit == "" ? Math.Round(value).ToString("N0", Inv) : value.ToString("0.0", Inv) + unit;

    /// <summary>The svg element, its accessible name and description, and the visible title.</summary>
    private static StringBuilder Open(string id, string title, int width, int height)
    {
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"app-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" font-family=\"{Font}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Inv, $"<title id=\"{id}-title\">{Enc(title)}</title>");
        svg.Append(Inv, $"<desc id=\"{id}-desc\">The same figures are in the table that follows.</desc>");
        svg.Append(Inv, $"<text x=\"0\" y=\"18\" font-size=\"16\" font-weight=\"bold\" fill=\"{Text}\" class=\"app-chart__title\" aria-hidden=\"true\">{Enc(title)}</text>");
        return svg;
    }

    /// <summary>The legend: a swatch for the bars, and the reference line with its figure when there is one.</summary>
    private static void Legend(StringBuilder svg, int top, ChartAxes axes, double? reference, string unit)
    {
        // The swatch is a path, not a rect: a chart's rects are its bars.
        svg.Append(Inv, $"<g class=\"app-chart__legend\"><path d=\"M0 {top - 11}h14v14h-14z\" fill=\"{Bar}\"/>");
        svg.Append(Inv, $"<text x=\"20\" y=\"{top}\" font-size=\"14\" fill=\"{Text}\">{Enc(axes.Values)}</text>");
        if (reference is { } r)
        {
            var y = top + 24;
            svg.Append(Inv, $"<line x1=\"0\" x2=\"14\" y1=\"{y - 4}\" y2=\"{y - 4}\" stroke=\"{Reference}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
            svg.Append(Inv, $"<text x=\"20\" y=\"{y}\" font-size=\"14\" fill=\"{Text}\">Red dashed line: {Enc(axes.Reference ?? "reference")} ({Figure(r, unit)})</text>");
        }
        svg.Append("</g>");
    }

    /// <summary>1, 2 or 5 times a power of ten at or above <paramref name="rough"/>: gridlines a reader can count along (whole for counts).</summary>
    private static double NiceStep(double rough, bool whole)
    {
        if (rough <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough - 1e-9);
        return whole ? Math.Max(1, Math.Ceiling(step)) : step;
    }

    /// <summary>"Week beginning 3 Mar 2025" under a column is "3 Mar 2025": the axis label says what the dates are.</summary>
    private static string ShortPeriod(string label) =>
        label.StartsWith("Week beginning ", StringComparison.Ordinal) ? label["Week beginning ".Length..] : label;

    /// <summary>A label in lines of at most <paramref name="most"/> characters, broken between words (a longer word keeps its own line): never cut.</summary>
    internal static List<string> Wrap(string label, int most)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > most)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
