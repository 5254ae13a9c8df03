using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.ChildrenToPlace;

/// <summary>A practitioner picks the setting for one child; the setting is told.</summary>
[RequirePermission(Resource.EncompassNotification, Operation.Create)]
public sealed class PlaceModel(CurrentActor current, Core.DomesticAbuse.Encompass.ChildrenToPlace queue) : PageModel
{
    /// <summary>An organisation id, with ":EHE" or ":CME" for the council's leads.</summary>
    [BindProperty] public string? Setting { get; set; }

    public ChildToPlace? Child { get; private set; }
    public IReadOnlyList<Organisation> Settings { get; private set; } = [];
    public string? Placed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var parts = (Setting ?? "").Split(':');
        var organisation = Guid.TryParse(parts[0], out var orgId) ? Settings.FirstOrDefault(o => o.Id == orgId) : null;
        NotificationRecipient? councilRole = parts.Length > 1 ? parts[1] switch { "EHE" => NotificationRecipient.ElectiveHomeEducationLead, "CME" => NotificationRecipient.ChildrenMissingEducationLead, _ => null } : null;
        if (organisation is null || (organisation.Type == OrganisationType.CouncilService && councilRole is null))
        {
            ModelState.AddModelError(nameof(Setting), "Select the child's school or college, or the council's elective home education or children missing education lead");
            return Page();
        }
        try
        {
            var notification = await queue.PickAsync(new PickSettingOptions(id, organisation.Id, councilRole), await current.ProcessAsync(ct: ct), ct);
            Placed = $"{organisation.Name} has been told. The deadline is {Display.Time(notification.Deadline)}.";
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError(nameof(Setting), e.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var process = await current.ProcessAsync(ct: ct);
        Child = await queue.FindAsync(id, process, ct);
        Settings = await queue.SettingsAsync(process, ct);
        return Child is not null;
    }
}
