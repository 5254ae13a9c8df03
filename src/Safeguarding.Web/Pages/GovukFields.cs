using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NodaTime;

namespace Safeguarding.Web.Pages;

// GOV.UK Frontend form fields and summary-list rows, written as tag helpers because we write the design system's
// markup ourselves (ADR-005). Each field draws its form group, label or legend, hint and error message, and points
// the control at the hint and the error with aria-describedby. The ids follow the field's name, "<id>-hint" and
// "<id>-error", which is where the error summary's links go.

/// <summary>What every field shares: its name (from <c>for</c>, or <c>name</c> when it is no page property), hint and error.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    protected static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    [HtmlAttributeName("for")] public ModelExpression? For { get; set; }
    public string? Name { get; set; }
    public string? Hint { get; set; }
    /// <summary>Show every error on the field, not only the first (fields checked line by line).</summary>
    public bool EveryError { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    protected string FieldName => For?.Name ?? Name ?? throw new InvalidOperationException("A GOV.UK field needs for=\"...\" or name=\"...\".");
    protected string Id => FormFields.IdFor(FieldName);
    protected string? Error => EveryError ? FormFields.EveryErrorFor(ViewContext.ModelState, FieldName) : FormFields.ErrorFor(ViewContext.ModelState, FieldName);

    /// <summary>The form group, with the error class when the field has an error.</summary>
    protected void FormGroup(TagHelperOutput output, string? error)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
    }

    /// <summary>The hint and the error message, in that order, and the ids a control's aria-describedby names.</summary>
    protected string HintAndError(StringBuilder html, string? error, string hintClass = "govuk-hint")
    {
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            html.Append($"<div id=\"{Id}-hint\" class=\"{hintClass}\">{Enc.Encode(Hint)}</div>");
            describedBy.Add($"{Id}-hint");
        }
        if (error is not null)
        {
            html.Append(GovukErrorMessageTagHelper.Markup(Id, error));
            describedBy.Add($"{Id}-error");
        }
        return describedBy.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', describedBy)}\"";
    }
}

/// <summary>A field with a label above its control (input, textarea, select, file upload).</summary>
public abstract class GovukLabelledFieldTagHelper : GovukFieldTagHelper
{
    public required string Label { get; set; }
    /// <summary>The label's size, such as "govuk-label--s".</summary>
    public string? LabelClass { get; set; }
    /// <summary>The label is the page's h1 (a one-question page); it is large unless a label class says otherwise.</summary>
    public bool LabelIsPageHeading { get; set; }

    protected void AppendLabel(StringBuilder html)
    {
        var size = LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null);
        var label = $"<label class=\"govuk-label{(size is null ? "" : " " + size)}\" for=\"{Id}\">{Enc.Encode(Label)}</label>";
        html.Append(LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
    }

    protected static string Classes(string block, string? extra, string? error) =>
        block + (extra is null ? "" : " " + extra) + (error is null ? "" : $" {block}--error");
}

/// <summary>
/// A GOV.UK text input: <c>&lt;govuk-input for="Input.Email" label="Email address" type="email" /&gt;</c>.
/// Text, email and url inputs do not check spelling unless <c>spellcheck="true"</c>.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukLabelledFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    /// <summary>The input's width in characters, such as "10" for govuk-input--width-10.</summary>
    public string? Width { get; set; }
    public bool Spellcheck { get; set; }
    /// <summary>The value to show, when it is not the page property's.</summary>
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var attempted = ViewContext.ModelState.TryGetValue(FieldName, out var entry) ? entry.AttemptedValue : null;
        var value = Type == "password" ? null : Value ?? attempted ?? For?.Model?.ToString();
        FormGroup(output, error);
        var html = new StringBuilder();
        AppendLabel(html);
        var describedBy = HintAndError(html, error);
        html.Append($"<input class=\"{Classes("govuk-input", Width is null ? null : $"govuk-input--width-{Width}", error)}\" id=\"{Id}\" name=\"{Enc.Encode(FieldName)}\" type=\"{Type}\"");
        if (value is not null) html.Append($" value=\"{Enc.Encode(value)}\"");
        if (Autocomplete is not null) html.Append($" autocomplete=\"{Autocomplete}\"");
        if (!Spellcheck && Type is "text" or "email" or "url") html.Append(" spellcheck=\"false\"");
        html.Append(describedBy).Append('>');
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>A GOV.UK textarea: <c>&lt;govuk-textarea for="Reason" label="Why?" label-class="govuk-label--s" rows="3" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukLabelledFieldTagHelper
{
    public int Rows { get; set; } = 5;
    /// <summary>Set false for text that is not prose (dates, JSON).</summary>
    public bool? Spellcheck { get; set; }
    /// <summary>More classes for the textarea, such as "app-code".</summary>
    public string? TextareaClass { get; set; }
    /// <summary>The text to show, when it is not the page property's.</summary>
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        FormGroup(output, error);
        var html = new StringBuilder();
        AppendLabel(html);
        var describedBy = HintAndError(html, error);
        html.Append($"<textarea class=\"{Classes("govuk-textarea", TextareaClass, error)}\" id=\"{Id}\" name=\"{Enc.Encode(FieldName)}\" rows=\"{Rows}\"");
        if (Spellcheck is { } spellcheck) html.Append(spellcheck ? " spellcheck=\"true\"" : " spellcheck=\"false\"");
        html.Append(describedBy).Append('>');
        html.Append(Enc.Encode(Value ?? For?.Model?.ToString() ?? ""));
        html.Append("</textarea>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>A GOV.UK file upload: <c>&lt;govuk-file-upload name="RollFile" label="Roll file" accept=".xml,.csv" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : GovukLabelledFieldTagHelper
{
    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        FormGroup(output, error);
        var html = new StringBuilder();
        AppendLabel(html);
        var describedBy = HintAndError(html, error);
        html.Append($"<input class=\"{Classes("govuk-file-upload", null, error)}\" id=\"{Id}\" name=\"{Enc.Encode(FieldName)}\" type=\"file\"");
        if (Accept is not null) html.Append($" accept=\"{Enc.Encode(Accept)}\"");
        html.Append(describedBy).Append('>');
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>
/// A GOV.UK select; its options are written inside it, as the page chooses them:
/// <c>&lt;govuk-select for="Setting" label="School or college"&gt;&lt;option ...&gt;&lt;/govuk-select&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-select")]
public sealed class GovukSelectTagHelper : GovukLabelledFieldTagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var options = (await output.GetChildContentAsync()).GetContent();
        var error = Error;
        FormGroup(output, error);
        var html = new StringBuilder();
        AppendLabel(html);
        var describedBy = HintAndError(html, error);
        html.Append($"<select class=\"{Classes("govuk-select", null, error)}\" id=\"{Id}\" name=\"{Enc.Encode(FieldName)}\"{describedBy}>");
        html.Append(options).Append("</select>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>A field drawn as a fieldset with a legend: radios, checkboxes, a date's three boxes.</summary>
public abstract class GovukFieldsetTagHelper : GovukFieldTagHelper
{
    public required string Legend { get; set; }
    /// <summary>The legend's size, such as "govuk-fieldset__legend--m".</summary>
    public string? LegendClass { get; set; }
    /// <summary>The legend is the page's h1.</summary>
    public bool LegendIsPageHeading { get; set; }

    /// <summary>The fieldset and its legend (the page's h1 when asked); the caller closes the fieldset.</summary>
    protected void OpenFieldset(StringBuilder html, string? role, string describedBy)
    {
        var legend = Enc.Encode(Legend);
        html.Append($"<fieldset class=\"govuk-fieldset\"{(role is null ? "" : $" role=\"{role}\"")}{describedBy}>");
        html.Append($"<legend class=\"govuk-fieldset__legend{(LegendClass is null ? "" : " " + LegendClass)}\">");
        html.Append(LegendIsPageHeading ? $"<h1 class=\"govuk-fieldset__heading\">{legend}</h1>" : legend).Append("</legend>");
    }
}

/// <summary>
/// GOV.UK radios or checkboxes in a fieldset with a legend. Each choice is a <c>&lt;govuk-radio&gt;</c> or
/// <c>&lt;govuk-checkbox&gt;</c> inside; a choice is ticked when the page property (<c>for</c>) holds its value, or when
/// it says <c>checked</c>. The first choice's id is the field's, so the error summary's link lands on it.
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldsetTagHelper
{
    internal sealed record Choice(string Value, string Label, string? Hint, bool? Checked, string? Reveal = null);

    /// <summary>"govuk-radios--inline", "govuk-checkboxes--small" and so on.</summary>
    public string? ChoicesClass { get; set; }
    /// <summary>
    /// The suffix of the second choice's id: GOV.UK counts from 2 ("Answer", "Answer-2"); lists built from an index
    /// count from 1 ("Type", "Type-1").
    /// </summary>
    public int NumberItemsFrom { get; set; } = 2;

    protected abstract string Kind { get; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var choices = new List<Choice>();
        context.Items[typeof(GovukChoicesTagHelper)] = choices;
        await output.GetChildContentAsync();
        var error = Error;
        var selected = Selected();
        FormGroup(output, error);

        var html = new StringBuilder();
        var hintAndError = new StringBuilder();
        var describedBy = HintAndError(hintAndError, error);
        OpenFieldset(html, role: null, describedBy);
        html.Append(hintAndError);
        html.Append($"<div class=\"govuk-{Kind}{(ChoicesClass is null ? "" : " " + ChoicesClass)}\" data-module=\"govuk-{Kind}\">");
        var type = Kind == "radios" ? "radio" : "checkbox";
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var id = i == 0 ? Id : $"{Id}-{i + NumberItemsFrom - 1}";
            var isChecked = choice.Checked ?? selected.Contains(choice.Value);
            html.Append($"<div class=\"govuk-{Kind}__item\">");
            html.Append($"<input class=\"govuk-{Kind}__input\" id=\"{id}\" name=\"{Enc.Encode(FieldName)}\" type=\"{type}\" value=\"{Enc.Encode(choice.Value)}\"");
            if (choice.Hint is not null) html.Append($" aria-describedby=\"{id}-hint\"");
            if (choice.Reveal is not null) html.Append($" data-aria-controls=\"conditional-{id}\"");
            html.Append(isChecked ? " checked>" : ">");
            html.Append($"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{id}\">{choice.Label}</label>");
            if (choice.Hint is not null) html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint govuk-{Kind}__hint\">{Enc.Encode(choice.Hint)}</div>");
            html.Append("</div>");
            // GOV.UK hides the unchosen reveal only where its script runs: without it every reveal shows, and the server validates.
            if (choice.Reveal is not null)
                html.Append($"<div class=\"govuk-{Kind}__conditional{(isChecked ? "" : $" govuk-{Kind}__conditional--hidden")}\" id=\"conditional-{id}\">{choice.Reveal}</div>");
        }
        html.Append("</div></fieldset>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The values the page property holds: one for radios, any number for checkboxes.</summary>
    private HashSet<string> Selected() => For?.Model switch
    {
        null => [],
        string one => [one],
        IEnumerable many => many.Cast<object?>().Select(v => v?.ToString() ?? "").ToHashSet(StringComparer.Ordinal),
        var one => [one.ToString() ?? ""],
    };
}

[HtmlTargetElement("govuk-radios")]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";
}

[HtmlTargetElement("govuk-checkboxes")]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";
}

/// <summary>One choice: its value, its label (the element's content, which may hold markup) and an optional hint.</summary>
[HtmlTargetElement("govuk-radio", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkbox", ParentTag = "govuk-checkboxes")]
public sealed class GovukChoiceTagHelper : TagHelper
{
    public required string Value { get; set; }
    public string? Hint { get; set; }
    /// <summary>Ticked or not, when the field has no page property to say so.</summary>
    public bool? Checked { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var reveal = new GovukRevealTagHelper.Holder();
        context.Items[typeof(GovukRevealTagHelper)] = reveal;
        var label = (await output.GetChildContentAsync()).GetContent();
        if (reveal.Html is not null) label = label.Trim();
        ((List<GovukChoicesTagHelper.Choice>)context.Items[typeof(GovukChoicesTagHelper)]).Add(new(Value, label, Hint, Checked, reveal.Html));
        output.SuppressOutput();
    }
}

/// <summary>
/// GOV.UK conditional reveal: what a choice shows only when it is chosen, written inside the choice
/// (<c>&lt;govuk-checkbox value="nfa"&gt;No further action&lt;govuk-reveal&gt;...&lt;/govuk-reveal&gt;&lt;/govuk-checkbox&gt;</c>).
/// </summary>
[HtmlTargetElement("govuk-reveal", ParentTag = "govuk-radio")]
[HtmlTargetElement("govuk-reveal", ParentTag = "govuk-checkbox")]
public sealed class GovukRevealTagHelper : TagHelper
{
    internal sealed class Holder
    {
        public string? Html { get; set; }
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((Holder)context.Items[typeof(GovukRevealTagHelper)]).Html = (await output.GetChildContentAsync()).GetContent();
        output.SuppressOutput();
    }
}

/// <summary>
/// A day, month and year as typed into a <c>&lt;govuk-date-input&gt;</c>: the page binds one (<c>[BindProperty] public
/// DateParts Dob { get; set; } = new();</c>) and the three boxes post as "Dob.Day", "Dob.Month" and "Dob.Year".
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    /// <summary>Nothing typed in any of the three boxes.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null when a part is missing, is not a whole number, or the three make no real date (31 February).</summary>
    public LocalDate? ToDate()
    {
        if (Part(Year) is not { } year || Part(Month) is not { } month || Part(Day) is not { } day) return null;
        if (year is < 1000 or > 9999 || month is < 1 or > 12) return null;
        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return new LocalDate(year, month, day);
    }

    /// <summary>The parts of a date, to show it again in the three boxes.</summary>
    public static DateParts From(LocalDate date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static int? Part(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>
/// GOV.UK date input: day, month and year boxes in a fieldset with a legend,
/// <c>&lt;govuk-date-input for="Dob" legend="Date of birth" hint="For example, 27 3 2007" /&gt;</c>. The page property
/// is a <see cref="DateParts"/>; an error on the field (its own name, or one of its parts) marks all three boxes.
/// The boxes are "&lt;id&gt;-day", "&lt;id&gt;-month" and "&lt;id&gt;-year" inside a div with the field's id.
/// A field given by <c>name</c> (inside a partial) takes its date from <c>value</c>, as the other inputs do, so it keeps
/// what was typed even when the page has cleared its model state.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldsetTagHelper
{
    public DateParts? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error ?? PartError();
        var model = For?.Model as DateParts ?? Value;
        FormGroup(output, error);

        var html = new StringBuilder();
        var hintAndError = new StringBuilder();
        var describedBy = HintAndError(hintAndError, error);
        OpenFieldset(html, role: "group", describedBy);
        html.Append(hintAndError);
        html.Append($"<div class=\"govuk-date-input\" id=\"{Id}\">");
        Item(html, "Day", 2, model?.Day, error);
        Item(html, "Month", 2, model?.Month, error);
        Item(html, "Year", 4, model?.Year, error);
        html.Append("</div></fieldset>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private void Item(StringBuilder html, string part, int width, string? modelValue, string? error)
    {
        var id = $"{Id}-{part.ToLowerInvariant()}";
        var name = $"{FieldName}.{part}";
        var value = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is { } attempted ? attempted : modelValue;
        html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">");
        html.Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>");
        html.Append($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{Enc.Encode(name)}\" type=\"text\" inputmode=\"numeric\"");
        if (value is not null) html.Append($" value=\"{Enc.Encode(value)}\"");
        html.Append("></div></div>");
    }

    /// <summary>An error the binder put on one of the parts ("Dob.Day") rather than on the field.</summary>
    private string? PartError() =>
        new[] { "Day", "Month", "Year" }.Select(part => FormFields.ErrorFor(ViewContext.ModelState, $"{FieldName}.{part}")).FirstOrDefault(e => e is not null);
}

/// <summary>
/// A form group for a field drawn by hand (a control the helpers above do not draw): it takes the error class when
/// the named field has an error. Put a <c>&lt;govuk-error-message name="..."/&gt;</c> inside it.
/// </summary>
[HtmlTargetElement("govuk-form-group")]
public sealed class GovukFormGroupTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => FormGroup(output, Error);
}

/// <summary>The field's error message, "&lt;id&gt;-error" with its visually hidden "Error:", or nothing when it has none.</summary>
[HtmlTargetElement("govuk-error-message", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorMessageTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var error = Error;
        if (error is null) output.SuppressOutput();
        else output.Content.SetHtmlContent(Markup(Id, error));
    }

    internal static string Markup(string id, string error) =>
        $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Enc.Encode(error)}</p>";
}

/// <summary>
/// A GOV.UK summary-list row: the key, the value (the element's content) and, when it has an <c>action-href</c>, a
/// link ("Change" unless <c>action-text</c> says otherwise) whose visually hidden end says what it changes.
/// </summary>
[HtmlTargetElement("govuk-summary-row")]
public sealed class GovukSummaryRowTagHelper : TagHelper
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Default;

    public required string Key { get; set; }
    /// <summary>The key is a code, such as an API scope, and is shown as one.</summary>
    public bool KeyIsCode { get; set; }
    public string? ValueId { get; set; }
    /// <summary>More classes for the value, such as "app-secret".</summary>
    public string? ValueClass { get; set; }
    public string? ActionHref { get; set; }
    public string ActionText { get; set; } = "Change";
    /// <summary>What the action changes, for screen readers: "Change" becomes "Change answer to question 3".</summary>
    public string? ActionHidden { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-summary-list__row");
        var html = new StringBuilder();
        var key = KeyIsCode ? $"<code>{Enc.Encode(Key)}</code>" : Enc.Encode(Key);
        html.Append($"<dt class=\"govuk-summary-list__key\">{key}</dt>");
        html.Append($"<dd class=\"govuk-summary-list__value{(ValueClass is null ? "" : " " + ValueClass)}\"{(ValueId is null ? "" : $" id=\"{ValueId}\"")}>{value}</dd>");
        if (ActionHref is not null)
        {
            var hidden = ActionHidden is null ? "" : $"<span class=\"govuk-visually-hidden\"> {Enc.Encode(ActionHidden)}</span>";
            html.Append($"<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"{Enc.Encode(ActionHref)}\">{Enc.Encode(ActionText)}{hidden}</a></dd>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
