using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Quarantine;

/// <summary>
/// One record not accepted: as received, why, and the administrator's correction and release, or discard with a
/// reason. The record is opened (and the read audited) by <see cref="QuarantinedRecordFilter"/>.
/// </summary>
// A corrected record is one incident or one row: a megabyte is far more than any needs.
[UploadLimit(MaxBytes, nameof(Corrected), "corrected record")]
public sealed class RecordModel(CurrentActor current, Core.Platform.Imports.Quarantine quarantine, QuarantineReleases releases) : PageModel
{
    /// <summary>Also the most the incidents API takes for one incident (Api/RequestBodyLimits).</summary>
    public const long MaxBytes = 1024 * 1024;

    [BindProperty] public string? Corrected { get; set; }
    [BindProperty] public string? DiscardReason { get; set; }

    public QuarantinedRecord? Record { get; private set; }
    public bool CanResolve { get; private set; }
    public bool CanRelease => Record is not null && Intake is not null;
    public string? Released { get; private set; }
    /// <summary>Why the corrected record still cannot be accepted, from the owning module's own rules.</summary>
    public IReadOnlyList<string> StillWrong { get; private set; } = [];

    private IQuarantineRelease? Intake => Record is null ? null : releases.For(Record);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        Corrected = Intake?.ForCorrection(Record!) ?? Record!.Corrected ?? Record.Raw;
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        ModelState.Clear();
        // Someone who may not resolve records is refused whatever the form says: the service throws.
        if (CanResolve)
        {
            if (Record!.Status != QuarantineStatus.Waiting) { ModelState.AddModelError(nameof(Corrected), "This record has already been resolved"); return Page(); }
            if (Intake is null) { ModelState.AddModelError(nameof(Corrected), "Records of this kind cannot be released here: discard it with a reason"); return Page(); }
            if (string.IsNullOrWhiteSpace(Corrected)) { ModelState.AddModelError(nameof(Corrected), "Enter the corrected record"); return Page(); }
        }

        var outcome = await releases.ReleaseAsync(new ReleaseQuarantinedOptions(Record!, Corrected ?? ""), await current.ProcessAsync(ct: ct), ct);
        if (!outcome.Accepted)
        {
            StillWrong = outcome.Reasons;
            ModelState.AddModelError(nameof(Corrected), $"The corrected record still breaks {outcome.Reasons.Count} rules: {string.Join("; ", outcome.Reasons)}");
            return Page();
        }
        Released = outcome.Resolution;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        ModelState.Clear();
        if (CanResolve)
        {
            if (Record!.Status != QuarantineStatus.Waiting) { ModelState.AddModelError(nameof(DiscardReason), "This record has already been resolved"); return Page(); }
            if (string.IsNullOrWhiteSpace(DiscardReason)) { ModelState.AddModelError(nameof(DiscardReason), "Enter why the record is discarded"); return Page(); }
        }
        await quarantine.DiscardAsync(new DiscardQuarantinedOptions(Record!.Id, DiscardReason ?? ""), await current.ProcessAsync(ct: ct), ct);
        return Redirect("/admin/quarantine");
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Record = HttpContext.Loaded<QuarantinedRecord>();
        CanResolve = (await current.RequireAsync(ct)).HasAny(Resource.Quarantine, Operation.Update);
    }
}
