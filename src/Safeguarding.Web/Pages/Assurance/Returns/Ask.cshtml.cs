using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Returns;

/// <summary>The sub-group asks agencies for a return: the question set, the sub-group asking, a title, the due date and the agencies. Nothing is saved unless all is good.</summary>
public sealed class AskModel(CurrentActor current, AssuranceReturns returns) : PageModel
{
    [BindProperty] public string? QuestionSetId { get; set; }
    [BindProperty] public string? SubGroupId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateParts Due { get; set; } = new();
    [BindProperty] public List<string> AgencyIds { get; set; } = [];

    public AskChoices Choices { get; private set; } = null!;

    /// <summary>The choice that stands for every agency the partners name as a relevant agency.</summary>
    public const string EveryRelevantAgency = "relevant";

    public async Task OnGetAsync() => Choices = await returns.AskChoicesAsync(await current.ProcessAsync("ask for an assurance return"));

    public async Task<IActionResult> OnPostAsync()
    {
        var process = await current.ProcessAsync("ask for an assurance return");
        Choices = await returns.AskChoicesAsync(process);
        var due = Due.ToDate();
        if (!Guid.TryParse(QuestionSetId, out var set)) ModelState.AddModelError(nameof(QuestionSetId), "Choose a question set.");
        if (due is null) ModelState.AddModelError(nameof(Due), "Enter the due date as a real date, for example 27 3 2027.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var id = await returns.AskAsync(new AskReturnOptions(set, Guid.TryParse(SubGroupId, out var g) ? g : null, Title ?? "", due!.Value,
                [.. AgencyIds.SelectMany(a => a == EveryRelevantAgency ? Choices.RelevantAgencyIds : [Guid.TryParse(a, out var x) ? x : Guid.Empty]).Distinct()]), process);
            return Redirect($"/assurance/returns/requests/{id}");
        }
        catch (ArgumentException e)
        {
            AssurancePages.AddError(ModelState, e);
            return Page();
        }
    }
}
