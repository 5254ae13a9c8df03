using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// The business manager keeps the partnership's plan: the executive (the three partners and their leads), the sub-groups
/// (name, chair, member agencies, which are the relevant agencies taking part), a year's priorities and a sub-group's
/// work-plan actions. Each form saves all or nothing; a refusal shows beside its box.
/// </summary>
public sealed class PlanKeepModel(CurrentActor current, PartnershipPlan plan, IClock clock) : KeepPage(current, clock)
{
    public sealed class PartnerForm { public string? Kind { get; set; } public string? OrganisationId { get; set; } public string? Lead { get; set; } }
    public sealed class SubGroupForm { public string? Name { get; set; } public string? Chair { get; set; } public List<string> MemberOrganisationIds { get; set; } = []; }
    public sealed class PriorityForm { public string? Title { get; set; } public string? Aim { get; set; } }
    public sealed class ActionForm
    {
        public string? SubGroupId { get; set; }
        public string? PriorityId { get; set; }
        public string? Action { get; set; }
        public string? Owner { get; set; }
        public DateParts Due { get; set; } = new();
    }

    public sealed class RelevantAgencyForm { public string? OrganisationId { get; set; } public DateParts NamedOn { get; set; } = new(); }
    public sealed class CorrectPriorityForm { public string? Title { get; set; } public string? Aim { get; set; } }
    public sealed class CorrectActionForm { public string? Action { get; set; } public string? Owner { get; set; } public DateParts Due { get; set; } = new(); }

    [BindProperty] public PartnerForm Partner { get; set; } = new();
    [BindProperty] public RelevantAgencyForm RelevantAgency { get; set; } = new();
    [BindProperty] public CorrectPriorityForm PriorityCorrection { get; set; } = new();
    [BindProperty] public CorrectActionForm ActionCorrection { get; set; } = new();
    [BindProperty] public SubGroupForm SubGroup { get; set; } = new();
    [BindProperty] public PriorityForm Priority { get; set; } = new();
    [BindProperty] public ActionForm Action { get; set; } = new();

    public PlanKeepChoices Choices { get; private set; } = null!;

    /// <summary>The priority or action whose correction form is open (<c>?correct=</c>): one at a time, so every field's id is unique.</summary>
    public Guid? Correcting => Guid.TryParse(Request.Query["correct"], out var id) ? id : null;

    public Task<IActionResult> OnPostPartnerAsync()
    {
        var kind = Enum.TryParse<PartnerKind>(Partner.Kind, out var k) && Enum.IsDefined(k) ? k : (PartnerKind?)null;
        if (kind is null) ModelState.AddModelError("Partner.Kind", "Choose which safeguarding partner.");
        if (!Guid.TryParse(Partner.OrganisationId, out var organisation)) ModelState.AddModelError("Partner.OrganisationId", "Choose the partner's organisation.");
        return SaveAsync("add a safeguarding partner", nameof(Partner), "Kind", ["Lead"],
            process => plan.AddPartnerAsync(new AddPartnerOptions(kind!.Value, organisation, Partner.Lead ?? ""), process));
    }

    public Task<IActionResult> OnPostSubGroupAsync() =>
        SaveAsync("add a sub-group", nameof(SubGroup), "MemberOrganisationIds", ["Name", "Chair"], process => plan.AddSubGroupAsync(new AddSubGroupOptions(SubGroup.Name ?? "",
            SubGroup.Chair ?? "", [.. SubGroup.MemberOrganisationIds.Select(m => Guid.TryParse(m, out var id) ? id : Guid.Empty)]), process));

    public Task<IActionResult> OnPostPriorityAsync() =>
        SaveAsync("add a priority", nameof(Priority), "Title", ["Title", "Aim"],
            process => plan.AddPriorityAsync(new AddPriorityOptions(Year, Priority.Title ?? "", Priority.Aim ?? ""), process));

    public Task<IActionResult> OnPostActionAsync()
    {
        if (!Guid.TryParse(Action.SubGroupId, out var group)) ModelState.AddModelError("Action.SubGroupId", "Choose the sub-group whose work plan it is on.");
        if (!Guid.TryParse(Action.PriorityId, out var priority)) ModelState.AddModelError("Action.PriorityId", "Choose the priority it works towards.");
        var due = Action.Due.ToDate();
        if (due is null) ModelState.AddModelError("Action.Due", "Enter the due date as a real date, for example 31 3 2024.");
        return SaveAsync("add a work-plan action", nameof(Action), "Action", ["Action", "Owner"],
            process => plan.AddActionAsync(new AddActionOptions(group, priority, Action.Action ?? "", Action.Owner ?? "", due!.Value), process));
    }

    public Task<IActionResult> OnPostRelevantAgencyAsync()
    {
        if (!Guid.TryParse(RelevantAgency.OrganisationId, out var organisation)) ModelState.AddModelError("RelevantAgency.OrganisationId", "Choose the organisation.");
        var named = RelevantAgency.NamedOn.ToDate();
        if (named is null) ModelState.AddModelError("RelevantAgency.NamedOn", "Enter the date the partners named it as a real date, for example 1 4 2024.");
        return SaveAsync("name a relevant agency", nameof(RelevantAgency), "OrganisationId", ["OrganisationId"],
            process => plan.NameRelevantAgencyAsync(new NameRelevantAgencyOptions(organisation, named!.Value), process));
    }

    public Task<IActionResult> OnPostRemoveRelevantAgencyAsync(Guid id) =>
        ChangeAsync("remove a relevant agency", "relevant-agencies", process => plan.RemoveRelevantAgencyAsync(id, process));

    public Task<IActionResult> OnPostRemovePartnerAsync(Guid id) =>
        ChangeAsync("remove a safeguarding partner", "partner", process => plan.RemovePartnerAsync(id, process));

    public Task<IActionResult> OnPostCorrectPriorityAsync(Guid id) =>
        SaveAsync("correct a priority", nameof(PriorityCorrection), "Title", ["Title", "Aim"],
            process => plan.CorrectPriorityAsync(new CorrectPriorityOptions(id, PriorityCorrection.Title ?? "", PriorityCorrection.Aim ?? ""), process));

    public Task<IActionResult> OnPostRemovePriorityAsync(Guid id) =>
        ChangeAsync("remove a priority", "priority", process => plan.RemovePriorityAsync(id, process));

    public Task<IActionResult> OnPostCorrectActionAsync(Guid id)
    {
        var due = ActionCorrection.Due.ToDate();
        if (due is null) ModelState.AddModelError("ActionCorrection.Due", "Enter the due date as a real date, for example 31 3 2024.");
        return SaveAsync("correct a work-plan action", nameof(ActionCorrection), "Action", ["Action", "Owner"],
            process => plan.CorrectActionAsync(new CorrectActionOptions(id, ActionCorrection.Action ?? "", ActionCorrection.Owner ?? "", due!.Value), process));
    }

    public Task<IActionResult> OnPostRemoveActionAsync(Guid id) =>
        ChangeAsync("remove a work-plan action", "actions", process => plan.RemoveActionAsync(id, process));

    protected override string Path => "/assurance/plan/keep";
    protected override string Purpose => "keep the partnership's plan";

    protected override async Task LoadAsync(ProcessContext process) => Choices = await plan.KeepChoicesAsync(new PlanYearOptions(Year), process);
}
