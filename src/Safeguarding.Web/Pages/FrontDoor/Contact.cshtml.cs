using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>
/// A contact in full, for the Front Door and children's social work: the concern, who sent it, the clock, the decision
/// and the assessment. Front Door staff decide it (once, with a reason) and record the assessment's end with the census
/// factors; both forms refuse a reader who may not update the contact, and save nothing unless the whole answer is good.
/// </summary>
public sealed class ContactModel(CurrentActor current, FrontDoorContacts contacts, IClock clock) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateParts CompletedOn { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public List<string> Factors { get; set; } = [];

    public ContactView View { get; private set; } = null!;

    public void OnGet() => View = HttpContext.Loaded<ContactView>();

    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        View = Updatable();
        var decision = Enum.TryParse<ContactDecision>(Decision, out var d) && Enum.IsDefined(d) ? d : (ContactDecision?)null;
        var options = new DecideContactOptions(id, decision, Reason);
        foreach (var (field, message) in FrontDoorContacts.DecisionProblems(options)) ModelState.AddModelError(field, message);
        return await SaveAsync(() => contacts.DecideAsync(options, Process("Front Door decision")), nameof(Decision));
    }

    public async Task<IActionResult> OnPostAssessmentAsync(Guid id)
    {
        View = Updatable();
        var outcome = Enum.TryParse<AssessmentOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : (AssessmentOutcome?)null;
        if (CompletedOn.ToDate() is null && !CompletedOn.IsEmpty) ModelState.AddModelError(nameof(CompletedOn), "Enter a real date, like 27 3 2027");
        var options = new CompleteAssessmentOptions(id, CompletedOn.ToDate(), outcome, Factors);
        if (ModelState.IsValid)
            foreach (var (field, message) in FrontDoorContacts.AssessmentProblems(options, View.Contact, FrontDoorClocks.Today(clock.GetCurrentInstant())))
                ModelState.AddModelError(field, message);
        return await SaveAsync(() => contacts.CompleteAssessmentAsync(options, Process("child and family assessment")), nameof(Outcome));
    }

    private ContactView Updatable()
    {
        var view = HttpContext.Loaded<ContactView>();
        if (!view.MayDecide) throw new ForbiddenException(FrontDoorContacts.ResourceType, view.Contact.Id.ToString(), "no role grants Update on this FrontDoorContact");
        return view;
    }

    private ProcessContext? process;

    private ProcessContext Process(string purpose) => process! with { Purpose = purpose };

    private async Task<IActionResult> SaveAsync(Func<Task> save, string field)
    {
        if (!ModelState.IsValid) return Page();
        process = await current.ProcessAsync();
        try
        {
            await save();
            return Redirect($"/front-door/contacts/{View.Contact.Id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(field, e.Message.Split(" (Parameter")[0]);
            return Page();
        }
    }
}
