using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.Ward;

/// <summary>The self-assessment pages' access: the folder needs Read, each record page loads its self-assessment (PageConventions calls <see cref="Apply"/>).</summary>
public static class SelfAssessmentPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention("/Health/Ward", m => m.Filters.Add(new RequirePermissionAttribute(Resource.EdSelfAssessment, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/Health/Ward/Assessment", m => m.Filters.Add(new SelfAssessmentFilter()));
        conventions.AddPageApplicationModelConvention("/Health/Ward/Tablet", m => m.Filters.Add(new TabletFilter()));
    }

    public static string Describe(SelfAssessmentResponse response) => response switch
    {
        SelfAssessmentResponse.NoFurtherAction => "No further action",
        SelfAssessmentResponse.ReferredToNavigator => "Referred to the A&E Navigator",
        _ => "Referred on",
    };

    public static string Describe(string? answer) => answer switch
    {
        SelfAssessments.Yes => "Yes",
        SelfAssessments.No => "No",
        SelfAssessments.NotSay => "Rather not say",
        _ => "Not answered",
    };
}

/// <summary>The self-assessment the nurse's page shows (GET and POST), opened for its own trust's readers; the read is audited.</summary>
public sealed class SelfAssessmentFilter : LoadRecordFilter<SelfAssessmentView>
{
    protected override string ResourceType => SelfAssessments.ResourceType;

    protected override Task<SelfAssessmentView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<SelfAssessments>().OpenAsync(id, process, ct);
}

/// <summary>The tablet's questions: opened with the update grant, and holding nothing of the young person's record.</summary>
public sealed class TabletFilter : LoadRecordFilter<TabletView>
{
    protected override string ResourceType => SelfAssessments.ResourceType;

    protected override Task<TabletView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<SelfAssessments>().OpenOnTabletAsync(id, process, ct);
}
