using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>A report's draft, for its writer (Update on the report across the partnership; read audited), on GET and POST alike.</summary>
public sealed class DraftFilter : LoadRecordFilter<ReportDraft>
{
    protected override string ResourceType => YearlyReports.ResourceType;

    protected override Task<ReportDraft?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<YearlyReports>().OpenDraftAsync(id, process, ct);
}

/// <summary>
/// A report for one of its section writers (the business manager, or a sub-group's chair for their sub-group's sections
/// only; read audited), on GET and POST alike: a chair with no section of this report is refused.
/// </summary>
public sealed class WriterFilter : LoadRecordFilter<WriterDraft>
{
    protected override string ResourceType => YearlyReports.ResourceType;

    protected override Task<WriterDraft?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<YearlyReports>().OpenForWritingAsync(id, process, ct);
}

/// <summary>An edition, for a reader of the report (read audited), on GET and POST alike.</summary>
public sealed class EditionFilter : LoadRecordFilter<EditionView>
{
    protected override string ResourceType => YearlyReports.EditionResourceType;

    protected override Task<EditionView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<YearlyReports>().OpenEditionAsync(id, process, ct);
}
