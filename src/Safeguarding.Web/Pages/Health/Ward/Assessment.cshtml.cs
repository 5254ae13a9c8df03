using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.Ward;

/// <summary>
/// One self-assessment for its nurse: the answers, those needing attention marked, and what the nurse does next: the
/// young people's DASH (started here, on the DASH pages), the exploitation screening and a Navigator referral (linked:
/// Health does not use Exploitation), or no further action with the reason. The record is loaded by <see cref="SelfAssessmentFilter"/>.
/// </summary>
public sealed class AssessmentModel(CurrentActor current, Core.Health.SelfAssessment.SelfAssessments assessments, RiskAssessmentRecords dash, IClock clock) : PageModel
{
    [BindProperty] public string? NextStep { get; set; }
    [BindProperty] public string? Note { get; set; }

    public SelfAssessmentView View { get; private set; } = null!;
    public int Age { get; private set; }

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostRespondAsync()
    {
        Load();
        SelfAssessmentResponse? response = NextStep switch
        {
            "nfa" => SelfAssessmentResponse.NoFurtherAction,
            "referred" => SelfAssessmentResponse.ReferredOn,
            _ => null,
        };
        if (response is null) ModelState.AddModelError(nameof(NextStep), "Select what you did");
        else if (response == SelfAssessmentResponse.NoFurtherAction && string.IsNullOrWhiteSpace(Note)) ModelState.AddModelError(nameof(Note), "Say why no further action is needed");
        if ((Note?.Length ?? 0) > 2000) ModelState.AddModelError(nameof(Note), "The note must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        try
        {
            await assessments.RespondAsync(new RespondToSelfAssessmentOptions(View.Assessment.Id, response!.Value, Note), await current.ProcessAsync("self-assessment response"));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(NextStep), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect($"/health/self-assessments/{View.Assessment.Id}");
    }

    /// <summary>Starts the young people's DASH for the same person, in the emergency department, and goes to its first question.</summary>
    public async Task<IActionResult> OnPostDashAsync()
    {
        Load();
        try
        {
            var started = await dash.StartAsync(new StartAssessment(ChecklistDefinition.YoungPeople, AssessmentSetting.EmergencyDepartment, View.Person.Id, null, null,
                Households.LondonDate(clock.GetCurrentInstant())), await current.ProcessAsync("young people's DASH from a self-assessment"));
            return Redirect($"/domestic-abuse/dash/{started.Id}/question/{ShippedChecklists.Get(ChecklistDefinition.YoungPeople).Questions[0].Key}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("dash", e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    private void Load()
    {
        View = HttpContext.Loaded<SelfAssessmentView>();
        Age = View.Person.DateOfBirth is { } born ? Period.Between(born, Households.LondonDate(clock.GetCurrentInstant()), PeriodUnits.Years).Years : View.Assessment.AgeAtStart;
    }
}
