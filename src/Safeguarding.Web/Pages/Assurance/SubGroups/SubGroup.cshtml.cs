using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.SubGroups;

/// <summary>
/// One sub-group for the business manager: change its name, remit and chair (a user with the sub-group chair role, who
/// then writes the sub-group's sections of the yearly report), or remove it when nothing refers to it.
/// </summary>
public sealed class SubGroupModel(CurrentActor current, Core.Assurance.Structure.SubGroups groups) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Remit { get; set; }
    [BindProperty] public string? ChairUserId { get; set; }

    public SubGroupEdit Group { get; private set; } = null!;

    public void OnGet()
    {
        Group = HttpContext.Loaded<SubGroupEdit>();
        (Name, Remit, ChairUserId) = (Group.Name, Group.Remit, Group.ChairUserId?.ToString());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Group = HttpContext.Loaded<SubGroupEdit>();
        Guid? chair = null;
        if (!string.IsNullOrEmpty(ChairUserId))
        {
            if (Guid.TryParse(ChairUserId, out var id) && Group.Chairs.Any(c => c.Id == id)) chair = id;
            else ModelState.AddModelError(nameof(ChairUserId), "Choose the chair from the list");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await groups.SaveAsync(new SaveSubGroupOptions(Group.Id, Name, Remit, chair), await current.ProcessAsync("change a sub-group"));
        }
        catch (ArgumentException e)
        {
            AssurancePages.AddError(ModelState, e);
            return Page();
        }
        return Redirect("/assurance/plan#sub-groups");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        Group = HttpContext.Loaded<SubGroupEdit>();
        (Name, Remit, ChairUserId) = (Group.Name, Group.Remit, Group.ChairUserId?.ToString());
        try
        {
            await groups.RemoveAsync(Group.Id, await current.ProcessAsync("remove a sub-group"));
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("remove", e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return Redirect("/assurance/plan#sub-groups");
    }
}
