using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.Pages;

// The responsive table pattern (ADR-005, "Tables on a phone"): a GOV.UK table with the class
// app-table--responsive becomes, below the tablet breakpoint, one card per row with each cell labelled by its column
// (site.css shows the cell's data-label above it). These tag helpers write that data-label from the table's own
// column headers, so a page writes each column's name once, in its <th>. A cell that has a data-label keeps it, and a
// column whose header is only visually hidden (a checkbox column's "Select") gets no label.
// The helpers pass what they know down through TagHelperContext.Items, which each child sees (copy on write), in
// document order: the table starts a list of labels, the head's cells fill it, each row counts its cells.

/// <summary>A table with the class <c>app-table--responsive</c> collects its column headers for its cells' labels.</summary>
[HtmlTargetElement("table")]
public sealed class ResponsiveTableTagHelper : TagHelper
{
    public const string ClassName = "app-table--responsive";

    internal sealed class Columns
    {
        public List<string?> Labels { get; } = [];
    }

    internal sealed class Row
    {
        public int Next { get; set; }
    }

    internal sealed class Head;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // A table inside a responsive one starts afresh: its cells are not the outer table's columns.
        if (ClassOf(context).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ClassName))
            context.Items[typeof(Columns)] = new Columns();
        else context.Items.Remove(typeof(Columns));
        context.Items.Remove(typeof(Row));
        context.Items.Remove(typeof(Head));
    }

    private static string ClassOf(TagHelperContext context)
    {
        if (!context.AllAttributes.TryGetAttribute("class", out var attribute)) return "";
        if (attribute.Value is IHtmlContent html)
        {
            using var writer = new StringWriter();
            html.WriteTo(writer, HtmlEncoder.Default);
            return WebUtility.HtmlDecode(writer.ToString());
        }
        return attribute.Value?.ToString() ?? "";
    }
}

/// <summary>The head of a responsive table: its header cells name the columns.</summary>
[HtmlTargetElement("thead")]
public sealed class ResponsiveTableHeadTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.ContainsKey(typeof(ResponsiveTableTagHelper.Columns)))
            context.Items[typeof(ResponsiveTableTagHelper.Head)] = new ResponsiveTableTagHelper.Head();
    }
}

/// <summary>A row of a responsive table counts its cells from the first column.</summary>
[HtmlTargetElement("tr")]
public sealed class ResponsiveTableRowTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.ContainsKey(typeof(ResponsiveTableTagHelper.Columns)))
            context.Items[typeof(ResponsiveTableTagHelper.Row)] = new ResponsiveTableTagHelper.Row();
    }
}

/// <summary>A cell of a responsive table: in the head it names its column; in the body it is labelled with that name.</summary>
[HtmlTargetElement("th")]
[HtmlTargetElement("td")]
public sealed partial class ResponsiveTableCellTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(typeof(ResponsiveTableTagHelper.Columns), out var found)
            || found is not ResponsiveTableTagHelper.Columns columns
            || !context.Items.TryGetValue(typeof(ResponsiveTableTagHelper.Row), out var inRow)
            || inRow is not ResponsiveTableTagHelper.Row row)
            return;
        var span = context.AllAttributes.TryGetAttribute("colspan", out var colspan)
            && int.TryParse(colspan.Value?.ToString(), out var n) && n > 1 ? n : 1;
        var first = row.Next;
        row.Next += span;
        if (context.Items.ContainsKey(typeof(ResponsiveTableTagHelper.Head)))
        {
            var label = VisibleText((await output.GetChildContentAsync()).GetContent());
            while (columns.Labels.Count < first + span) columns.Labels.Add(null);
            for (var i = first; i < first + span; i++) columns.Labels[i] = label;
            return;
        }
        if (output.Attributes.ContainsName("data-label")) return;
        if (first < columns.Labels.Count && columns.Labels[first] is { Length: > 0 } name)
            output.Attributes.SetAttribute("data-label", name);
    }

    /// <summary>What a sighted reader sees of a header: its text without tags or visually hidden words.</summary>
    internal static string? VisibleText(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(VisuallyHidden().Replace(html, " "), " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("<span class=\"govuk-visually-hidden\">[^<]*</span>")]
    private static partial Regex VisuallyHidden();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
