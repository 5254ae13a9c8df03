using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

public sealed class CheckAnswersModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db)
    : DashPageModel(current, records, checklists, db)
{
    [BindProperty] public bool ProfessionalJudgement { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string> ReferToMarac { get; set; } = [];

    public Dictionary<string, bool?> Answers { get; private set; } = [];
    public RiskResult Result { get; private set; } = null!;
    public Dictionary<Guid, string> ChildNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await SetUpAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await SetUpAsync(id) is { } result) return result;
        var unanswered = Checklist.Questions.Count(q => !Answers.ContainsKey(q.Key));
        if (unanswered > 0) ModelState.AddModelError("Answers", $"Answer every question first: {unanswered} {(unanswered == 1 ? "is" : "are")} not answered (choose not known if you cannot)");
        if (ProfessionalJudgement && string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why your professional judgement is that this is high risk");
        if (Reason?.Length > 4000) ModelState.AddModelError(nameof(Reason), "Reason must be 4,000 characters or fewer");
        var refer = ReferToMarac.Contains("true");
        // Checked on the result with the judgement as ticked: a referral needs a criterion, the assessor's judgement among them.
        if (refer && !Result.Refer) ModelState.AddModelError(nameof(ReferToMarac), "No MARAC criterion holds: to refer, tick professional judgement and say why");
        if (!ModelState.IsValid) return Page();
        await Records.CompleteAsync(new CompleteAssessmentOptions(id, ProfessionalJudgement, Reason, refer), await Current.ProcessAsync());
        return Redirect($"/domestic-abuse/dash/{id}/done");
    }

    private async Task<IActionResult?> SetUpAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        Answers = RiskAssessmentRecords.AnswersOf(Assessment);
        Result = await Records.ScoreAsync(Assessment, ProfessionalJudgement);
        var ids = Assessment.Children.Select(c => c.PersonId).ToList();
        ChildNames = await SealedPeople.NamesAsync(Db, await Current.RequireAsync(), ids);
        return null;
    }

    public static string Text(bool? answer, bool answered) => !answered ? "Not answered" : answer switch { true => "Yes", false => "No", null => "Not known" };
}
