using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>What every page of the checklist journey shares: the draft, its checklist and the way back.</summary>
public abstract class DashPageModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db) : PageModel
{
    protected CurrentActor Current => current;
    protected RiskAssessmentRecords Records => records;
    protected SafeguardingDbContext Db => db;

    public RiskAssessment Assessment { get; private set; } = null!;
    public ChecklistDefinition Checklist { get; private set; } = null!;
    public string VictimName { get; private set; } = "";

    /// <summary>
    /// Takes the draft <see cref="AssessmentFilter"/> opened and checked; null when it may be shown, otherwise where to go
    /// instead (a completed checklist's result).
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool allowCompleted = false)
    {
        var assessment = HttpContext.Loaded<RiskAssessment>();
        if (assessment.Status != AssessmentStatus.Draft && !allowCompleted) return Redirect($"/domestic-abuse/dash/{id}/done");
        Assessment = assessment;
        Checklist = await checklists.VersionAsync(assessment.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion);
        VictimName = assessment.VictimPersonId is { } v
            ? (await SealedPeople.NamesAsync(db, await current.RequireAsync(), [v])).GetValueOrDefault(v, "the victim")
            : "the victim";
        return null;
    }
}
