using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>Opens the notification for its setting's Key Adult (the opening is audited, another setting's refused).</summary>
public sealed class NotificationFilter : LoadRecordFilter<InboxOpening>
{
    protected override string ResourceType => KeyAdultInbox.ResourceType;

    protected override Task<InboxOpening?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<KeyAdultInbox>().OpenAsync(id, process with { Purpose = "read Operation Encompass notification" }, ct);
}
