using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguarding.Core.People;

/// <summary>
/// Where the person index's time goes, on a meter the web host exports with its OpenTelemetry metrics (and the
/// benchmarks read): each step of one arrival, and of a matching run over a file.
/// </summary>
public static class PeopleMetrics
{
    public const string MeterName = "Safeguarding.People";

    /// <summary>The tag that names the step a duration is of.</summary>
    public const string StepTag = "step";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Milliseconds per step of one new record's arrival: lookup, model, candidate query, scoring, save.</summary>
    public static readonly Histogram<double> ArrivalStep = Meter.CreateHistogram<double>(
        "safeguarding.people.arrival.duration", unit: "ms", description: "Time of each step of a record's arrival in the person index");

    /// <summary>Candidate records loaded for one new record's arrival.</summary>
    public static readonly Histogram<int> ArrivalCandidates = Meter.CreateHistogram<int>(
        "safeguarding.people.arrival.candidates", unit: "{record}", description: "Candidate records scored for one arrival");

    /// <summary>Milliseconds a matching run spent reading candidates, preparing them and scoring, recorded once per run.</summary>
    public static readonly Histogram<double> RunStep = Meter.CreateHistogram<double>(
        "safeguarding.people.matching_run.duration", unit: "ms", description: "Time of each step of a matching run over many records");

    /// <summary>Index records a matching run read, recorded once per run.</summary>
    public static readonly Counter<long> RunRecordsRead = Meter.CreateCounter<long>(
        "safeguarding.people.matching_run.records_read", unit: "{record}", description: "Index records read by matching runs");

    /// <summary>Candidate pairs a matching run scored, recorded once per run.</summary>
    public static readonly Counter<long> RunPairsScored = Meter.CreateCounter<long>(
        "safeguarding.people.matching_run.pairs_scored", unit: "{pair}", description: "Candidate pairs scored by matching runs");

    /// <summary>Records one arrival step's time from <paramref name="from"/> to <paramref name="to"/> (Stopwatch timestamps).</summary>
    internal static void Arrival(string step, long from, long to) =>
        ArrivalStep.Record(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, new KeyValuePair<string, object?>(StepTag, step));

    /// <summary>Records where a finished matching run's time went.</summary>
    public static void Run(PersonIndex.MatchingRun run)
    {
        var spent = run.Spent;
        RunStep.Record(spent.Reading.TotalMilliseconds, new KeyValuePair<string, object?>(StepTag, "reading"));
        RunStep.Record(spent.Preparing.TotalMilliseconds, new KeyValuePair<string, object?>(StepTag, "preparing"));
        RunStep.Record(spent.Scoring.TotalMilliseconds, new KeyValuePair<string, object?>(StepTag, "scoring"));
        RunRecordsRead.Add(spent.Read);
        RunPairsScored.Add(spent.Scored);
    }
}
