using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People;

/// <summary>A person's record as opened, and how (by role, or with break-glass).</summary>
public sealed record PersonOpening(Person Person, AccessDecision Decision);

/// <summary>A person the caller is about to reach with break-glass: only that they exist, nothing of their record.</summary>
public sealed record BreakGlassTarget(Guid PersonId);

/// <summary>Everything the person's page shows around the record: household, who knows them, agency records, merges, relatives the caller may see.</summary>
public sealed record PersonDetails(
    Household? Household,
    IReadOnlyList<(string Organisation, PersonLinkKind Kind)> Links,
    IReadOnlyList<(SourceRecord Record, string Organisation)> AgencyRecords,
    IReadOnlyList<PersonMerge> Merges,
    IReadOnlyList<(string Name, RelationshipKind Kind, Guid Id)> Relationships);

public sealed record RecordPersonOptions(string GivenName, string FamilyName, LocalDate? DateOfBirth, Sex Sex, string? NhsNumber);

/// <summary>
/// Opening a person's record: the policy decides (role, organisation, relationship, seal, break-glass). An allowed
/// read is written to the audit trail before anything is returned; a refusal is thrown, and the host audits it. Besides
/// the index's links, a module's records may give the reader's organisation a relationship for a while (<see
/// cref="IRelationshipsWithAPerson"/>: a recent emergency department attendance at the reader's trust).
/// </summary>
public sealed class PersonRecords(SafeguardingDbContext db, IEnumerable<IRecordsAboutAPerson> recordsAbout,
    IEnumerable<IRelationshipsWithAPerson>? relationships = null)
{
    public const string ResourceType = nameof(Person);

    /// <summary>Null when the partnership has no such person; throws <see cref="ForbiddenException"/> when the policy refuses.</summary>
    public async Task<PersonOpening?> OpenAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var person = await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId, ct);
        if (person is null) return null;

        var facts = await FactsAsync(actor, person, ct);
        var decision = AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts);
        if (!decision.Allowed)
            throw new ForbiddenException(ResourceType, person.Id.ToString(), decision.Reason) { BreakGlassPossible = decision.BreakGlassPossible };
        db.QueueAudit(process, AuditActions.Read, ResourceType, person.Id.ToString(), AuditOutcome.Allowed, decision.ViaBreakGlass ? "break-glass" : null);
        await db.SaveChangesAsync(ct);
        return new PersonOpening(person, decision);
    }

    /// <summary>
    /// What surrounds a person's record the caller has opened (<see cref="OpenAsync"/>). Relatives are people too:
    /// only those the caller may open are named, and naming each is audited as a read. A relationship-scoped reader
    /// (a school's DSL, a GP practice, an IDVA) needs to know only its own part: its own agency's record and its own
    /// relationship, not other agencies' records, the household address they gave, the merges or the whole "known
    /// to" list (<see cref="SeesWholeRecord"/>).
    /// </summary>
    public async Task<PersonDetails> DetailsAsync(Person person, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var whole = SeesWholeRecord(actor);
        var household = whole && person.HouseholdId is { } householdId
            ? await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId && h.PartnershipId == actor.PartnershipId, ct)
            : null;
        var own = actor.OrganisationId;
        var sources = await db.SourceRecords.AsNoTracking().Where(r => r.PersonId == person.Id && r.PartnershipId == actor.PartnershipId)
            .Where(r => whole || r.OrganisationId == own).OrderBy(r => r.ReceivedAt).ToListAsync(ct);
        var shownLinks = person.Links.Where(l => whole || l.OrganisationId == own).ToList();
        var orgIds = shownLinks.Select(l => l.OrganisationId).Concat(sources.Select(s => s.OrganisationId)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var links = shownLinks.Select(l => (names.GetValueOrDefault(l.OrganisationId, "Unknown organisation"), l.Kind)).ToList();
        var agencyRecords = sources.Select(s => (s, names.GetValueOrDefault(s.OrganisationId, "Unknown organisation"))).ToList();
        var personId = person.Id;
        var merges = whole
            ? await db.PersonMerges.AsNoTracking().Where(m => m.KeptPersonId == personId && m.PartnershipId == actor.PartnershipId).OrderByDescending(m => m.At).ToListAsync(ct)
            : [];
        var related = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.People.Include(p => p.Links), r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.Kind, Person = p }).ToListAsync(ct);
        var relationships = new List<(string, RelationshipKind, Guid)>();
        var asRelative = process with { Purpose = "named as a relative" };
        foreach (var r in related)
        {
            var facts = new RecordFacts(r.Person.PartnershipId, r.Person.RecordedByOrganisationId, r.Person.Links.Select(l => l.OrganisationId).ToList(), r.Person.IsSealed);
            if (!AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts).Allowed) continue;
            relationships.Add((r.Person.FullName, r.Kind, r.Person.Id));
            db.QueueAudit(asRelative, AuditActions.Read, ResourceType, r.Person.Id.ToString(), AuditOutcome.Allowed, "named as a relative");
        }
        if (relationships.Count > 0) await db.SaveChangesAsync(ct);
        return new PersonDetails(household, links, agencyRecords, merges, relationships);
    }

    /// <summary>
    /// Whether the caller sees a person's whole record (every agency's record, the household, everyone they are known
    /// to): a reader of any person in the partnership. Every other reader sees its own organisation's part.
    /// </summary>
    public static bool SeesWholeRecord(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.Person, Operation: Operation.Read, Scope: Scope.WholePartnership });

    /// <summary>
    /// The person a break-glass request is about, checked only for existence in the partnership (their record is not
    /// opened until the break-glass is granted). Refused for a role that cannot use break-glass.
    /// </summary>
    public async Task<BreakGlassTarget?> BreakGlassTargetAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.CanBreakGlass) throw new ForbiddenException(ResourceType, personId.ToString(), "role cannot use break-glass");
        var partnership = actor.PartnershipId;
        return await db.People.AnyAsync(p => p.Id == personId && p.PartnershipId == partnership, ct) ? new BreakGlassTarget(personId) : null;
    }

    /// <summary>Records a person seen by the caller's organisation.</summary>
    public async Task<Person> RecordAsync(RecordPersonOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.Person, Operation.Create);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, null, decision.Reason);
        db.Process = process;
        var person = new Person
        {
            PartnershipId = actor.PartnershipId,
            RecordedByOrganisationId = actor.OrganisationId,
            GivenName = options.GivenName.Trim(),
            FamilyName = options.FamilyName.Trim(),
            DateOfBirth = options.DateOfBirth,
            Sex = options.Sex,
            NhsNumber = string.IsNullOrEmpty(options.NhsNumber) ? null : options.NhsNumber,
            CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>
    /// Names and organisations of who has read, listed or changed a person's record or any module's record about them
    /// (attendance, flags, notifications, assessments, meetings), for managers. Null when there is no such person.
    /// </summary>
    public async Task<List<AuditEntry>?> AccessLogAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var partnership = process.RequireActor().PartnershipId;
        if (!await db.People.AnyAsync(p => p.Id == personId && p.PartnershipId == partnership, ct)) return null;
        db.QueueAudit(process, AuditActions.Read, "AccessLog", personId.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        var keys = new List<AuditRecordKey> { new(ResourceType, personId.ToString()) };
        foreach (var module in recordsAbout) keys.AddRange(await module.KeysAsync(partnership, personId, ct));
        var entries = await new AuditTrail(db).ForRecordsAsync(
            keys.Select(k => k.ResourceType).Distinct().ToList(), keys.Select(k => k.ResourceId).Distinct().ToList(), ct: ct);
        // Types and ids were matched apart (one query): keep only the pairs that were asked for.
        var wanted = keys.ToHashSet();
        return [.. entries.Where(e => wanted.Contains(new AuditRecordKey(e.ResourceType, e.ResourceId!)))];
    }

    private async Task<RecordFacts> FactsAsync(Actor actor, Person person, CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        var id = person.Id.ToString();
        var hasBreakGlass = actor.UserId is { } userId && await db.BreakGlassAccesses.AsNoTracking()
            .AnyAsync(b => b.UserId == userId && b.ResourceType == ResourceType && b.ResourceId == id && b.GrantedAt <= now && b.ExpiresAt > now, ct);
        return await RelationshipsWithAPerson.WeighAsync(ReadFacts(person, hasBreakGlass), actor, person.Id, relationships ?? [], now, ct);
    }

    /// <summary>What the policy weighs to open a person's record; lists that link to records ask it the same way.</summary>
    public static RecordFacts ReadFacts(Person person, bool hasBreakGlass) =>
        new(person.PartnershipId, person.RecordedByOrganisationId, person.Links.Select(l => l.OrganisationId).ToList(), person.IsSealed, hasBreakGlass);
}
