using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// Who holds a child: the current allocation and the history, for those with ChildAllocation Read on the child (the Front
/// Door sees who holds them). A manager (team manager, youth justice manager, service manager) allocates the child to a
/// worker of their own organisation, or ends their organisation's allocation; the service checks both again.
/// </summary>
public sealed class AllocationModel(CurrentActor current, ChildAllocations allocations, IClock clock) : PageModel
{
    public static readonly Role[] WorkerRoles = [Role.SocialWorker, Role.YouthJusticeWorker, Role.ExploitationPractitioner];
    public static readonly Role[] ManagerRoles = [Role.TeamManager, Role.YouthJusticeManager];

    public ChildAllocationsOfChild View { get; private set; } = null!;

    [BindProperty] public Guid? Worker { get; set; }
    [BindProperty] public Guid? TeamManager { get; set; }
    [BindProperty] public Guid? ServiceManager { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public Guid? AllocationId { get; set; }
    [BindProperty] public DateParts EndDate { get; set; } = new();

    public IEnumerable<(Guid Id, string Name)> Having(params Role[] roles) =>
        View.Colleagues.Where(c => c.Roles.Any(roles.Contains)).Select(c => (c.Id, c.Name));

    public void OnGet() => View = HttpContext.Loaded<ChildAllocationsOfChild>();

    public async Task<IActionResult> OnPostAllocateAsync()
    {
        View = HttpContext.Loaded<ChildAllocationsOfChild>();
        DemandAllocate();
        ModelState.Clear();
        if (Worker is null || !Having(WorkerRoles).Any(w => w.Id == Worker)) ModelState.AddModelError(nameof(Worker), "Select the worker");
        if (TeamManager is null || !Having(ManagerRoles).Any(m => m.Id == TeamManager)) ModelState.AddModelError(nameof(TeamManager), "Select the team manager");
        if (ServiceManager is { } sm && !Having(Role.ServiceManager).Any(m => m.Id == sm)) ModelState.AddModelError(nameof(ServiceManager), "Select a service manager of your organisation, or none");
        var start = StartDate.IsEmpty ? Today() : StartDate.ToDate();
        if (start is null) ModelState.AddModelError(nameof(StartDate), "Enter a real date, for example 27 3 2026, or leave it empty for today");
        if (!ModelState.IsValid) return Page();
        await allocations.AllocateAsync(new AllocateChildOptions(View.Child.Id, Worker!.Value, TeamManager!.Value, ServiceManager, start!.Value),
            await current.ProcessAsync("allocate a child"));
        return Redirect($"/people/{View.Child.Id}/allocation");
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        View = HttpContext.Loaded<ChildAllocationsOfChild>();
        DemandAllocate();
        ModelState.Clear();
        // Only a current allocation of the manager's own organisation is offered (and ended by the service, which checks again).
        var row = View.Allocations.FirstOrDefault(a => a.Allocation.Id == AllocationId && a.MayEnd);
        if (row is null)
        {
            ModelState.AddModelError(nameof(AllocationId), "Your organisation does not hold this child now");
            return Page();
        }
        var end = EndDate.IsEmpty ? Today() : EndDate.ToDate();
        if (end is null) ModelState.AddModelError(nameof(EndDate), "Enter a real date, for example 27 3 2026, or leave it empty for today");
        else if (end < row.Allocation.StartDate) ModelState.AddModelError(nameof(EndDate), "The allocation cannot end before it started");
        if (!ModelState.IsValid) return Page();
        await allocations.EndAsync(new EndAllocationOptions(View.Child.Id, row.Allocation.Id, end!.Value), await current.ProcessAsync("end a child's allocation"));
        return Redirect($"/people/{View.Child.Id}/allocation");
    }

    private LocalDate Today() => clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    // Refused before the form is read, so a reader who may not allocate learns nothing from validation.
    private void DemandAllocate()
    {
        if (!View.MayAllocate) throw new ForbiddenException(ChildAllocations.ResourceType, View.Child.Id.ToString(), "no role grants Create on ChildAllocation for this child");
    }
}
