using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.Ward;

/// <summary>
/// The nurse starts a self-assessment: finds the young person through the person index (search before create), then the
/// tablet is handed over. Ages outside 12 to 18 are refused with the reason.
/// </summary>
[RequirePermission(Resource.EdSelfAssessment, Operation.Create)]
public sealed class StartModel(CurrentActor current, PersonIndex index, Core.Health.SelfAssessment.SelfAssessments assessments, IClock clock) : PageModel
{
    [BindProperty] public FindYoungPerson Find { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        if (!Find.Validate(ModelState, Households.LondonDate(clock.GetCurrentInstant()))) return Page();
        await Find.SearchAsync(index, await current.ProcessAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!Find.Validate(ModelState, Households.LondonDate(clock.GetCurrentInstant()))) return Page();
        var process = await current.ProcessAsync("self-assessment started");
        await Find.SearchAsync(index, process);
        try
        {
            if (await Find.ChosenAsync(index, ModelState, await current.RequireAsync(), process, "ward self-assessment") is not { } personId) return Page();
            var started = await assessments.StartAsync(new StartSelfAssessmentOptions(personId), process);
            return Redirect($"/health/self-assessments/{started.Id}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("Find.DateOfBirth", e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
