using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NodaTime;
using Safeguarding.Web.Pages;

namespace Safeguarding.Web.Tests.Shell;

/// <summary>No page asks for a day, month and year yet (ADR-005), so the tag helper is drawn here on its own.</summary>
public sealed class GovukDateInputTests
{
    private static IElement Render(DateParts? model, ModelStateDictionary? state = null, string? hint = "For example, 27 3 2007")
    {
        var context = new ViewContext();
        if (state is not null) context.ModelState.Merge(state);
        var explorer = new EmptyModelMetadataProvider().GetModelExplorerForType(typeof(DateParts), model);
        var helper = new GovukDateInputTagHelper
        {
            ViewContext = context,
            For = new ModelExpression("X", explorer),
            Legend = "Date of birth",
            Hint = hint,
        };
        var output = new TagHelperOutput("govuk-date-input", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "test"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return new HtmlParser().ParseDocument($"<body>{writer}</body>").Body!.FirstElementChild!;
    }

    [Fact]
    public void Draws_day_month_and_year_in_a_group_described_by_the_hint()
    {
        var group = Render(new DateParts { Day = "27", Month = "3", Year = "2007" });

        Assert.Equal("govuk-form-group", group.ClassName);
        var fieldset = group.QuerySelector("fieldset.govuk-fieldset")!;
        Assert.Equal("group", fieldset.GetAttribute("role"));
        Assert.Equal("X-hint", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("Date of birth", fieldset.QuerySelector("legend.govuk-fieldset__legend")!.TextContent);
        Assert.Equal("For example, 27 3 2007", group.QuerySelector("#X-hint.govuk-hint")!.TextContent);
        Assert.Null(group.QuerySelector(".govuk-error-message"));
        Assert.NotNull(fieldset.QuerySelector("div.govuk-date-input#X"));

        var inputs = fieldset.QuerySelectorAll(".govuk-date-input__item input").ToList();
        Assert.Equal(["X-day", "X-month", "X-year"], inputs.Select(i => i.Id));
        Assert.Equal(["X.Day", "X.Month", "X.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["27", "3", "2007"], inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Equal("numeric", i.GetAttribute("inputmode")));
        Assert.All(inputs, i => Assert.Equal("text", i.GetAttribute("type")));
        Assert.All(inputs, i => Assert.DoesNotContain("govuk-input--error", i.ClassList));
        Assert.Contains("govuk-input--width-2", inputs[0].ClassList);
        Assert.Contains("govuk-input--width-2", inputs[1].ClassList);
        Assert.Contains("govuk-input--width-4", inputs[2].ClassList);
        Assert.Equal(["Day", "Month", "Year"], fieldset.QuerySelectorAll("label.govuk-date-input__label").Select(l => l.TextContent));
        Assert.Equal(["X-day", "X-month", "X-year"], fieldset.QuerySelectorAll("label.govuk-date-input__label").Select(l => l.GetAttribute("for")));
    }

    [Fact]
    public void An_error_on_the_field_marks_the_group_the_message_and_every_box()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("X", "Date of birth must be a real date");
        state.SetModelValue("X.Day", "31", "31");

        var group = Render(new DateParts { Day = "1", Month = "2", Year = "2010" }, state);

        Assert.Contains("govuk-form-group--error", group.ClassList);
        var message = group.QuerySelector("p#X-error.govuk-error-message")!;
        Assert.Equal("Error:", message.QuerySelector("span.govuk-visually-hidden")!.TextContent);
        Assert.Equal("Error: Date of birth must be a real date", message.TextContent);
        Assert.Equal("X-hint X-error", group.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        var inputs = group.QuerySelectorAll("input").ToList();
        Assert.Equal(3, inputs.Count);
        Assert.All(inputs, i => Assert.Contains("govuk-input--error", i.ClassList));
        Assert.Equal("31", inputs[0].GetAttribute("value"));
    }

    [Fact]
    public void Without_a_hint_the_error_alone_describes_the_group()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("X", "Enter a date");
        Assert.Equal("X-error", Render(null, state, hint: null).QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_real_date_parses_and_31_February_does_not()
    {
        Assert.Equal(new LocalDate(2024, 2, 29), new DateParts { Day = "29", Month = "02", Year = "2024" }.ToDate());
        Assert.Equal(new LocalDate(2007, 3, 27), new DateParts { Day = " 27 ", Month = "3", Year = "2007" }.ToDate());
        Assert.Null(new DateParts { Day = "31", Month = "2", Year = "2024" }.ToDate());
        Assert.Null(new DateParts { Day = "29", Month = "2", Year = "2023" }.ToDate());
        Assert.Null(new DateParts { Day = "1", Month = "13", Year = "2024" }.ToDate());
        Assert.Null(new DateParts { Day = "1", Month = "1", Year = "" }.ToDate());
        Assert.Null(new DateParts { Day = "-1", Month = "1", Year = "2024" }.ToDate());
        Assert.True(new DateParts().IsEmpty);
    }
}
