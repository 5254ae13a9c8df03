using System.Globalization;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>Where a police file's intake spent its time, by step, as the intake and the person index record it on their meters.</summary>
internal static class IntakeSteps
{
    public static readonly string[] Meters = [EncompassMetrics.MeterName, PeopleMetrics.MeterName];

    private static readonly string[] Steps = ["checking", "versions", "person index", "settings", "notifying", "saving", "committing"];

    /// <summary>"checking 1.2 s, versions 0.3 s, ... (of the person index: reading ...)", summed over every block taken.</summary>
    public static string Describe(IReadOnlyList<Measured> taken)
    {
        string Seconds(double ms) => (ms / 1000).ToString("F1", CultureInfo.InvariantCulture);
        double Step(string name, string step) => MeterCapture.Sum(taken, name, EncompassMetrics.StepTag, step);
        var steps = string.Join(", ", Steps.Select(s => $"{s} {Seconds(Step(EncompassMetrics.IntakeStep.Name, s))} s"));
        if (!taken.Any(m => m.Instrument == PeopleMetrics.RunStep.Name)) return steps;
        double Run(string step) => MeterCapture.Sum(taken, PeopleMetrics.RunStep.Name, PeopleMetrics.StepTag, step);
        return steps + string.Create(CultureInfo.InvariantCulture,
            $" (of the person index: reading {Seconds(Run("reading"))} s for {MeterCapture.Sum(taken, PeopleMetrics.RunRecordsRead.Name):N0} records, preparing {Seconds(Run("preparing"))} s, scoring {Seconds(Run("scoring"))} s for {MeterCapture.Sum(taken, PeopleMetrics.RunPairsScored.Name):N0} pairs)");
    }
}
