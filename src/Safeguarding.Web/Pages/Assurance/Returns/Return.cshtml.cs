using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Returns;

/// <summary>
/// One agency's return. The agency answers (a grade and evidence per question; saved as a draft or submitted); the
/// sub-group grades and challenges each answer, then closes; the agency responds to a challenge. Each form posts the
/// fields named by question number (Grade3, Evidence3, Challenge3); the service decides who may do what, and a form with
/// any error saves nothing and shows the answers as typed.
/// </summary>
public sealed class ReturnModel(CurrentActor current, AssuranceReturns returns) : PageModel
{
    public ReturnView Return { get; private set; } = null!;

    public void OnGet() => Return = HttpContext.Loaded<ReturnView>();

    public Task<IActionResult> OnPostSaveAsync(Guid id) => AnswerAsync(id, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => AnswerAsync(id, submit: true);

    public Task<IActionResult> OnPostGradeAsync(Guid id) => ActAsync(id, "grade an assurance return", process =>
        returns.GradeAsync(new GradeAnswersOptions(id, [.. Return.Answers.Select(a => new GradeInput(a.QuestionId, Grade(a.Number), Field("Challenge", a.Number)))]), process));

    public Task<IActionResult> OnPostRespondAsync(Guid id, Guid questionId, string? response) => ActAsync(id, "respond to a challenge", process =>
        returns.RespondAsync(new RespondOptions(id, questionId, response ?? ""), process));

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ActAsync(id, "close an assurance return", process => returns.CloseAsync(id, process));

    private Task<IActionResult> AnswerAsync(Guid id, bool submit) => ActAsync(id, "answer an assurance return", process =>
        returns.SaveAsync(new SaveAnswersOptions(id, [.. Return.Answers.Select(a => new AnswerInput(a.QuestionId, Grade(a.Number), Field("Evidence", a.Number)))], submit), process));

    private async Task<IActionResult> ActAsync(Guid id, string purpose, Func<Core.Platform.ProcessContext, Task> act)
    {
        Return = HttpContext.Loaded<ReturnView>();
        try
        {
            await act(await current.ProcessAsync(purpose));
            return Redirect($"/assurance/returns/{id}");
        }
        catch (ArgumentException e)
        {
            AssurancePages.AddError(ModelState, e);
            return Page();
        }
    }

    /// <summary>What was typed in a question's field: the form's on a failed post, the saved answer otherwise.</summary>
    public string? Typed(string field, int number, string? saved) => Request.HasFormContentType && Request.Form.ContainsKey($"{field}{number}") ? Field(field, number) : saved;

    private string? Field(string field, int number) => Request.HasFormContentType ? Request.Form[$"{field}{number}"].ToString() : null;

    private int? Grade(int number) => int.TryParse(Field("Grade", number), out var g) ? g : null;
}
