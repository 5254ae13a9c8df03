using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Organisations;

/// <summary>The organisation an administrator changes (Organisation Update; another partnership's is not found).</summary>
public sealed class OrganisationFilter : LoadRecordFilter<Organisation>
{
    protected override string ResourceType => nameof(Organisation);

    protected override Task<Organisation?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<PartnershipOrganisations>().OpenAsync(id, process, ct);
}
