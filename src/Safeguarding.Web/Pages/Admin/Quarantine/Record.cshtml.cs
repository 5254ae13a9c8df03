using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Quarantine;

/// <summary>One record not accepted: as received, why, and the administrator's correction and release, or discard with a reason.</summary>
public sealed class RecordModel(CurrentActor current, SafeguardingDbContext db, Core.Platform.Imports.Quarantine quarantine, IEnumerable<IQuarantineRelease> intakes)
    : PageModel
{
    public const string ResourceType = "QuarantinedRecord";

    [BindProperty] public string? Corrected { get; set; }
    [BindProperty] public string? DiscardReason { get; set; }

    public QuarantinedRecord? Record { get; private set; }
    public bool CanResolve { get; private set; }
    public bool CanRelease => Record is not null && Intake is not null;
    public string? Released { get; private set; }
    /// <summary>Why the corrected record still cannot be accepted, from the owning module's own rules.</summary>
    public IReadOnlyList<string> StillWrong { get; private set; } = [];

    private IQuarantineRelease? Intake => Record is null ? null : intakes.FirstOrDefault(i => i.Kind == Record.Kind);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Corrected = Intake?.ForCorrection(Record!) ?? Record!.Corrected ?? Record.Raw;
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanResolve) return await ForbidAsync(id);
        ModelState.Clear();
        if (Record!.Status != QuarantineStatus.Waiting) { ModelState.AddModelError(nameof(Corrected), "This record has already been resolved"); return Page(); }
        if (Intake is null) { ModelState.AddModelError(nameof(Corrected), "Records of this kind cannot be released here: discard it with a reason"); return Page(); }
        if (string.IsNullOrWhiteSpace(Corrected)) { ModelState.AddModelError(nameof(Corrected), "Enter the corrected record"); return Page(); }

        var outcome = await Intake.ReleaseAsync(await current.RequireAsync(ct), Record, Corrected, await current.ProcessAsync(ct: ct), ct);
        if (!outcome.Accepted)
        {
            StillWrong = outcome.Reasons;
            ModelState.AddModelError(nameof(Corrected), $"The corrected record still breaks {outcome.Reasons.Count} rules: {string.Join("; ", outcome.Reasons)}");
            return Page();
        }
        Released = outcome.Resolution;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanResolve) return await ForbidAsync(id);
        ModelState.Clear();
        if (Record!.Status != QuarantineStatus.Waiting) { ModelState.AddModelError(nameof(DiscardReason), "This record has already been resolved"); return Page(); }
        if (string.IsNullOrWhiteSpace(DiscardReason)) { ModelState.AddModelError(nameof(DiscardReason), "Enter why the record is discarded"); return Page(); }
        db.Process = await current.ProcessAsync(DiscardReason.Trim(), ct);
        await quarantine.DiscardAsync(await current.RequireAsync(ct), Record, DiscardReason, ct);
        return Redirect("/admin/quarantine");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.RequireAsync(ct);
        Record = await quarantine.FindAsync(actor, id, ct);
        if (Record is null) return false;
        CanResolve = actor.HasAny(Resource.Quarantine, Operation.Update);
        // The raw record may name people: every opening is in the audit trail.
        db.QueueAudit(await current.ProcessAsync(ct: ct), AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<IActionResult> ForbidAsync(Guid id)
    {
        throw new ForbiddenException(ResourceType, id.ToString(), "no role grants Update on Quarantine");
    }
}
