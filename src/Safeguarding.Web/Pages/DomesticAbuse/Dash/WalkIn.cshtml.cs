using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>
/// A checklist without a police incident: an IDVA, a health practitioner or the emergency department assesses someone
/// who walks in. The assessor finds the person through the person index (search before create, only people their role
/// may open), or sends the index their own record of them, which links to the person it already holds or starts one.
/// Everything is posted: no name or date of birth in an address.
/// </summary>
public sealed class WalkInModel(CurrentActor current, PersonIndex index, RiskAssessmentRecords records, SafeguardingDbContext db, IClock clock) : PageModel
{
    /// <summary>The choice that records the person as new rather than one of those found.</summary>
    public const string NewPerson = "new";

    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public DateParts DateOfBirth { get; set; } = new();
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public Sex Sex { get; set; }
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public string? ChecklistCode { get; set; }

    public PersonSearchResults? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        ModelState.Clear();
        if (!Validate()) return Page();
        await SearchAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        ModelState.Clear();
        if (!Validate()) return Page();
        await SearchAsync();
        Guid? chosen = Guid.TryParse(Person, out var id) && Results!.People.Any(p => p.Person.Id == id) ? id : null;
        if (chosen is null && Person != NewPerson) ModelState.AddModelError(nameof(Person), "Select the person you are assessing, or record them as a new person");
        if (ChecklistCode is not (ChecklistDefinition.Adult or ChecklistDefinition.YoungPeople)) ModelState.AddModelError(nameof(ChecklistCode), "Select which checklist to use");
        if (!ModelState.IsValid) return Page();

        var actor = await current.RequireAsync();
        var process = await current.ProcessAsync();
        var today = Households.LondonDate(clock.GetCurrentInstant());
        try
        {
            var victim = chosen ?? await RecordAsync(actor, process);
            var assessment = await records.StartAsync(new StartAssessment(ChecklistCode!, await SettingAsync(actor), victim, null, null, today), process);
            return Redirect($"/domestic-abuse/dash/{assessment.Id}/question/{ShippedChecklists.Get(ChecklistCode!).Questions[0].Key}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(ChecklistCode), e.Message);
            return Page();
        }
    }

    private bool Validate()
    {
        if (string.IsNullOrWhiteSpace(GivenName)) ModelState.AddModelError(nameof(GivenName), "Enter their given name");
        if (string.IsNullOrWhiteSpace(FamilyName)) ModelState.AddModelError(nameof(FamilyName), "Enter their family name");
        if ((GivenName?.Length ?? 0) > 100 || (FamilyName?.Length ?? 0) > 100) ModelState.AddModelError(nameof(FamilyName), "Names must be 100 characters or fewer");
        var today = Households.LondonDate(clock.GetCurrentInstant());
        if (DateOfBirth.ToDate() is not { } dob) ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be a real date, like 27 3 1990");
        else if (dob > today || dob.Year < 1900) ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be in the past");
        if ((Postcode?.Length ?? 0) > 8) ModelState.AddModelError(nameof(Postcode), "Postcode must be 8 characters or fewer");
        return ModelState.IsValid;
    }

    private async Task SearchAsync() =>
        Results = await index.SearchAsync(new PersonSearchOptions(GivenName!.Trim(), FamilyName!.Trim(), Iso(DateOfBirth.ToDate()!.Value), Postcode, PageSize: 20),
            await current.ProcessAsync());

    /// <summary>The assessor's organisation's own record of the person, sent to the index as any agency's record is.</summary>
    private async Task<Guid> RecordAsync(Actor actor, ProcessContext process)
    {
        var dob = Iso(DateOfBirth.ToDate()!.Value);
        var received = JsonSerializer.Serialize(new { givenName = GivenName!.Trim(), familyName = FamilyName!.Trim(), dateOfBirth = dob, postcode = Postcode?.Trim(), sex = Sex.ToString() });
        var arrival = await index.ReceiveAsync(new IncomingRecord(actor.OrganisationId, "walk-in risk checklist", Guid.CreateVersion7().ToString("N"), received,
            GivenName.Trim(), FamilyName.Trim(), dob, Sex, string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim(), null, null, null), process);
        return arrival.PersonId;
    }

    /// <summary>Where the checklist is completed: the emergency department in a hospital trust, an IDVA's service, otherwise social work.</summary>
    private async Task<AssessmentSetting> SettingAsync(Actor actor)
    {
        var type = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Type).SingleAsync();
        return type switch
        {
            OrganisationType.HospitalTrust => AssessmentSetting.EmergencyDepartment,
            OrganisationType.PoliceForce => AssessmentSetting.Police,
            _ when actor.Roles.Contains(Role.Idva) => AssessmentSetting.Idva,
            _ => AssessmentSetting.SocialWork,
        };
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
