using System.Diagnostics.Metrics;

namespace Safeguarding.Core.Data;

/// <summary>The data layer's measurements, on a meter the web host exports with its OpenTelemetry metrics.</summary>
public static class DataMetrics
{
    public const string MeterName = "Safeguarding.Data";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Rows that saves wrote many to a statement (see <see cref="ManyRowInserts"/>) rather than through EF's own statements.</summary>
    public static readonly Counter<long> RowsWrittenInBulk = Meter.CreateCounter<long>(
        "safeguarding.data.rows_written_in_bulk", unit: "{row}", description: "Rows saves wrote many to a statement");
}
