using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

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

    /// <summary>The field's first error, or null: the one a GOV.UK error message shows.</summary>
    public static string? ErrorFor(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>All the field's errors as one sentence each, for fields checked line by line (a calendar's terms).</summary>
    public static string? EveryErrorFor(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(". ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
