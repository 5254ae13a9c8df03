using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>
/// Where the incident intake's time goes, on a meter the web host exports with its OpenTelemetry metrics (and the
/// intake benchmark reads): each step of each block taken in.
/// </summary>
public static class EncompassMetrics
{
    public const string MeterName = "Safeguarding.Encompass";

    /// <summary>The tag that names the step a duration is of.</summary>
    public const string StepTag = "step";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Milliseconds per step of one block of incidents: checking, versions, person index, settings, notifying,
    /// saving, committing.
    /// </summary>
    public static readonly Histogram<double> IntakeStep = Meter.CreateHistogram<double>(
        "safeguarding.encompass.intake.duration", unit: "ms", description: "Time of each step of a block of incidents taken in");

    /// <summary>Records the time since <paramref name="since"/> as a step's; returns now, the next step's start.</summary>
    internal static long Step(string step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        IntakeStep.Record(Stopwatch.GetElapsedTime(since, now).TotalMilliseconds, new KeyValuePair<string, object?>(StepTag, step));
        return now;
    }
}
