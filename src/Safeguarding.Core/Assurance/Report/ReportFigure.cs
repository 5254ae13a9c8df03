using System.Globalization;
using NodaTime;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Assurance.Report;

/// <summary>How a figure is measured, which is how it is written and whether small-number suppression applies to it.</summary>
public enum FigureUnit
{
    /// <summary>A number of incidents, children, cases: 1 to 4 is suppressed in a published edition.</summary>
    Count,
    /// <summary>A count divided by the days of its period.</summary>
    RatePerDay,
    /// <summary>A share or a rate, out of 100.</summary>
    Percentage,
}

/// <summary>One point of a figure's history (autism as primary need, year by year): drawn as a chart beside its table.</summary>
public sealed record FigurePoint(string Label, double? Value);

/// <summary>
/// One figure of the yearly report, with everything needed to reproduce it: a stable key (what a report section names),
/// its title and written definition, its period and the comparison period (the same length a year before, or the
/// academic year before for the learners' figures), its value and the comparison's, its unit and the modules its data
/// comes from. A null value: the platform holds nothing to compute it from for that period.
/// </summary>
public sealed record ReportFigure(
    string Key,
    string Title,
    string Definition,
    FigureUnit Unit,
    IReadOnlyList<string> Sources,
    LocalDate From,
    LocalDate To,
    LocalDate ComparisonFrom,
    LocalDate ComparisonTo,
    double? Value,
    double? Comparison,
    IReadOnlyList<FigurePoint>? Series = null,
    double? Base = null,
    double? ComparisonBase = null)
{
    /// <summary>The value as a published edition may show it: null when it is a small count, or a share of a small count.</summary>
    public double? PublishedValue => Publishable(Value, Unit, Base);

    /// <summary>The comparison as a published edition may show it.</summary>
    public double? PublishedComparison => Publishable(Comparison, Unit, ComparisonBase);

    /// <summary>The change on the comparison period, in per cent of it; null when either is missing or the comparison is zero.</summary>
    public double? ChangePercent => Value is { } v && Comparison is { } c && c != 0 ? Math.Round(100 * (v - c) / c, 1) : null;

    /// <summary>
    /// The figure as written in the report. A published edition suppresses a count of 1 to 4 ("x"), and a percentage of
    /// a base of 1 to 4 (one child of three is as telling as the count), so that no child or family can be identified;
    /// the working draft, read only by the business manager, shows it.
    /// </summary>
    public static string Write(double? value, FigureUnit unit, bool published, double? @base = null)
    {
        if (value is not { } v) return "not available";
        if (published && Publishable(v, unit, @base) is null) return "x";
        return unit switch
        {
            FigureUnit.Count => v.ToString("N0", CultureInfo.GetCultureInfo("en-GB")),
            FigureUnit.Percentage => v.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")) + "%",
            _ => v.ToString("N1", CultureInfo.GetCultureInfo("en-GB")) + " a day",
        };
    }

    /// <summary>
    /// A published edition's figure with its counts of 1 to 4 (and its history's) taken out, and a percentage whose base
    /// (the count it is a share of) is 1 to 4, for the JSON of the command.
    /// </summary>
    public static double? Publishable(double? value, FigureUnit unit, double? @base = null) =>
        (unit == FigureUnit.Count && value is { } v && SmallNumbers.IsSmall((long)v))
        || (unit == FigureUnit.Percentage && @base is { } b && SmallNumbers.IsSmall((long)b)) ? null : value;
}

/// <summary>Every figure of the catalogue for one period.</summary>
public sealed record FigureSet(LocalDate From, LocalDate To, LocalDate ComparisonFrom, LocalDate ComparisonTo, IReadOnlyList<ReportFigure> Figures)
{
    public ReportFigure? Find(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>The report's period, both days included (1 April 2023 to 31 March 2024).</summary>
public sealed record FigureOptions(LocalDate From, LocalDate To);

/// <summary>What a figure is, whatever the period: its key, title, written definition, unit and the modules its data comes from.</summary>
public sealed record FigureDefinition(string Key, string Title, string Definition, FigureUnit Unit, IReadOnlyList<string> Sources);
