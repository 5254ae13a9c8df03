using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

public sealed class StartModel(CurrentActor current, RiskAssessmentRecords records, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public string? ChecklistCode { get; set; }

    public DomesticIncident Incident { get; private set; } = null!;
    public IncidentAdult? Victim { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid incidentId) => await LoadAsync(incidentId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid incidentId)
    {
        if (await LoadAsync(incidentId) is { } refused) return refused;
        if (ChecklistCode is not (ChecklistDefinition.Adult or ChecklistDefinition.YoungPeople))
            ModelState.AddModelError(nameof(ChecklistCode), "Select which checklist to use");
        if (Victim?.PersonId is null)
            ModelState.AddModelError(nameof(ChecklistCode), "The victim is not yet linked to a person: ask the Front Door to link them first");
        if (!ModelState.IsValid) return Page();

        var actor = await current.RequireAsync();
        var isPolice = await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId && o.Type == OrganisationType.PoliceForce);
        try
        {
            var assessment = await records.StartAsync(new StartAssessment(ChecklistCode!, isPolice ? AssessmentSetting.Police : AssessmentSetting.SocialWork,
                Victim!.PersonId, Incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.PersonCausingHarm)?.PersonId, Incident.Id,
                Households.LondonDate(Incident.OccurredAt)), await current.ProcessAsync());
            var first = ShippedChecklists.Get(ChecklistCode!).Questions[0].Key;
            return Redirect($"/domestic-abuse/dash/{assessment.Id}/question/{first}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(ChecklistCode), e.Message);
            return Page();
        }
    }

    /// <summary>Takes the incident <see cref="IncidentFilter"/> opened and checked.</summary>
    private Task<IActionResult?> LoadAsync(Guid incidentId)
    {
        Incident = HttpContext.Loaded<DomesticIncident>();
        Victim = Incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim);
        return Task.FromResult<IActionResult?>(null);
    }
}
