using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Hands the entry to another lead practitioner, with why: the unit or the current lead (whoever may update the entry,
/// on GET as on POST). Kept in the entry's lead history; access moves with it, so the old lead is sent to the register.
/// </summary>
public sealed class LeadModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public Guid? NewLead { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SupportEntryView Entry { get; private set; } = null!;
    public IReadOnlyList<LeadPractitionerChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        if (Entry.Status == SupportRegisterStatus.ConsentWithdrawn) return Redirect($"/support-register/{Entry.Id}");
        Choices = await register.LeadChoicesAsync(await current.ProcessAsync("choose a lead practitioner"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        var process = await current.ProcessAsync("change the lead practitioner");
        Choices = await register.LeadChoicesAsync(process);
        // The current lead is checked by the service (the page does not hold their id).
        foreach (var (field, message) in SupportRegisterEntries.LeadChangeProblems(NewLead, Guid.Empty, Reason)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.ChangeLeadAsync(new ChangeLeadOptions(id, NewLead!.Value, Reason!), process);
            // The old lead no longer reads the entry as its lead: the unit goes back to it, the old lead to the register.
            var actor = process.RequireActor();
            var stillReads = actor.UserId == NewLead || actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership });
            return Redirect(stillReads ? $"/support-register/{id}" : "/support-register");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(NewLead), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
