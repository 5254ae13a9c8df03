using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// A keepers' page of several small forms for one reporting year (the plan, the training records): each form saves all
/// or nothing, and a refusal shows the page again with what was typed and the error beside its box.
/// </summary>
public abstract class KeepPage(CurrentActor current, IClock clock) : PageModel
{
    protected int Year => AssurancePages.YearFrom(Request, clock);

    /// <summary>The page's own path, to come back to after a form is saved.</summary>
    protected abstract string Path { get; }

    protected abstract Task LoadAsync(ProcessContext process);

    public async Task OnGetAsync() => await LoadAsync(await current.ProcessAsync(Purpose));

    protected abstract string Purpose { get; }

    /// <summary>Saves one form when the page found nothing wrong with it, else shows the page again.</summary>
    protected Task<IActionResult> SaveAsync(string purpose, string form, string fallback, string[] fields, Func<ProcessContext, Task> save) =>
        RunAsync(purpose, form.ToLowerInvariant(), e => AssurancePages.AddFormError(ModelState, form, e, fallback, fields), save);

    /// <summary>
    /// Removes (or corrects) one row listed in a section of the page; a refusal (something else refers to it) shows the page
    /// again with the reason, linked to the section's heading.
    /// </summary>
    protected Task<IActionResult> ChangeAsync(string purpose, string section, Func<ProcessContext, Task> change) =>
        RunAsync(purpose, section, e => ModelState.AddModelError(section, e.Message.Split(" (Parameter")[0]), change);

    private async Task<IActionResult> RunAsync(string purpose, string anchor, Action<ArgumentException> refused, Func<ProcessContext, Task> save)
    {
        var process = await current.ProcessAsync(purpose);
        if (ModelState.IsValid)
        {
            try
            {
                await save(process);
                return Redirect($"{Path}?year={Year}#{anchor}");
            }
            catch (ArgumentException e)
            {
                refused(e);
            }
        }
        await LoadAsync(process);
        return Page();
    }
}
