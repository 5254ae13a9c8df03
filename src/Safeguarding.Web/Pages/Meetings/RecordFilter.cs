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

/// <summary>Opens a meeting's calendar invitation for its attendees and those who run meetings (the download is audited).</summary>
public sealed class InvitationFilter : LoadRecordFilter<MeetingInvitation>
{
    protected override string ResourceType => MeetingRecords.InvitationResourceType;

    protected override Task<MeetingInvitation?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<MeetingRecords>().InvitationAsync(id, process, ct);
}
