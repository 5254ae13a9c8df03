using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>One question per page. "Save and come back later" keeps the answers given so far.</summary>
public sealed class QuestionModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db)
    : DashPageModel(current, records, checklists, db)
{
    [BindProperty] public string? Answer { get; set; }

    public ChecklistQuestion Question { get; private set; } = null!;
    public int Number { get; private set; }
    public string BackHref { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, string key, bool change = false)
    {
        if (await SetUpAsync(id, key, change) is { } result) return result;
        Answer = RiskAssessmentRecords.AnswersOf(Assessment).TryGetValue(key, out var a) ? a switch { true => "yes", false => "no", null => "unknown" } : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key, bool change = false, string? save = null)
    {
        if (await SetUpAsync(id, key, change) is { } result) return result;
        if (Answer is not ("yes" or "no" or "unknown"))
        {
            if (save is not null) return Redirect("/domestic-abuse/dash");
            ModelState.AddModelError(nameof(Answer), "Select yes, no or not known");
            return Page();
        }
        await Records.SaveAnswersAsync(new SaveAnswersOptions(id,
            new Dictionary<string, bool?> { [key] = Answer switch { "yes" => true, "no" => false, _ => null } }), await Current.ProcessAsync());
        if (save is not null) return Redirect("/domestic-abuse/dash");
        if (change || Number == Checklist.Questions.Count) return Redirect($"/domestic-abuse/dash/{id}/{(change ? "check" : "child/1")}");
        return Redirect($"/domestic-abuse/dash/{id}/question/{Checklist.Questions[Number].Key}");
    }

    private async Task<IActionResult?> SetUpAsync(Guid id, string key, bool change)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var index = Checklist.Questions.ToList().FindIndex(q => q.Key == key);
        if (index < 0) return NotFound();
        Question = Checklist.Questions[index];
        Number = index + 1;
        BackHref = change ? $"/domestic-abuse/dash/{id}/check"
            : index == 0 ? "/domestic-abuse/dash" : $"/domestic-abuse/dash/{id}/question/{Checklist.Questions[index - 1].Key}";
        return null;
    }
}
