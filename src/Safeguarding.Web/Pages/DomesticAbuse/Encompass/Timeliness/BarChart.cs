using System.Globalization;
using System.Net;
using System.Text;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Timeliness;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, no library. It is a picture of the table next to it (which
/// screen readers are pointed to), so it is marked as an image with a title that says so.
/// </summary>
public static class BarChart
{
    public static string Svg(string id, string title, IReadOnlyList<(string Label, double? Value)> bars, double? max = null, string unit = "")
    {
        const int width = 640, height = 240, left = 48, bottom = 56, top = 16;
        var inv = CultureInfo.InvariantCulture;
        var top_ = max ?? Math.Max(1, bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max());
        var plotW = width - left - 8;
        var plotH = height - bottom - top;
        var step = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title\" class=\"app-chart\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)} (the same figures are in the table below)</title>");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            var y = top + plotH - tick * plotH;
            sb.Append(inv, $"<line x1=\"{left}\" x2=\"{width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{(tick * top_).ToString("0.#", inv)}{unit}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (value ?? 0) / top_ * plotH;
            var x = left + i * step + step * 0.15;
            var w = Math.Max(1, step * 0.7);
            sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"#1d70b8\"><title>{WebUtility.HtmlEncode(label)}: {(value is null ? "no figure" : value.Value.ToString("0.#", inv) + unit)}</title></rect>");
            // Label every bar when there are few, otherwise about eight labels along the axis.
            if (bars.Count <= 12 || i % (int)Math.Ceiling(bars.Count / 8.0) == 0)
                sb.Append(inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(Short(label))}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Short(string label) => label.StartsWith("Week beginning ", StringComparison.Ordinal) ? label["Week beginning ".Length..] : label.Length > 14 ? label[..13] + "…" : label;
}

/// <summary>A table of timeliness rows with its caption and first column's heading.</summary>
public sealed record TimelinessTable(string Caption, IReadOnlyList<Safeguarding.Core.DomesticAbuse.Encompass.TimelinessRow> Rows, string First);
