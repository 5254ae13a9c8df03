using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.MaracReferral;

/// <summary>
/// Referring one victim (opened by the person record's filter: policy and audit): the criteria the records show, and
/// professional judgement with its reason; MaracReferrals' own rules decide.
/// </summary>
public sealed class PersonModel(CurrentActor current, MaracReferrals referrals, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public List<string> Judgement { get; set; } = [];
    [BindProperty] public string? ProfessionalJudgementReason { get; set; }

    public Person Victim { get; private set; } = null!;
    public MaracCriteria Criteria { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var judgement = Judgement.Contains("yes");
        if (judgement && string.IsNullOrWhiteSpace(ProfessionalJudgementReason))
            ModelState.AddModelError(nameof(ProfessionalJudgementReason), "Say why your professional judgement refers this victim to MARAC");
        if (!judgement && !Criteria.Any)
            ModelState.AddModelError(nameof(Judgement), "No criterion holds in the records: to refer, choose professional judgement and say why");
        if (!ModelState.IsValid) return Page();
        try
        {
            await referrals.ReferAsync(new ReferToMarac(Victim.Id, null, null, judgement, ProfessionalJudgementReason: judgement ? ProfessionalJudgementReason : null),
                await current.ProcessAsync());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Judgement), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect("/domestic-abuse/marac/refer?referred=true");
    }

    private async Task LoadAsync()
    {
        var actor = await current.RequireAsync();
        Victim = HttpContext.Loaded<PersonOpening>().Person;
        Criteria = await MaracReferrals.CriteriaAsync(db, new MaracCriteriaOptions(actor.PartnershipId, Victim.Id, null, null, null,
            Households.LondonDate(db.Clock.GetCurrentInstant())));
    }
}
