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
    protected async Task<IActionResult> SaveAsync(string purpose, string form, string fallback, string[] fields, Func<ProcessContext, Task> save)
    {
        var process = await current.ProcessAsync(purpose);
        if (ModelState.IsValid)
        {
            try
            {
                await save(process);
                return Redirect($"{Path}?year={Year}#{form.ToLowerInvariant()}");
            }
            catch (ArgumentException e)
            {
                AssurancePages.AddFormError(ModelState, form, e, fallback, fields);
            }
        }
        await LoadAsync(process);
        return Page();
    }
}
