using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Meetings;

/// <summary>Opens the meeting for anyone who may read meetings; agenda subjects only for its attendees (the view is audited).</summary>
public sealed class MeetingFilter : LoadRecordFilter<MeetingView>
{
    protected override string ResourceType => MeetingRecords.ResourceType;

    protected override Task<MeetingView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<MeetingRecords>().OpenAsync(id, process, ct);
}
