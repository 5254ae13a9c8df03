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

/// <summary>The minutes, for an organisation on their distribution list only (every read and refusal is audited).</summary>
public sealed class MinutesFilter : LoadRecordFilter<MeetingMinutes>
{
    protected override string ResourceType => MeetingRecords.MinutesResourceType;

    protected override async Task<MeetingMinutes?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        await services.GetRequiredService<MeetingRecords>().ReadMinutesAsync(id, process, ct) is { } text ? new MeetingMinutes(id, text) : null;
}

/// <summary>A meeting's minutes as read by one on their distribution list.</summary>
public sealed record MeetingMinutes(Guid MeetingId, string Text);

/// <summary>Opens a meeting's calendar invitation for its attendees and those who run meetings (the download is audited).</summary>
public sealed class InvitationFilter : LoadRecordFilter<MeetingInvitation>
{
    protected override string ResourceType => MeetingRecords.InvitationResourceType;

    protected override Task<MeetingInvitation?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<MeetingRecords>().InvitationAsync(id, process, ct);
}
