using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>
/// What another module knows that makes a child protected from automatic links (the domestic-abuse module: a child at
/// MARAC). The person index asks every source registered before an incoming record may link its sender to a child.
/// </summary>
public interface ILinkHoldSource
{
    /// <summary>
    /// Why a link to this person must wait for the council, or null when this module knows no reason: now, or as things
    /// stood on <paramref name="onDay"/> (any time that day), for the re-check of a link made then.
    /// </summary>
    Task<string?> WhyHoldAsync(Guid partnershipId, Guid personId, LocalDate? onDay, CancellationToken ct);
}

/// <summary>A held link waiting for a decision, with who asked and the child's name (or "sealed record").</summary>
public sealed record WaitingHeldLink(HeldLink Link, string Organisation, string Child, SourceRecord Record);

/// <summary>A held link opened for a decision: the organisation's record beside the child and the settings that hold them.</summary>
public sealed record HeldLinkToDecide(
    HeldLink Link, string Organisation, SourceRecord Record, Person Child,
    IReadOnlyList<(string Organisation, PersonLinkKind Kind, LocalDate From)> HeldBy, IReadOnlyList<FieldEvidence> Evidence);


public sealed record DecideHeldLinkOptions(Guid HeldLinkId, HeldLinkDecision Decision, string Reason);

public sealed partial class PersonIndex
{
    public const string HeldLinkResourceType = nameof(HeldLink);

    /// <summary>
    /// Why a record from <paramref name="organisation"/> matched to <paramref name="personId"/> may not link them on its
    /// own, or null when it may (or when no link would be made). A sealed person is never linked automatically; nor is a
    /// child another school or college holds (a move or dual registration is the council's to confirm, with the settings
    /// as evidence), nor a child another module protects (at MARAC, or on a child protection plan).
    /// </summary>
    private async Task<string?> WhyHoldAsync(Guid personId, Organisation organisation, CancellationToken ct)
    {
        if (KindFor(organisation.Type) is not { } kind) return null;
        // A person or link added earlier in the same unit of work (a roll's or a file's earlier rows) counts as stored.
        var isSealed = db.People.Local.FirstOrDefault(p => p.Id == personId) is { } local ? local.IsSealed
            : await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.IsSealed).SingleAsync(ct);
        var links = (await db.PersonLinks.AsNoTracking().Where(l => l.PersonId == personId).Select(l => new { l.OrganisationId, l.Kind }).ToListAsync(ct))
            .Concat(db.PersonLinks.Local.Where(l => l.PersonId == personId).Select(l => new { l.OrganisationId, l.Kind })).ToList();
        if (links.Any(l => l.OrganisationId == organisation.Id)) return null;
        var reasons = await HoldReasonsAsync(personId, organisation, kind, isSealed, links.Select(l => (l.OrganisationId, l.Kind)).ToList(), null, ct);
        return reasons.Count == 0 ? null : string.Join("; ", reasons.Select(r => r.Reason));
    }

    /// <summary>
    /// Today's rule, given what the index holds of the child (<paramref name="links"/>: the child's other links): each
    /// reason a link from <paramref name="organisation"/> would be held, as (what the council reads, a name for counting it).
    /// </summary>
    private async Task<List<(string Reason, string Kind)>> HoldReasonsAsync(Guid personId, Organisation organisation, PersonLinkKind kind, bool isSealed,
        IReadOnlyList<(Guid OrganisationId, PersonLinkKind Kind)> links, LocalDate? onDay, CancellationToken ct)
    {
        var reasons = new List<(string, string)>();
        if (isSealed) reasons.Add(("the child's record is sealed", "sealed"));
        if (IsEducation(kind))
        {
            var elsewhere = links.Where(l => IsEducation(l.Kind) && l.OrganisationId != organisation.Id).Select(l => l.OrganisationId).Distinct().ToList();
            if (elsewhere.Count > 0)
            {
                var names = await db.Organisations.AsNoTracking().Where(o => elsewhere.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
                reasons.Add(($"already on the roll of {string.Join(", ", names)}", "already on another setting's roll"));
            }
        }
        foreach (var source in holdSources ?? [])
            if (await source.WhyHoldAsync(organisation.PartnershipId, personId, onDay, ct) is { } why) reasons.Add((why, why));
        return reasons;
    }

    private static bool IsEducation(PersonLinkKind kind) => kind is PersonLinkKind.RegisteredPupil or PersonLinkKind.CollegeStudent;

    /// <summary>
    /// The record waits on a person of its own (so its sender sees only what it sent, and is told about nothing the
    /// child's other agencies hold), and the link it asked for is held for the council with the evidence.
    /// </summary>
    private Person HoldLink(SourceRecord record, Organisation organisation, Guid childId, CandidateScore score, Lazy<PairExplanation> explanation,
        string heldBecause, Instant now)
    {
        var provisional = NewPerson(record, organisation);
        // Identifiers stay on the organisation's record, not on a second person: a look-up by NHS number or UPN keeps
        // finding one person, the child.
        (provisional.NhsNumber, provisional.Upn) = (null, null);
        db.People.Add(provisional);
        record.PersonId = provisional.Id;
        record.Outcome = LinkOutcome.HeldForCouncil;
        record.MatchProbability = score.MatchProbability;
        db.HeldLinks.Add(new HeldLink
        {
            PartnershipId = record.PartnershipId, PersonId = childId, OrganisationId = organisation.Id, Kind = KindFor(organisation.Type)!.Value,
            SourceRecordId = record.Id, ProvisionalPersonId = provisional.Id, MatchProbability = score.MatchProbability,
            HeldBecause = heldBecause.Length > 500 ? heldBecause[..500] : heldBecause,
            Evidence = JsonSerializer.Serialize(explanation.Value.Fields, EvidenceJson), HeldAt = now,
        });
        return provisional;
    }

    /// <summary>
    /// One page of the held links waiting for a decision, oldest first, with how many wait in all. A sealed child's link
    /// is listed (and counted) only to those who may read sealed records. Which links were listed is recorded.
    /// </summary>
    public async Task<Paged<WaitingHeldLink>> WaitingHeldLinksAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandHeldLinks(actor, null);
        var partnership = actor.PartnershipId;
        var mayReadSealed = actor.HasAny(Resource.SealedRecord, Operation.Read);
        var waiting = (await db.HeldLinks.AsNoTracking()
                .Where(h => h.PartnershipId == partnership && h.Decision == null)
                .Join(db.People, h => h.PersonId, p => p.Id, (h, p) => new { h, p })
                .Where(x => mayReadSealed || !x.p.IsSealed)
                .Join(db.SourceRecords, x => x.h.SourceRecordId, s => s.Id, (x, s) => new { x.h, x.p, s })
                .Join(db.Organisations, x => x.h.OrganisationId, o => o.Id, (x, o) => new { x.h, x.p, x.s, o.Name })
                .OrderBy(x => x.h.HeldAt).ThenBy(x => x.h.Id)
                .PageAsync(page, ct))
            .Select(x => new WaitingHeldLink(x.h, x.Name, x.p.FullName, x.s));
        // The list names children: which links were listed is recorded, one entry each.
        await new AuditTrail(db).RecordListedAsync(process, "held links", HeldLinkResourceType, waiting.Items.Select(w => w.Link.Id), ct);
        return waiting;
    }

    /// <summary>One held link opened for a decision (a read of the child and of the organisation's record, audited); null when the partnership has none.</summary>
    public async Task<HeldLinkToDecide?> OpenHeldLinkAsync(Guid heldLinkId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandHeldLinks(actor, heldLinkId);
        var link = await db.HeldLinks.AsNoTracking().SingleOrDefaultAsync(h => h.Id == heldLinkId && h.PartnershipId == actor.PartnershipId, ct);
        if (link is null) return null;
        var child = await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == link.PersonId && p.PartnershipId == actor.PartnershipId, ct);
        if (child.IsSealed && !actor.HasAny(Resource.SealedRecord, Operation.Read))
            throw new ForbiddenException(HeldLinkResourceType, heldLinkId.ToString(), "the child's record is sealed");
        var record = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == link.SourceRecordId && r.PartnershipId == actor.PartnershipId, ct);
        var orgIds = child.Links.Select(l => l.OrganisationId).Append(link.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var heldBy = child.Links.Select(l => (names.GetValueOrDefault(l.OrganisationId, "Unknown organisation"), l.Kind, l.From)).ToList();
        var evidence = JsonSerializer.Deserialize<List<FieldEvidence>>(link.Evidence, EvidenceJson) ?? [];
        var reading = process with { Purpose = "held link review" };
        db.QueueAudit(reading, AuditActions.Read, HeldLinkResourceType, link.Id.ToString(), AuditOutcome.Allowed);
        db.QueueAudit(reading, AuditActions.Read, PersonRecords.ResourceType, child.Id.ToString(), AuditOutcome.Allowed, "held link review");
        db.QueueAudit(reading, AuditActions.Read, PersonRecords.ResourceType, link.ProvisionalPersonId.ToString(), AuditOutcome.Allowed, "held link review");
        await db.SaveChangesAsync(ct);
        return new HeldLinkToDecide(link, names.GetValueOrDefault(link.OrganisationId, ""), record, child, heldBy, evidence);
    }

    /// <summary>
    /// The council's decision on a held link. Linking merges the organisation's provisional person into the child, so the
    /// organisation's records and its link follow (with the decision as the link's provenance); refusing leaves the
    /// organisation with its own record only.
    /// </summary>
    public async Task DecideHeldLinkAsync(DecideHeldLinkOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (heldLinkId, decision, reason) = options;
        DemandHeldLinks(actor, heldLinkId);
        var link = await db.HeldLinks.SingleOrDefaultAsync(h => h.Id == heldLinkId && h.PartnershipId == actor.PartnershipId, ct)
                   ?? throw new NotFoundException(HeldLinkResourceType, heldLinkId.ToString());
        var child = await db.People.AsNoTracking().SingleAsync(p => p.Id == link.PersonId, ct);
        if (child.IsSealed && !actor.HasAny(Resource.SealedRecord, Operation.Read))
            throw new ForbiddenException(HeldLinkResourceType, heldLinkId.ToString(), "the child's record is sealed");
        if (link.Decision is not null) throw new InvalidOperationException("This link has already been decided.");

        db.Process = process with { Purpose = "held link decision" };
        link.Decision = decision;
        link.DecisionReason = reason;
        link.DecidedByUserId = actor.UserId;
        link.DecidedAt = db.Clock.GetCurrentInstant();
        var record = await db.SourceRecords.SingleAsync(r => r.Id == link.SourceRecordId, ct);
        record.Outcome = LinkOutcome.LinkedByReview;
        if (decision == HeldLinkDecision.Linked && record.PersonId is { } provisional && provisional != link.PersonId)
        {
            await MergeTrackedAsync(actor, link.PersonId, provisional, reason, ct,
                new Provenance(LinkMade.HeldLinkApproved, link.SourceRecordId, actor.UserId));
            // The organisation's registrations and attendance come back to the child with its records.
            foreach (var follower in followers ?? [])
                await follower.MoveAsync(link.PartnershipId, link.OrganisationId, provisional, link.PersonId, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void DemandHeldLinks(Actor actor, Guid? heldLinkId)
    {
        if (actor.UserId is null || !actor.Grants.Any(g => g is { Resource: Resource.HeldLink, Operation: Operation.Review, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(HeldLinkResourceType, heldLinkId?.ToString(), "Only the Front Door and the council's education lead decide held links.");
    }

    /// <summary>How a link about to be made came to be (see <see cref="PersonLink"/>).</summary>
    private sealed record Provenance(LinkMade Made, Guid? SourceRecordId, Guid? ByUserId);
}
