using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// Suggests a child for the register (the child named by <c>?personId=</c>, opened by the policy on GET and POST
/// alike): the needs, the lead practitioner, agencies, placement, risks and protective factors, a keyworker if any.
/// The child is on the register only once consent is recorded. Nothing is saved unless the whole answer is good.
/// </summary>
public sealed class SuggestModel(CurrentActor current, SupportRegisterEntries register) : PageModel
{
    [BindProperty] public string? Need { get; set; }
    [BindProperty] public Guid? LeadPractitionerUserId { get; set; }
    [BindProperty] public string? AgenciesInvolved { get; set; }
    [BindProperty] public string? Placement { get; set; }
    [BindProperty] public string? KeyRisks { get; set; }
    [BindProperty] public string? ProtectiveFactors { get; set; }
    [BindProperty] public string? Keyworker { get; set; }

    public Person Child { get; private set; } = null!;
    public IReadOnlyList<LeadPractitionerChoice> Leads { get; private set; } = [];
    /// <summary>Suggested, by one who cannot read the entry (it is health-led): the page says so instead of showing it.</summary>
    public bool Done { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var need = Enum.TryParse<SupportNeed>(Need, out var n) && Enum.IsDefined(n) ? n : (SupportNeed)(-1);
        var options = new SuggestEntryOptions(Child.Id, need, LeadPractitionerUserId ?? Guid.Empty, AgenciesInvolved ?? "", Placement ?? "", KeyRisks ?? "",
            ProtectiveFactors ?? "", Keyworker);
        foreach (var (field, message) in SupportRegisterEntries.SuggestionProblems(options)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        var process = await current.ProcessAsync("suggest a child for the Dynamic Support Register");
        try
        {
            var id = await register.SuggestAsync(options, process);
            var actor = process.RequireActor();
            if (actor.UserId == options.LeadPractitionerUserId
                || actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership }))
                return Redirect($"/support-register/{id}");
            Done = true;
            return Page();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(LeadPractitionerUserId), e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Child = HttpContext.Loaded<PersonOpening>().Person;
        Leads = await register.LeadChoicesAsync(await current.ProcessAsync("Dynamic Support Register lead practitioners"));
    }
}
