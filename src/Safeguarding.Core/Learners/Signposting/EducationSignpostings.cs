using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Learners.Signposting;

/// <summary>One entry as the CME/NEET lead's list and page show it: who, when they named (or did not name) a setting, and what was done.</summary>
public sealed record SignpostingRow(Guid Id, SignpostingKind Kind, Guid PersonId, string Name, LocalDate? DateOfBirth, LocalDate NamedOn,
    string? NamedSettingUrn, string? NamedSettingName, string? Advice, SignpostingStatus Status, string? Note, Instant? ActedAt);

/// <summary>A roll difference as the setting sees it: its own id for the pupil, the day another setting (or none) was named, and which.</summary>
public sealed record RollDifferenceRow(Guid Id, string? RollLocalId, LocalDate NamedOn, string? NamedSettingUrn, string? NamedSettingName,
    SignpostingStatus Status, string? Note);

public sealed record SignpostingListOptions(PageOptions Page, bool Open = true);

public sealed record RollDifferencesOptions(PageOptions Page);

public sealed record RecordSignpostingOptions(Guid Id, SignpostingStatus Status, string? Note);

/// <summary>
/// The council's signposting list for its CME/NEET lead (possible children missing education and NEET entries, paged,
/// each row's person audited as listed), one entry (audited) and what was done about it; and each setting's roll
/// differences, which show only that another setting (or none) was named and when.
/// </summary>
public sealed class EducationSignpostings(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(EducationSignposting);

    private static readonly SignpostingKind[] CouncilKinds = [SignpostingKind.PossibleCme, SignpostingKind.Neet];

    public async Task<Paged<SignpostingRow>> ListAsync(SignpostingListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.Grants.Any(g => g is { Resource: Resource.EducationSignposting, Operation: Operation.Read, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(ResourceType, null, "The signposting list is the council's CME/NEET lead's.");
        var query = db.Set<EducationSignposting>().AsNoTracking()
            .Where(s => s.PartnershipId == actor.PartnershipId && CouncilKinds.Contains(s.Kind))
            .Where(s => options.Open ? s.Status == SignpostingStatus.Open : s.Status != SignpostingStatus.Open)
            .OrderByDescending(s => s.NamedOn).ThenBy(s => s.Id);
        var page = await query.PageAsync(options.Page, ct);
        var rows = await RowsAsync(actor, page.Items, ct);
        new AuditTrail(db).QueueListed(process, "education signposting", ResourceType, page.Items.Select(s => s.Id));
        new AuditTrail(db).QueueListed(process, "education signposting", PersonRecords.ResourceType, page.Items.Select(s => s.PersonId));
        await db.SaveChangesAsync(ct);
        return new Paged<SignpostingRow>(rows, page.Total, page.Number, page.Size);
    }

    /// <summary>One entry of the council's list for a reader the policy allows (audited); null when the partnership has no such entry.</summary>
    public async Task<SignpostingRow?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<EducationSignposting>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.PartnershipId == actor.PartnershipId && CouncilKinds.Contains(s.Kind), ct);
        if (entry is null) return null;
        Demand(actor, entry, Operation.Read);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        new AuditTrail(db).QueueListed(process, "education signposting entry", PersonRecords.ResourceType, [entry.PersonId]);
        await db.SaveChangesAsync(ct);
        return (await RowsAsync(actor, [entry], ct))[0];
    }

    /// <summary>
    /// Records what was done with a note (found on a roll, CME case opened, signposted, closed); for a roll difference,
    /// what the setting found: its roll updated, the child not its own and referred to the council's CME/NEET lead (a
    /// possible CME entry is raised for them, unless one is open already), or something else said in the note. Checked
    /// against the policy for that entry. Null when saved, else the problem.
    /// </summary>
    public async Task<string?> RecordAsync(RecordSignpostingOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<EducationSignposting>().SingleOrDefaultAsync(s => s.Id == options.Id && s.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.Id.ToString());
        Demand(actor, entry, Operation.Update);
        var note = string.IsNullOrWhiteSpace(options.Note) ? null : options.Note.Trim();
        if (options.Status == SignpostingStatus.Open || !Enum.IsDefined(options.Status)) return "Choose what was done";
        var rollDifference = entry.Kind == SignpostingKind.RollDifference;
        if (rollDifference != RollDifferenceFindings.Contains(options.Status))
            return rollDifference ? "Choose what you found: roll updated, child not yours, or other" : "Choose what was done";
        if (entry.Kind == SignpostingKind.Neet && options.Status == SignpostingStatus.CmeCaseOpened) return "A young person over school age has no CME case: choose another outcome";
        // A roll updated or a referral says what was done; anything else needs the note to say it.
        if (note is null && !(rollDifference && options.Status != SignpostingStatus.Closed))
            return rollDifference ? "Say what you found" : "Enter a note of what was done";
        if (note?.Length > 2000) return "The note must be 2,000 characters or fewer";
        if (entry.Status != SignpostingStatus.Open) return "What was done is already recorded";
        db.Process = process with { Purpose = "education signposting recorded" };
        entry.Status = options.Status;
        entry.Note = note;
        entry.ActedByUserId = actor.UserId;
        entry.ActedAt = db.Clock.GetCurrentInstant();
        if (options.Status == SignpostingStatus.ReferredToCme) await ReferToCmeAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// One roll difference for the setting whose roll it concerns (or whoever else the policy lets read it), audited; null when the
    /// partnership has no such roll difference.
    /// </summary>
    public async Task<RollDifferenceRow?> RollDifferenceAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<EducationSignposting>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.PartnershipId == actor.PartnershipId && s.Kind == SignpostingKind.RollDifference, ct);
        if (entry is null) return null;
        Demand(actor, entry, Operation.Read);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return new RollDifferenceRow(entry.Id, entry.RollLocalId, entry.NamedOn, entry.NamedSettingUrn, entry.NamedSettingName, entry.Status, entry.Note);
    }

    private static readonly SignpostingStatus[] RollDifferenceFindings = [SignpostingStatus.RollUpdated, SignpostingStatus.ReferredToCme, SignpostingStatus.Closed];

    /// <summary>A child the setting says is not its own is on no roll it knows: the council's CME/NEET lead gets a possible CME entry.</summary>
    private async Task ReferToCmeAsync(EducationSignposting difference, CancellationToken ct)
    {
        var open = await db.Set<EducationSignposting>().AnyAsync(s => s.PartnershipId == difference.PartnershipId && s.PersonId == difference.PersonId
            && s.Kind == SignpostingKind.PossibleCme && s.Status == SignpostingStatus.Open, ct);
        if (open) return;
        db.Add(new EducationSignposting
        {
            PartnershipId = difference.PartnershipId, Kind = SignpostingKind.PossibleCme, PersonId = difference.PersonId, RaisedFrom = difference.Id,
            NamedOn = difference.NamedOn, NamedSettingUrn = difference.NamedSettingUrn, NamedSettingName = difference.NamedSettingName,
            RaisedAt = db.Clock.GetCurrentInstant(), Status = SignpostingStatus.Open,
        });
    }

    /// <summary>The reader's own setting's open roll differences, newest first, paged; each listed is audited. Resolved ones leave the list.</summary>
    public async Task<Paged<RollDifferenceRow>> RollDifferencesAsync(RollDifferencesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.EducationSignposting, Operation.Read))
            throw new ForbiddenException(ResourceType, null, "No role grants reading roll differences.");
        var page = await db.Set<EducationSignposting>().AsNoTracking()
            .Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == SignpostingKind.RollDifference && s.OwnerOrganisationId == actor.OrganisationId
                && s.Status == SignpostingStatus.Open)
            .OrderByDescending(s => s.NamedOn).ThenBy(s => s.Id)
            .Select(s => new RollDifferenceRow(s.Id, s.RollLocalId, s.NamedOn, s.NamedSettingUrn, s.NamedSettingName, s.Status, s.Note))
            .PageAsync(options.Page, ct);
        new AuditTrail(db).QueueListed(process, "roll differences", ResourceType, page.Items.Select(r => r.Id));
        await db.SaveChangesAsync(ct);
        return page;
    }

    /// <summary>Open entries on the council's list: the home page's count for the CME/NEET lead.</summary>
    public Task<int> OpenCountAsync(Guid partnershipId, CancellationToken ct = default) =>
        db.Set<EducationSignposting>().CountAsync(s => s.PartnershipId == partnershipId && CouncilKinds.Contains(s.Kind) && s.Status == SignpostingStatus.Open, ct);

    private async Task<List<SignpostingRow>> RowsAsync(Actor actor, IReadOnlyList<EducationSignposting> entries, CancellationToken ct)
    {
        var ids = entries.Select(s => s.PersonId).Distinct().ToList();
        var names = await SealedPeople.NamesAsync(db, actor, ids, ct);
        var births = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        return [.. entries.Select(s => new SignpostingRow(s.Id, s.Kind, s.PersonId, names.GetValueOrDefault(s.PersonId, SealedPeople.Withheld), births.GetValueOrDefault(s.PersonId),
            s.NamedOn, s.NamedSettingUrn, s.NamedSettingName, s.Advice, s.Status, s.Note, s.ActedAt))];
    }

    private static void Demand(Actor actor, EducationSignposting entry, Operation operation)
    {
        var decision = AccessPolicy.Decide(actor, Resource.EducationSignposting, operation, new RecordFacts(entry.PartnershipId, entry.OwnerOrganisationId));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, entry.Id.ToString(), decision.Reason);
    }
}
