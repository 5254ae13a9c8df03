using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.MaracReferral;

/// <summary>
/// Referring one victim (opened by the person record's filter: policy and audit): the criteria the records show,
/// optionally the person causing harm, and professional judgement with its reason; MaracReferrals' own rules decide.
/// The person causing harm is found in the person index as the victim is (names posted, never in the address), chosen
/// by id in the query, and opened through the same policy on every request: one the referrer may not open is refused
/// as a victim would be.
/// </summary>
public sealed class PersonModel(CurrentActor current, MaracReferrals referrals, PersonRecords people, PersonIndex index, SafeguardingDbContext db) : PageModel
{
    [BindProperty] public List<string> Judgement { get; set; } = [];
    [BindProperty] public string? ProfessionalJudgementReason { get; set; }
    /// <summary>The person causing harm chosen from the search (their id only).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Harm { get; set; }
    [BindProperty] public string? HarmGivenName { get; set; }
    [BindProperty] public string? HarmFamilyName { get; set; }

    public Person Victim { get; private set; } = null!;
    public Person? PersonCausingHarm { get; private set; }
    public MaracCriteria Criteria { get; private set; } = null!;
    public PersonSearchResults? HarmResults { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostFindHarmAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(HarmGivenName) && string.IsNullOrWhiteSpace(HarmFamilyName))
        {
            ModelState.AddModelError(nameof(HarmGivenName), "Enter the given name or family name of the person causing harm");
            return Page();
        }
        HarmResults = await index.SearchAsync(new PersonSearchOptions(HarmGivenName?.Trim(), HarmFamilyName?.Trim()), await current.ProcessAsync());
        return Page();
    }

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
            await referrals.ReferAsync(new ReferToMarac(Victim.Id, PersonCausingHarm?.Id, null, judgement, ProfessionalJudgementReason: judgement ? ProfessionalJudgementReason : null),
                await current.ProcessAsync());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(Judgement), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect("/domestic-abuse/marac/refer?referred=true");
    }

    /// <summary>Where choosing someone from the search leads: this page, with them as the person causing harm.</summary>
    public string ChooseHarmUrl(Guid personId) => $"/domestic-abuse/marac/refer/{Victim.Id}?harm={personId}";

    private async Task LoadAsync()
    {
        var actor = await current.RequireAsync();
        Victim = HttpContext.Loaded<PersonOpening>().Person;
        if (Harm is { } harmId && harmId != Victim.Id)
            // The policy decides and the read is audited; a refusal is answered 403 (audited) as for the victim, an unknown id 404.
            PersonCausingHarm = (await people.OpenAsync(harmId, await current.ProcessAsync()) ?? throw new NotFoundException(PersonRecords.ResourceType, harmId.ToString())).Person;
        Criteria = await MaracReferrals.CriteriaAsync(db, new MaracCriteriaOptions(actor.PartnershipId, Victim.Id, PersonCausingHarm?.Id, null, null,
            Households.LondonDate(db.Clock.GetCurrentInstant())));
    }
}
