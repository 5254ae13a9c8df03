using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguarding.Web.Pages;

public static class FormFields
{
    /// <summary>The element id for a model-state key: "Input.Email" becomes "Input_Email", as the tag helpers make it.</summary>
    public static string IdFor(string key) => TagBuilder.CreateSanitizedId(key, "_");

    /// <summary>
    /// Every error, in the order its field is declared on the page model, which is the order the fields come in the form.
    /// ModelStateDictionary enumerates as a prefix tree, not in the order the errors were added, so it cannot be used as is.
    /// </summary>
    public static IEnumerable<(string Key, string Message)> ErrorsInFieldOrder(ModelStateDictionary state, object? model) =>
        state.Where(e => e.Value!.Errors.Count > 0)
            .Select((e, i) => (e.Key, Entry: e.Value!, Index: i))
            .OrderBy(e => FieldPosition(model?.GetType(), e.Key), StringComparer.Ordinal).ThenBy(e => e.Index)
            .SelectMany(e => e.Entry.Errors.Select(error => (e.Key, error.ErrorMessage)));

    /// <summary>"Input.Email" on a model declaring Input third, whose type declares Email first: "002.000".</summary>
    private static string FieldPosition(Type? type, string key)
    {
        var positions = new List<string>();
        foreach (var segment in key.Split('.'))
        {
            var name = segment.Split('[')[0];
            var properties = type?.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .OrderBy(p => p.MetadataToken).ToList() ?? [];
            var index = properties.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0) { positions.Add("999"); break; }
            positions.Add(index.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            type = properties[index].PropertyType;
        }
        return string.Join('.', positions);
    }

    public static string? ErrorFor(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>
/// A GOV.UK text input with its label, hint and error message: <c>&lt;govuk-input for="Input.Email" label="Email address" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    public bool Spellcheck { get; set; }
    public bool LabelIsPageHeading { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FormFields.IdFor(name);
        var error = FormFields.ErrorFor(ViewContext.ModelState, name);
        var attempted = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;
        var value = Type == "password" ? null : attempted ?? For.Model?.ToString();
        var enc = HtmlEncoder.Default;
        var describedBy = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : "")}\" for=\"{id}\">{enc.Encode(Label)}</label>";
        html.Append(LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null)
        {
            html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (error is not null)
        {
            html.Append($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(error)}</p>");
            describedBy.Add($"{id}-error");
        }
        var classes = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}") + (error is null ? "" : " govuk-input--error");
        html.Append($"<input class=\"{classes}\" id=\"{id}\" name=\"{enc.Encode(name)}\" type=\"{Type}\"");
        if (value is not null) html.Append($" value=\"{enc.Encode(value)}\"");
        if (Autocomplete is not null) html.Append($" autocomplete=\"{Autocomplete}\"");
        if (!Spellcheck && Type is "text" or "email") html.Append(" spellcheck=\"false\"");
        if (describedBy.Count > 0) html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        html.Append('>');
        output.Content.SetHtmlContent(html.ToString());
    }
}
