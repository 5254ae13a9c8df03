using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Platform;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Records the keyworker a service allocated for one of the entry's referrals: they become the entry's keyworker. For
/// one who may update the entry, on GET as on POST (the referral is found through the entry's details, read as a full
/// reader); nothing is saved unless the whole answer is good.
/// </summary>
public sealed class KeyworkerAllocatedModel(CurrentActor current, SupportRegisterEntries register, IClock clock) : PageModel
{
    [BindProperty] public string? Keyworker { get; set; }
    [BindProperty] public DateParts AllocatedOn { get; set; } = new();

    public SupportEntryView Entry { get; private set; } = null!;
    public KeyworkerReferralView Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid referralId)
    {
        await LoadAsync(referralId);
        return Referral.AllocatedKeyworker is null ? Page() : Redirect($"/support-register/{Entry.Id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid referralId)
    {
        await LoadAsync(referralId);
        var on = AllocatedOn.ToDate();
        var today = clock.GetCurrentInstant().InZone(ReferralClock.London).Date;
        foreach (var (field, message) in SupportRegisterEntries.KeyworkerAllocationProblems(Keyworker, on, Referral.ReferredOn, today))
            ModelState.AddModelError(field, field == "AllocatedOn" && on is null && !AllocatedOn.IsEmpty ? "Enter a real date, like 27 3 2027" : message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await register.RecordKeyworkerAllocatedAsync(new KeyworkerAllocationOptions(referralId, Keyworker!, on!.Value), await current.ProcessAsync("record the allocated keyworker"));
            return Redirect($"/support-register/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Keyworker), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    private async Task LoadAsync(Guid referralId)
    {
        Entry = SupportRegisterPages.Updatable(HttpContext);
        var details = await register.DetailsAsync(Entry.Id, await current.ProcessAsync("keyworker referral"));
        Referral = details.KeyworkerReferrals.SingleOrDefault(k => k.Id == referralId)
            ?? throw new NotFoundException(nameof(Core.SupportRegister.KeyworkerReferral), referralId.ToString());
    }
}
