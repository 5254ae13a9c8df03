using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Safeguarding.Web.Pages.Learners;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG. It is an image with a title and description; the page always
/// shows the same figures in a table beside it, which is what screen readers and keyboard users read.
/// </summary>
public static class BarChart
{
    public static IHtmlContent Render(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "%", double? reference = null)
    {
        const int labelWidth = 190, barArea = 360, rowHeight = 26, top = 8;
        var max = Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), reference ?? 0);
        max = max <= 0 ? 1 : max * 1.1;
        var height = top + bars.Count * rowHeight + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + barArea + 70} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">The same figures are in the table that follows.</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + i * rowHeight;
            var width = value / max * barArea;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:F1}\" height=\"{rowHeight - 8}\" fill=\"#1d70b8\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelWidth + width + 6:F1}\" y=\"{y + 17}\" font-size=\"14\" fill=\"#0b0c0c\">{value.ToString("0.0", CultureInfo.InvariantCulture)}{unit}</text>");
        }
        if (reference is { } r)
        {
            var x = labelWidth + r / max * barArea;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"0\" y2=\"{height}\" stroke=\"#d4351c\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 26 ? label : label[..25] + "…";
}
