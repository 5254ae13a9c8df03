using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;
using Safeguarding.Web.Pages.Health;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>
/// A checklist without a police incident: an IDVA, a health practitioner or the emergency department assesses someone
/// who walks in. The assessor finds the person through the person index with the search-before-create every such page
/// uses (<see cref="FindYoungPerson"/>: only people their role may open), or sends the index their own record of them,
/// which links to the person it already holds or starts one. Everything is posted: no name or date of birth in an address.
/// </summary>
public sealed class WalkInModel(CurrentActor current, PersonIndex index, RiskAssessmentRecords records, SafeguardingDbContext db, IClock clock) : PageModel
{
    [BindProperty] public FindYoungPerson Find { get; set; } = new();
    [BindProperty] public string? ChecklistCode { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        ModelState.Clear();
        if (!Find.Validate(ModelState, Households.LondonDate(clock.GetCurrentInstant()))) return Page();
        await Find.SearchAsync(index, await current.ProcessAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        ModelState.Clear();
        var today = Households.LondonDate(clock.GetCurrentInstant());
        if (!Find.Validate(ModelState, today)) return Page();
        var process = await current.ProcessAsync();
        await Find.SearchAsync(index, process);
        // The whole form is checked before anyone is recorded, so a bad post records no one.
        Find.CheckChoice(ModelState);
        if (ChecklistCode is not (ChecklistDefinition.Adult or ChecklistDefinition.YoungPeople)) ModelState.AddModelError(nameof(ChecklistCode), "Select which checklist to use");
        if (!ModelState.IsValid) return Page();

        var actor = await current.RequireAsync();
        try
        {
            if (await Find.ChosenAsync(index, ModelState, actor, process, "walk-in risk checklist") is not { } victim) return Page();
            var assessment = await records.StartAsync(new StartAssessment(ChecklistCode!, await SettingAsync(actor), victim, null, null, today), process);
            return Redirect($"/domestic-abuse/dash/{assessment.Id}/question/{ShippedChecklists.Get(ChecklistCode!).Questions[0].Key}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(ChecklistCode), e.Message);
            return Page();
        }
    }

    /// <summary>Where the checklist is completed: the emergency department in a hospital trust, an IDVA's service, otherwise social work.</summary>
    private async Task<AssessmentSetting> SettingAsync(Actor actor)
    {
        var type = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Type).SingleAsync();
        return type switch
        {
            OrganisationType.HospitalTrust => AssessmentSetting.EmergencyDepartment,
            OrganisationType.PoliceForce => AssessmentSetting.Police,
            _ when actor.Roles.Contains(Role.Idva) => AssessmentSetting.Idva,
            _ => AssessmentSetting.SocialWork,
        };
    }
}
