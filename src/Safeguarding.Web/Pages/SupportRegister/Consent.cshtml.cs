using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Records consent for a suggested entry: who gave it, when, and whether it covers sharing with education and with the
/// GP. The child is then on the register. The form only for one who may update the entry, on GET as on POST.
/// </summary>
public sealed class ConsentModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public string? GivenBy { get; set; }
    [BindProperty] public string? GiverName { get; set; }
    [BindProperty] public DateParts GivenOn { get; set; } = new();
    [BindProperty] public List<string> Covers { get; set; } = [];

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        return Entry.Status == SupportRegisterStatus.Suggested ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        if (!Enum.TryParse<ConsentGiver>(GivenBy, out var by) || !Enum.IsDefined(by)) ModelState.AddModelError(nameof(GivenBy), "Choose who gave consent");
        if (string.IsNullOrWhiteSpace(GiverName)) ModelState.AddModelError(nameof(GiverName), "Enter the name of who gave consent");
        else if (GiverName.Trim().Length > 150) ModelState.AddModelError(nameof(GiverName), "The name must be 150 characters or fewer");
        var on = GivenOn.ToDate();
        if (on is null) ModelState.AddModelError(nameof(GivenOn), GivenOn.IsEmpty ? "Enter the date consent was given" : "Enter a real date, like 27 3 2027");
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.RecordConsentAsync(new RecordConsentOptions(id, by, GiverName!, on!.Value, Covers.Contains("Education"), Covers.Contains("Gp")),
                await current.ProcessAsync("record consent for the Dynamic Support Register"));
            return Redirect($"/support-register/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(GivenOn), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
