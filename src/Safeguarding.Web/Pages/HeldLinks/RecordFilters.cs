using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.HeldLinks;

/// <summary>A held link, opened for a decision (both people's reads audited), on GET and POST alike.</summary>
public sealed class HeldLinkFilter : LoadRecordFilter<HeldLinkToDecide>
{
    protected override string ResourceType => PersonIndex.HeldLinkResourceType;

    protected override Task<HeldLinkToDecide?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<PersonIndex>().OpenHeldLinkAsync(id, process, ct);
}
