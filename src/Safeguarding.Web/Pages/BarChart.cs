using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Safeguarding.Web.Pages;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, no library. It is a picture of the table the page always shows
/// next to it, which is what screen readers and keyboard users read, so it is marked as an image whose title says so.
/// Two layouts: bars across, for groups with long names (the learners' figures), and columns up, for a run of weeks
/// (Operation Encompass timeliness).
/// </summary>
public static class BarChart
{
    private const string Bar = "#1d70b8", Text = "#0b0c0c", Grid = "#b1b4b6", Reference = "#d4351c";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One bar across per group, its figure at its end, and a dashed line at the reference figure if given.</summary>
    public static IHtmlContent Horizontal(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "%", double? reference = null)
    {
        const int labelWidth = 190, barArea = 360, rowHeight = 26, top = 8;
        var max = Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), reference ?? 0);
        max = max <= 0 ? 1 : max * 1.1;
        var height = top + bars.Count * rowHeight + 10;
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"app-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + barArea + 70} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Inv, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(Inv, $"<desc id=\"{id}-desc\">The same figures are in the table that follows.</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + i * rowHeight;
            var width = value / max * barArea;
            svg.Append(Inv, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Text}\">{WebUtility.HtmlEncode(Shorten(label, 26))}</text>");
            svg.Append(Inv, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:F1}\" height=\"{rowHeight - 8}\" fill=\"{Bar}\"/>");
            svg.Append(Inv, $"<text x=\"{labelWidth + width + 6:F1}\" y=\"{y + 17}\" font-size=\"14\" fill=\"{Text}\">{value.ToString("0.0", Inv)}{unit}</text>");
        }
        if (reference is { } r)
        {
            var x = labelWidth + r / max * barArea;
            svg.Append(Inv, $"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"0\" y2=\"{height}\" stroke=\"{Reference}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// One column up per period, on gridlines at nought, half and the top (<paramref name="max"/>, or the largest
    /// figure). A period with no figure has no column; its tooltip says so.
    /// </summary>
    public static IHtmlContent Vertical(string id, string title, IReadOnlyList<(string Label, double? Value)> bars, double? max = null, string unit = "")
    {
        const int width = 640, height = 240, left = 48, bottom = 56, top = 16;
        var scaleTop = max ?? Math.Max(1, bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max());
        var plotW = width - left - 8;
        var plotH = height - bottom - top;
        var step = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title\" class=\"app-chart\">");
        svg.Append(Inv, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)} (the same figures are in the table below)</title>");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            var y = top + plotH - tick * plotH;
            svg.Append(Inv, $"<line x1=\"{left}\" x2=\"{width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            svg.Append(Inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Text}\">{(tick * scaleTop).ToString("0.#", Inv)}{unit}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (value ?? 0) / scaleTop * plotH;
            var x = left + i * step + step * 0.15;
            var w = Math.Max(1, step * 0.7);
            svg.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{Bar}\"><title>{WebUtility.HtmlEncode(label)}: {(value is null ? "no figure" : value.Value.ToString("0.#", Inv) + unit)}</title></rect>");
            // Label every column when there are few, otherwise about eight labels along the axis.
            if (bars.Count <= 12 || i % (int)Math.Ceiling(bars.Count / 8.0) == 0)
            {
                var shortLabel = label.StartsWith("Week beginning ", StringComparison.Ordinal) ? label["Week beginning ".Length..] : Shorten(label, 14);
                svg.Append(Inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Text}\">{WebUtility.HtmlEncode(shortLabel)}</text>");
            }
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A label longer than <paramref name="most"/> characters is cut and ends in an ellipsis.</summary>
    private static string Shorten(string label, int most) => label.Length <= most ? label : label[..(most - 1)] + "…";
}
