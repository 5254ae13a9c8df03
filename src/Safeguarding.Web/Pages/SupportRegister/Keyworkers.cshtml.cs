using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The complex-needs unit's list of children on the register whose rating the keyworker criteria name and who have no
/// keyworker referral, red first, paged with the true total. Only for the unit (the service refuses anyone else); each row audited.
/// </summary>
public sealed class KeyworkersModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    public Paged<KeyworkerDueRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        List = await register.WithoutKeyworkerReferralAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("children due a keyworker referral"));
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
