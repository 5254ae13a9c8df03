using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// One child's register entry (loaded by <see cref="SupportEntryFilter"/>, checked and audited): the whole entry with
/// consent and the rating timeline for the complex-needs unit and the lead practitioner; for a school or GP practice
/// reading under consent, only that the child is on the register, the need, the rating and whom to ask.
/// </summary>
public sealed class EntryModel : PageModel
{
    public SupportEntryView Entry { get; private set; } = null!;

    public void OnGet() => Entry = HttpContext.Loaded<SupportEntryView>();
}
