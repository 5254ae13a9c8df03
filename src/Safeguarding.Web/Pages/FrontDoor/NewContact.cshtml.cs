using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>
/// Sends a contact about a child (named by <c>?personId=</c>, opened by the policy on GET and POST alike) to the Front
/// Door. Front Door staff may record one from a member of the public instead, with their details, which no other agency
/// sees. Nothing is saved unless the whole answer is good.
/// </summary>
public sealed class NewContactModel(CurrentActor current, FrontDoorContacts contacts) : PageModel
{
    [BindProperty] public string? Concern { get; set; }
    [BindProperty] public bool FromPublic { get; set; }
    [BindProperty] public string? PublicReferrer { get; set; }

    public Person Child { get; private set; } = null!;
    /// <summary>Front Door staff (who hold Update on contacts) record the public's contacts.</summary>
    public bool MayRecordPublic { get; private set; }
    public Guid? Sent { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var options = new RecordContactOptions(Child.Id, Concern ?? "", MayRecordPublic && FromPublic ? PublicReferrer ?? "" : null);
        foreach (var (field, message) in FrontDoorContacts.ContactProblems(options)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        var process = await current.ProcessAsync("send a contact to the Front Door");
        var id = await contacts.RecordAsync(options, process);
        if (process.RequireActor().HasAny(Resource.FrontDoorContact, Operation.Update)) return Redirect($"/front-door/contacts/{id}");
        Sent = id;
        return Page();
    }

    private async Task LoadAsync()
    {
        Child = HttpContext.Loaded<PersonOpening>().Person;
        MayRecordPublic = (await current.ProcessAsync()).RequireActor().HasAny(Resource.FrontDoorContact, Operation.Update);
    }
}
