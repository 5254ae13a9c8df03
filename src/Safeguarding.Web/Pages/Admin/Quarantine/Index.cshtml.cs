using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Quarantine;

/// <summary>Records received that could not be accepted, waiting to be corrected and released, or discarded.</summary>
public sealed class IndexModel(CurrentActor current, Core.Platform.Imports.Quarantine quarantine) : PageModel
{
    public IReadOnlyList<QuarantinedRecord> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Waiting = await quarantine.WaitingAsync(await current.ProcessAsync(ct: ct), ct);

    /// <summary>The first reason, for the list: the full record is on its own page (and that read is audited).</summary>
    public static string FirstReason(QuarantinedRecord r) => r.Reason.Split('\n')[0] + (r.Reason.Contains('\n') ? " (and more)" : "");
}
