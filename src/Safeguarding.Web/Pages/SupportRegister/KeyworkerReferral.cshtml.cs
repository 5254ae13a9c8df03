using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Records a referral of a child on the register to a keyworker service: which service and when. For one who may update
/// the entry (the unit or the lead practitioner), on GET as on POST; nothing is saved unless the whole answer is good.
/// </summary>
public sealed class KeyworkerReferralModel(CurrentActor current, SupportRegisterEntries register, IClock clock) : PageModel
{
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public DateParts ReferredOn { get; set; } = new();

    public SupportEntryView Entry { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        return Entry.Status == SupportRegisterStatus.OnRegister ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        var on = ReferredOn.ToDate();
        var today = clock.GetCurrentInstant().InZone(ReferralClock.London).Date;
        foreach (var (field, message) in SupportRegisterEntries.KeyworkerReferralProblems(Service, on, today))
            ModelState.AddModelError(field, field == "ReferredOn" && on is null && !ReferredOn.IsEmpty ? "Enter a real date, like 27 3 2027" : message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.ReferToKeyworkerAsync(new KeyworkerReferralOptions(id, Service!, on!.Value), await current.ProcessAsync("refer a child to a keyworker service"));
            return Redirect($"/support-register/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Service), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
