using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Health.SelfAssessment;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Health.Ward;

/// <summary>
/// The ward's tablet: the young person answers every question on one plain page (large type, one group of questions per
/// fieldset) and sends it. The page shows nothing of any record (no name, no navigation), and once sent it only thanks
/// them: the answers cannot be reopened. Loaded by <see cref="TabletFilter"/>.
/// </summary>
[RequirePermission(Resource.EdSelfAssessment, Operation.Update)]
public sealed class TabletModel(CurrentActor current, Core.Health.SelfAssessment.SelfAssessments assessments) : PageModel
{
    public TabletView View { get; private set; } = null!;
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);
    public bool Sent { get; private set; }

    public static string Field(string key) => $"q-{key}";

    public void OnGet() => View = HttpContext.Loaded<TabletView>();

    public async Task<IActionResult> OnPostAsync()
    {
        View = HttpContext.Loaded<TabletView>();
        if (View.Submitted) return Page();
        foreach (var q in View.Checklist.Questions)
        {
            var answer = Request.Form[Field(q.Key)].ToString();
            if (answer is Core.Health.SelfAssessment.SelfAssessments.Yes or Core.Health.SelfAssessment.SelfAssessments.No or Core.Health.SelfAssessment.SelfAssessments.NotSay)
                Answers[q.Key] = answer;
            else ModelState.AddModelError(Field(q.Key), $"Choose an answer: {q.Topic.ToLowerInvariant()}");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await assessments.SubmitAsync(new SubmitSelfAssessmentOptions(View.Id, Answers), await current.ProcessAsync("self-assessment on the ward tablet"));
        }
        catch (InvalidOperationException)
        {
            // Sent already (a second tap, or the back button): nothing is reopened.
        }
        Sent = true;
        return Page();
    }
}
