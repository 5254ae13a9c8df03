using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.SubGroups;

/// <summary>A sub-group for its keeper (the business manager; read audited), on GET and POST alike: one of another partnership is not found.</summary>
public sealed class SubGroupFilter : LoadRecordFilter<SubGroupEdit>
{
    protected override string ResourceType => Core.Assurance.Structure.SubGroups.ResourceType;

    protected override Task<SubGroupEdit?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<Core.Assurance.Structure.SubGroups>().OpenAsync(id, process, ct);
}

/// <summary>The sub-group's page needs the plan's keeper's grant (PageConventions calls <see cref="Apply"/>), then the sub-group loaded through the service.</summary>
public static class SubGroupPages
{
    public static void Apply(PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention("/Assurance/SubGroups", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.PartnershipPlan, Operation.Update));
            m.Filters.Add(new SubGroupFilter());
        });
}
