using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Data;

/// <summary>A test reads the meters through a capture that cannot be fooled by other tests recording at the same time.</summary>
public sealed class MeterCaptureTests
{
    [Fact]
    public async Task A_capture_keeps_only_what_its_own_flow_records()
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Another flow, started before the capture (as a test running in parallel would be), records while it listens.
        var elsewhere = Task.Run(async () =>
        {
            await go.Task;
            DataMetrics.RowsWrittenInBulk.Add(1_000);
        }, TestContext.Current.CancellationToken);

        using var capture = MeterCapture.Start(DataMetrics.MeterName);
        DataMetrics.RowsWrittenInBulk.Add(5);
        go.SetResult();
        await elsewhere;
        await Task.Run(() => DataMetrics.RowsWrittenInBulk.Add(7), TestContext.Current.CancellationToken);

        Assert.Equal(12, capture.Sum(DataMetrics.RowsWrittenInBulk.Name));
    }

    [Fact]
    public void A_capture_stops_at_dispose()
    {
        var capture = MeterCapture.Start(DataMetrics.MeterName);
        DataMetrics.RowsWrittenInBulk.Add(3);
        capture.Dispose();
        DataMetrics.RowsWrittenInBulk.Add(4);

        Assert.Equal(3, capture.Sum(DataMetrics.RowsWrittenInBulk.Name));
    }
}
