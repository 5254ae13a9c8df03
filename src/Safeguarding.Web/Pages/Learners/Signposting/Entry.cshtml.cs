using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Signposting;

/// <summary>One signposting entry (loaded by <see cref="SignpostingFilter"/> for GET and POST alike) and what the CME/NEET lead did about it.</summary>
[RequirePermission(Resource.EducationSignposting, Operation.Update)]
public sealed class EntryModel(CurrentActor current, EducationSignpostings signposting) : PageModel
{
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public SignpostingRow Entry { get; private set; } = null!;

    public void OnGet() => Entry = HttpContext.Loaded<SignpostingRow>();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        Entry = HttpContext.Loaded<SignpostingRow>();
        if (!Enum.TryParse<SignpostingStatus>(Outcome, out var status) || status == SignpostingStatus.Open || !Enum.IsDefined(status))
            ModelState.AddModelError(nameof(Outcome), "Choose what was done");
        if (string.IsNullOrWhiteSpace(Note)) ModelState.AddModelError(nameof(Note), "Enter a note of what was done");
        if (!ModelState.IsValid) return Page();
        var problem = await signposting.RecordAsync(new RecordSignpostingOptions(id, status, Note), await current.ProcessAsync("education signposting recorded"));
        if (problem is null) return Redirect($"/learners/signposting/{id}");
        ModelState.AddModelError(nameof(Note), problem);
        return Page();
    }
}
