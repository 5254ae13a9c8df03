using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Assurance.Structure;

public sealed record AddPartnerOptions(PartnerKind Kind, Guid OrganisationId, string Lead);
public sealed record AddSubGroupOptions(string Name, string Chair, IReadOnlyList<Guid> MemberOrganisationIds);
/// <summary>A priority for the reporting year that starts in April of <paramref name="Year"/>.</summary>
public sealed record AddPriorityOptions(int Year, string Title, string Aim);
public sealed record AddActionOptions(Guid SubGroupId, Guid PriorityId, string Action, string Owner, LocalDate Due);
public sealed record ActionStatusOptions(Guid ActionId, ActionStatus? Status, string? Reason);
public sealed record PlanYearOptions(int Year);
public sealed record NameRelevantAgencyOptions(Guid OrganisationId, LocalDate NamedOn);
public sealed record CorrectPriorityOptions(Guid PriorityId, string Title, string Aim);
public sealed record CorrectActionOptions(Guid ActionId, string Action, string Owner, LocalDate Due);

public sealed record PartnerView(PartnerKind Kind, string Organisation, string Lead)
{
    public Guid Id { get; init; }
}
public sealed record RelevantAgencyView(Guid Id, string Organisation, LocalDate NamedOn);
public sealed record SubGroupView(Guid Id, string Name, string Chair, IReadOnlyList<string> Members);
public sealed record ActionView(Guid Id, string SubGroup, string Action, string Owner, LocalDate Due, ActionStatus Status, string? NotProgressedReason, bool Overdue);
public sealed record PriorityView(Guid Id, int Order, string Title, string Aim, IReadOnlyList<ActionView> Actions)
{
    public IEnumerable<ActionView> DidNotProgress => Actions.Where(a => a.Status == ActionStatus.DidNotProgress);
}

/// <summary>A reporting year's plan: the executive, the sub-groups, and each priority with its work-plan actions. What the yearly report reads.</summary>
public sealed record PlanYear(int Year, IReadOnlyList<PartnerView> Partners, IReadOnlyList<SubGroupView> SubGroups, IReadOnlyList<PriorityView> Priorities)
{
    /// <summary>The organisations the partners name as relevant agencies, by name.</summary>
    public IReadOnlyList<RelevantAgencyView> RelevantAgencies { get; init; } = [];

    /// <summary>"2023-24".</summary>
    public string Name => PartnershipPlan.YearName(Year);
}

/// <summary>
/// The partnership's own structure and plan: the three safeguarding partners on the executive, the sub-groups with
/// their chairs and member agencies, the priorities of each reporting year with what each set out to do, and each
/// sub-group's work-plan actions towards them ("did not progress" only with a reason). Kept by whoever holds the
/// partnership plan across the partnership (the business manager); read by them and by the yearly report. Holds no
/// personal data of children or families.
/// </summary>
public sealed class PartnershipPlan(SafeguardingDbContext db)
{
    public const string ResourceType = "PartnershipPlan";

    public static string YearName(int year) => $"{year}-{(year + 1) % 100:00}";

    /// <summary>The reporting year (April to March, named by the year it starts) that ended last before <paramref name="today"/>.</summary>
    public static int LastCompleteYear(LocalDate today) => (today.Month >= 4 ? today.Year : today.Year - 1) - 1;

    public async Task<Guid> AddPartnerAsync(AddPartnerOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        await OrganisationsAsync(actor, [options.OrganisationId], ct);
        if (await db.Set<SafeguardingPartner>().AnyAsync(p => p.PartnershipId == actor.PartnershipId && p.Kind == options.Kind, ct))
            throw new ArgumentException("That partner is already on the executive.", nameof(options));
        var partner = new SafeguardingPartner { PartnershipId = actor.PartnershipId, Kind = options.Kind, OrganisationId = options.OrganisationId,
            Lead = PartnershipBusiness.Text(options.Lead, 300, "the partner's lead", nameof(options.Lead)) };
        return await PartnershipBusiness.AddAsync(db, partner, partner.Id, process, ct);
    }

    public async Task<Guid> AddSubGroupAsync(AddSubGroupOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        await OrganisationsAsync(actor, options.MemberOrganisationIds, ct);
        var group = new SubGroup { PartnershipId = actor.PartnershipId, Name = PartnershipBusiness.Text(options.Name, 200, "the sub-group's name", nameof(options.Name)),
            Chair = PartnershipBusiness.Text(options.Chair, 300, "the chair", nameof(options.Chair)), MemberOrganisationIds = [.. options.MemberOrganisationIds.Distinct()] };
        return await PartnershipBusiness.AddAsync(db, group, group.Id, process, ct);
    }

    public async Task<Guid> AddPriorityAsync(AddPriorityOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        if (options.Year is < 2000 or > 2100) throw new ArgumentException("Enter a reporting year such as 2023 for 2023-24.", nameof(options.Year));
        var order = await db.Set<Priority>().CountAsync(p => p.PartnershipId == actor.PartnershipId && p.Year == options.Year, ct) + 1;
        var priority = new Priority { PartnershipId = actor.PartnershipId, Year = options.Year, Order = order,
            Title = PartnershipBusiness.Text(options.Title, 200, "the priority", nameof(options.Title)),
            Aim = PartnershipBusiness.Text(options.Aim, 4000, "what the priority sets out to do", nameof(options.Aim)) };
        return await PartnershipBusiness.AddAsync(db, priority, priority.Id, process, ct);
    }

    public async Task<Guid> AddActionAsync(AddActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        if (!await db.Set<SubGroup>().AnyAsync(g => g.Id == options.SubGroupId && g.PartnershipId == actor.PartnershipId, ct))
            throw new NotFoundException(nameof(SubGroup), options.SubGroupId.ToString());
        if (!await db.Set<Priority>().AnyAsync(p => p.Id == options.PriorityId && p.PartnershipId == actor.PartnershipId, ct))
            throw new NotFoundException(nameof(Priority), options.PriorityId.ToString());
        var action = new WorkPlanAction { PartnershipId = actor.PartnershipId, SubGroupId = options.SubGroupId, PriorityId = options.PriorityId, Due = options.Due,
            Action = PartnershipBusiness.Text(options.Action, 2000, "the action", nameof(options.Action)),
            Owner = PartnershipBusiness.Text(options.Owner, 200, "who owns the action", nameof(options.Owner)) };
        return await PartnershipBusiness.AddAsync(db, action, action.Id, process, ct);
    }

    /// <summary>Records an action's status. "Did not progress" needs its reason (the report says why); any other status clears it.</summary>
    public async Task RecordStatusAsync(ActionStatusOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var action = await PartnershipBusiness.OwnAsync<WorkPlanAction>(db, actor, options.ActionId, ct);
        if (options.Status is not { } status || !Enum.IsDefined(status)) throw new ArgumentException("Choose the action's status.", nameof(options.Status));
        action.NotProgressedReason = status == ActionStatus.DidNotProgress
            ? PartnershipBusiness.Text(options.Reason, 2000, "why the action did not progress", nameof(options.Reason))
            : null;
        action.Status = status;
        action.StatusChangedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names one of the partnership's organisations a relevant agency, from a day; a safeguarding partner is not one.</summary>
    public async Task<Guid> NameRelevantAgencyAsync(NameRelevantAgencyOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        await OrganisationsAsync(actor, [options.OrganisationId], ct);
        if (await db.Set<SafeguardingPartner>().AnyAsync(p => p.PartnershipId == actor.PartnershipId && p.OrganisationId == options.OrganisationId, ct))
            throw new ArgumentException("That organisation is a safeguarding partner on the executive, not a relevant agency.", nameof(options.OrganisationId));
        if (await db.Set<RelevantAgency>().AnyAsync(a => a.PartnershipId == actor.PartnershipId && a.OrganisationId == options.OrganisationId, ct))
            throw new ArgumentException("That organisation is already a relevant agency.", nameof(options.OrganisationId));
        var agency = new RelevantAgency { PartnershipId = actor.PartnershipId, OrganisationId = options.OrganisationId, NamedOn = options.NamedOn };
        return await PartnershipBusiness.AddAsync(db, agency, agency.Id, process, ct);
    }

    /// <summary>Stops naming an organisation a relevant agency (nothing refers to the naming; the audit trail keeps when it was removed).</summary>
    public async Task RemoveRelevantAgencyAsync(Guid relevantAgencyId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var agency = await PartnershipBusiness.OwnAsync<RelevantAgency>(db, actor, relevantAgencyId, ct);
        await PartnershipBusiness.RemoveAsync(db, agency, process, ct);
    }

    /// <summary>Takes a partner off the executive, to name another organisation or lead (signed-off editions keep who signed).</summary>
    public async Task RemovePartnerAsync(Guid partnerId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var partner = await PartnershipBusiness.OwnAsync<SafeguardingPartner>(db, actor, partnerId, ct);
        await PartnershipBusiness.RemoveAsync(db, partner, process, ct);
    }

    public async Task CorrectPriorityAsync(CorrectPriorityOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var priority = await PartnershipBusiness.OwnAsync<Priority>(db, actor, options.PriorityId, ct);
        priority.Title = PartnershipBusiness.Text(options.Title, 200, "the priority", nameof(options.Title));
        priority.Aim = PartnershipBusiness.Text(options.Aim, 4000, "what the priority sets out to do", nameof(options.Aim));
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a priority added in error; refused while work-plan actions are towards it (remove or move those first).</summary>
    public async Task RemovePriorityAsync(Guid priorityId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var priority = await PartnershipBusiness.OwnAsync<Priority>(db, actor, priorityId, ct);
        if (await db.Set<WorkPlanAction>().AnyAsync(a => a.PriorityId == priority.Id, ct))
            throw new ArgumentException("This priority has work-plan actions. Remove them first.", nameof(priorityId));
        await PartnershipBusiness.RemoveAsync(db, priority, process, ct);
        // Keep the year's numbering without gaps: later priorities move up one.
        var later = await db.Set<Priority>().Where(p => p.PartnershipId == actor.PartnershipId && p.Year == priority.Year && p.Order > priority.Order).ToListAsync(ct);
        if (later.Count == 0) return;
        later.ForEach(p => p.Order--);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Corrects an action's words, owner and due date; its status and any reason it did not progress stay as they are.</summary>
    public async Task CorrectActionAsync(CorrectActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var action = await PartnershipBusiness.OwnAsync<WorkPlanAction>(db, actor, options.ActionId, ct);
        action.Action = PartnershipBusiness.Text(options.Action, 2000, "the action", nameof(options.Action));
        action.Owner = PartnershipBusiness.Text(options.Owner, 200, "who owns the action", nameof(options.Owner));
        action.Due = options.Due;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes an action added in error. Published editions of the report keep their own copy, so nothing else refers to it.</summary>
    public async Task RemoveActionAsync(Guid actionId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var action = await PartnershipBusiness.OwnAsync<WorkPlanAction>(db, actor, actionId, ct);
        await PartnershipBusiness.RemoveAsync(db, action, process, ct);
    }

    /// <summary>
    /// A reporting year's plan: the executive, the sub-groups, and the year's priorities in order, each with its actions by
    /// due date. An action not done by its due date (London today) is overdue. For the plan's keepers and the partnership's
    /// figures readers (the yearly report).
    /// </summary>
    public async Task<PlanYear> YearAsync(PlanYearOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.SeesPartnershipFigures) PartnershipBusiness.DemandAcrossPartnership(actor, Resource.PartnershipPlan, Operation.Read);
        var today = db.Clock.GetCurrentInstant().InZone(WorkingDays.London).Date;
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var partners = await db.Set<SafeguardingPartner>().AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId).OrderBy(p => p.Kind).ToListAsync(ct);
        var groups = await db.Set<SubGroup>().AsNoTracking().Where(g => g.PartnershipId == actor.PartnershipId).OrderBy(g => g.Name).ToListAsync(ct);
        var relevant = await db.Set<RelevantAgency>().AsNoTracking().Where(a => a.PartnershipId == actor.PartnershipId).ToListAsync(ct);
        var priorities = await db.Set<Priority>().AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId && p.Year == options.Year).OrderBy(p => p.Order).ToListAsync(ct);
        var ids = priorities.Select(p => p.Id).ToList();
        var actions = (await db.Set<WorkPlanAction>().AsNoTracking().Where(a => ids.Contains(a.PriorityId)).ToListAsync(ct))
            .OrderBy(a => a.Due).ThenBy(a => a.Id).ToLookup(a => a.PriorityId);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        db.QueueAudit(process, Platform.Audit.AuditActions.Read, ResourceType, YearName(options.Year), Platform.Audit.AuditOutcome.Allowed);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return new PlanYear(options.Year,
            [.. partners.Select(p => new PartnerView(p.Kind, organisations.GetValueOrDefault(p.OrganisationId, "Unknown"), p.Lead) { Id = p.Id })],
            [.. groups.Select(g => new SubGroupView(g.Id, g.Name, g.Chair, [.. g.MemberOrganisationIds.Select(o => organisations.GetValueOrDefault(o, "Unknown")).Order()]))],
            [.. priorities.Select(p => new PriorityView(p.Id, p.Order, p.Title, p.Aim, [.. actions[p.Id].Select(a => new ActionView(a.Id, groupNames.GetValueOrDefault(a.SubGroupId, "Unknown"),
                a.Action, a.Owner, a.Due, a.Status, a.NotProgressedReason, a.Status is ActionStatus.NotStarted or ActionStatus.InProgress && a.Due < today))]))])
        {
            RelevantAgencies = [.. relevant.Select(a => new RelevantAgencyView(a.Id, organisations.GetValueOrDefault(a.OrganisationId, "Unknown"), a.NamedOn))
                .OrderBy(a => a.Organisation, StringComparer.Ordinal)],
        };
    }

    /// <summary>What the plan's keepers choose from when they add to it: the year's plan (an audited read) and the partnership's agencies.</summary>
    public async Task<PlanKeepChoices> KeepChoicesAsync(PlanYearOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).OrderBy(o => o.Name)
            .Select(o => new Returns.Choice(o.Id, o.Name)).ToListAsync(ct);
        return new PlanKeepChoices(await YearAsync(options, process, ct), agencies);
    }

    private static Actor Keeper(ProcessContext process)
    {
        var actor = process.RequireActor();
        PartnershipBusiness.DemandAcrossPartnership(actor, Resource.PartnershipPlan, Operation.Update);
        return actor;
    }

    private async Task OrganisationsAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (await db.Organisations.CountAsync(o => distinct.Contains(o.Id) && o.PartnershipId == actor.PartnershipId, ct) != distinct.Count)
            throw new ArgumentException("Choose organisations of the partnership.", nameof(ids));
    }
}

/// <summary>The plan's keepers' choices: the year's plan and the partnership's agencies (for the executive and sub-groups' members).</summary>
public sealed record PlanKeepChoices(PlanYear Year, IReadOnlyList<Returns.Choice> Agencies);
