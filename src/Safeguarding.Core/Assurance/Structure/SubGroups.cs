using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.Returns;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Assurance.Structure;

/// <summary>A sub-group's name, remit and chair as the business manager saves them; the chair is a user with the SubGroupChair role, or none.</summary>
public sealed record SaveSubGroupOptions(Guid SubGroupId, string? Name, string? Remit, Guid? ChairUserId);

/// <summary>A sub-group for its keeper: what can be changed, the users who may chair it, and what refers to it (a sub-group in use cannot be removed).</summary>
public sealed record SubGroupEdit(Guid Id, string Name, string? Remit, string Chair, Guid? ChairUserId, IReadOnlyList<Choice> Chairs, IReadOnlyList<string> UsedBy);

/// <summary>
/// The sub-groups kept by the business manager (PartnershipPlan Update across the partnership): name, remit and chair
/// changed, or a sub-group that nothing refers to removed. The chair is a user of the partnership holding the
/// SubGroupChair role; it is that user, by id, who may write the sub-group's sections of the yearly report.
/// </summary>
public sealed class SubGroups(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(SubGroup);

    /// <summary>A sub-group of the keeper's partnership, its read audited; null when the partnership has none by that id.</summary>
    public async Task<SubGroupEdit?> OpenAsync(Guid subGroupId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var group = await db.Set<SubGroup>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == subGroupId && g.PartnershipId == actor.PartnershipId, ct);
        if (group is null) return null;
        var chairs = await (from u in db.Users.AsNoTracking()
                            join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                            where u.PartnershipId == actor.PartnershipId && !u.IsDisabled && u.Roles.Any(r => r.Role == Role.SubGroupChair)
                            orderby u.DisplayName
                            select new Choice(u.Id, u.DisplayName + ", " + o.Name)).ToListAsync(ct);
        var usedBy = await UsedByAsync(group, ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, group.Id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return new SubGroupEdit(group.Id, group.Name, group.Remit, group.Chair, group.ChairUserId, chairs, usedBy);
    }

    /// <summary>Saves the name, remit and chair. The chair's name as the report shows it follows the user chosen.</summary>
    public async Task SaveAsync(SaveSubGroupOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var group = await db.Set<SubGroup>().SingleOrDefaultAsync(g => g.Id == options.SubGroupId && g.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.SubGroupId.ToString());
        var name = PartnershipBusiness.Text(options.Name, 200, "the sub-group's name", nameof(options.Name));
        var remit = PartnershipBusiness.Text(options.Remit, 2000, "the sub-group's remit", nameof(options.Remit), required: false);
        if (await db.Set<SubGroup>().AnyAsync(g => g.PartnershipId == actor.PartnershipId && g.Name == name && g.Id != group.Id, ct))
            throw new ArgumentException("Another sub-group has that name.", nameof(options.Name));
        if (options.ChairUserId is { } chairId)
        {
            var chair = await (from u in db.Users.AsNoTracking()
                               join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                               where u.Id == chairId && u.PartnershipId == actor.PartnershipId && !u.IsDisabled && u.Roles.Any(r => r.Role == Role.SubGroupChair)
                               select new { u.DisplayName, Organisation = o.Name }).SingleOrDefaultAsync(ct)
                ?? throw new ArgumentException("Choose a user of the partnership with the sub-group chair role.", nameof(options.ChairUserId));
            if (group.ChairUserId != chairId) group.Chair = Truncate($"{chair.DisplayName}, {chair.Organisation}", 300);
        }
        (group.Name, group.Remit, group.ChairUserId) = (name, remit.Length == 0 ? null : remit, options.ChairUserId);
        db.Process = process with { Purpose = "Sub-group changed" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a sub-group that no work-plan action, assurance return or report draft refers to; otherwise says what does.</summary>
    public async Task RemoveAsync(Guid subGroupId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Keeper(process);
        var group = await db.Set<SubGroup>().SingleOrDefaultAsync(g => g.Id == subGroupId && g.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, subGroupId.ToString());
        var usedBy = await UsedByAsync(group, ct);
        if (usedBy.Count > 0)
            throw new ArgumentException($"This sub-group cannot be removed: {string.Join(", ", usedBy)} name it. Change those first.", nameof(subGroupId));
        db.Remove(group);
        db.Process = process with { Purpose = "Sub-group removed" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What refers to the sub-group, counted in words ("2 work-plan actions"). Editions keep the name they were made with and do not count.</summary>
    private async Task<IReadOnlyList<string>> UsedByAsync(SubGroup group, CancellationToken ct)
    {
        var actions = await db.Set<WorkPlanAction>().CountAsync(a => a.SubGroupId == group.Id, ct);
        var returns = await db.Set<ReturnRequest>().CountAsync(r => r.SubGroupId == group.Id, ct);
        // A draft's sections are JSON: the id appears in it only where a section names the sub-group.
        var id = group.Id.ToString();
        var drafts = (await db.Set<Report.YearlyReport>().AsNoTracking().Where(r => r.PartnershipId == group.PartnershipId).Select(r => r.Sections).ToListAsync(ct))
            .Count(s => s.Contains(id, StringComparison.OrdinalIgnoreCase));
        List<string> uses = [];
        if (actions > 0) uses.Add(actions == 1 ? "1 work-plan action" : $"{actions} work-plan actions");
        if (returns > 0) uses.Add(returns == 1 ? "1 assurance return" : $"{returns} assurance returns");
        if (drafts > 0) uses.Add(drafts == 1 ? "1 yearly report" : $"{drafts} yearly reports");
        return uses;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static Actor Keeper(ProcessContext process)
    {
        var actor = process.RequireActor();
        PartnershipBusiness.DemandAcrossPartnership(actor, Resource.PartnershipPlan, Operation.Update);
        return actor;
    }
}
