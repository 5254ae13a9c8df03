using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Records that consent was withdrawn: the child leaves the register, what was recorded stays, and nothing more is
/// shared with schools or GP practices. The form only for one who may update the entry, on GET as on POST.
/// </summary>
public sealed class WithdrawModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public DateParts WithdrawnOn { get; set; } = new();

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        return Entry.Status == SupportRegisterStatus.OnRegister ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        var on = WithdrawnOn.ToDate();
        if (on is null)
        {
            ModelState.AddModelError(nameof(WithdrawnOn), WithdrawnOn.IsEmpty ? "Enter the date consent was withdrawn" : "Enter a real date, like 27 3 2027");
            return Page();
        }
        try
        {
            await register.WithdrawConsentAsync(new WithdrawConsentOptions(id, on.Value), await current.ProcessAsync("record withdrawal of consent for the Dynamic Support Register"));
            return Redirect($"/support-register/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(WithdrawnOn), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
