using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Safeguarding.Testing;

/// <summary>One measurement taken: the instrument's name, its value and its tags.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.GetValueOrDefault(name);
}

/// <summary>
/// Listens to the named meters and keeps what was recorded by the code this capture's caller runs, and nothing else:
/// the capture marks its caller's async flow (an <see cref="AsyncLocal{T}"/>), and a measurement recorded on any
/// other flow (another test running in parallel, another request) is ignored. Start it in the test or benchmark
/// method itself, before the work, and dispose it after.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    private static readonly AsyncLocal<MeterCapture?> Current = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _taken = new();
    private readonly MeterCapture? _outer;

    private MeterCapture(IReadOnlyCollection<string> meterNames)
    {
        _outer = Current.Value;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Take(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Take(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Take(i, v, tags));
        _listener.Start();
    }

    /// <summary>
    /// Starts capturing the named meters' measurements made from here on in the caller's flow. Synchronous on purpose:
    /// the mark it sets stays with the caller (an async method's changes to an <see cref="AsyncLocal{T}"/> would not).
    /// </summary>
    public static MeterCapture Start(params string[] meterNames)
    {
        var capture = new MeterCapture(meterNames);
        Current.Value = capture;
        return capture;
    }

    /// <summary>Every measurement taken so far, oldest first.</summary>
    public IReadOnlyList<Measured> All => [.. _taken];

    /// <summary>Hands back the measurements taken since the last drain, and forgets them.</summary>
    public IReadOnlyList<Measured> Drain()
    {
        var drained = new List<Measured>();
        while (_taken.TryDequeue(out var m)) drained.Add(m);
        return drained;
    }

    /// <summary>The sum of an instrument's measurements, only those whose tag <paramref name="tag"/> is <paramref name="value"/> when given.</summary>
    public double Sum(string instrument, string? tag = null, object? value = null) => Sum(All, instrument, tag, value);

    public static double Sum(IEnumerable<Measured> taken, string instrument, string? tag = null, object? value = null) =>
        taken.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tag(tag), value))).Sum(m => m.Value);

    public void Dispose()
    {
        if (ReferenceEquals(Current.Value, this)) Current.Value = _outer;
        _listener.Dispose();
    }

    private void Take<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct, IConvertible
    {
        if (!ReferenceEquals(Current.Value, this)) return;
        var copied = new Dictionary<string, object?>(tags.Length);
        foreach (var tag in tags) copied[tag.Key] = tag.Value;
        _taken.Enqueue(new Measured(instrument.Name, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), copied));
    }
}
