using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// One child's register entry (loaded by <see cref="SupportEntryFilter"/>, checked and audited): the whole entry with
/// consent, the rating timeline, education, keyworker referrals and the lead practitioner's history for the complex-needs
/// unit, the lead practitioner and a review member; for a school or GP practice reading under consent, only that the
/// child is on the register, the need, the rating and whom to ask (the details are not even read for them).
/// </summary>
public sealed class EntryModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    public SupportEntryView Entry { get; private set; } = null!;
    public EntryDetailsView? Details { get; private set; }

    public async Task OnGetAsync()
    {
        Entry = HttpContext.Loaded<SupportEntryView>();
        if (Entry.Full) Details = await register.DetailsAsync(Entry.Id, await current.ProcessAsync("Dynamic Support Register entry details"));
    }
}
