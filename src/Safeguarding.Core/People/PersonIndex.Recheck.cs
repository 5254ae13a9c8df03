using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>
/// Another module's records that open a child to an organisation by pointing at the child (a setting's roll
/// registrations, its attendance): moved with the organisation's agency records when the re-check suspends its link,
/// so that the suspended link opens nothing.
/// </summary>
public interface IRecordsThatFollowLinks
{
    Task MoveAsync(Guid partnershipId, Guid organisationId, Guid fromPersonId, Guid toPersonId, CancellationToken ct);
}

/// <param name="DryRun">Count what would be held, change nothing.</param>
public sealed record RecheckLinksOptions(bool DryRun);

/// <summary>What the re-check found: links made by matching records, how many today's rule holds, and why (one link can have several reasons).</summary>
public sealed record RecheckLinksResult(bool DryRun, int Checked, int Held, IReadOnlyDictionary<string, int> ByReason);

public sealed partial class PersonIndex
{
    public const string RecheckPurpose = "re-check of links made before relationships were earned";

    /// <summary>
    /// Re-checks every link an incoming record made by matching (before links were earned, or since: provenance
    /// <see cref="LinkMade.Unrecorded"/> or <see cref="LinkMade.RecordMatched"/>, where the organisation's records of the
    /// person all linked automatically; never a link a reviewer, a merge or the organisation's own first record made)
    /// against today's rule with the facts of the day the link was made, and suspends each the rule would hold into a <see cref="HeldLink"/>: the organisation's
    /// records move to a provisional person of their own with its registrations and attendance, the link goes, and the
    /// council decides as for any held link. Newest links first, so that of two settings that claimed one child the later
    /// is held, as the rule would have held it on arrival. Idempotent: a suspended link is no longer a link, and a link
    /// with an undecided held link is skipped. An operator's command (<c>safeguard people recheck-links</c>): no actor; the
    /// changes and a summary are audited under <paramref name="process"/>.
    /// </summary>
    public async Task<RecheckLinksResult> RecheckLinksAsync(RecheckLinksOptions options, ProcessContext process, CancellationToken ct = default)
    {
        PersonLinkKind[] kinds = [PersonLinkKind.RegisteredPupil, PersonLinkKind.CollegeStudent, PersonLinkKind.RegisteredPatient];
        var candidates = await db.PersonLinks.AsNoTracking()
            .Where(l => (l.Made == LinkMade.Unrecorded || l.Made == LinkMade.RecordMatched) && kinds.Contains(l.Kind))
            .Join(db.People.Where(p => p.MergedIntoPersonId == null), l => l.PersonId, p => p.Id, (l, p) => new { Link = l, Person = p })
            .Where(x => x.Person.RecordedByOrganisationId == null || x.Person.RecordedByOrganisationId != x.Link.OrganisationId)
            .Where(x => db.SourceRecords.Any(r => r.PersonId == x.Link.PersonId && r.OrganisationId == x.Link.OrganisationId && r.Outcome == LinkOutcome.LinkedAutomatically)
                        && !db.SourceRecords.Any(r => r.PersonId == x.Link.PersonId && r.OrganisationId == x.Link.OrganisationId && r.Outcome != LinkOutcome.LinkedAutomatically))
            .Where(x => !db.HeldLinks.Any(h => h.PersonId == x.Link.PersonId && h.OrganisationId == x.Link.OrganisationId && h.Decision == null))
            .OrderByDescending(x => x.Link.From).ThenByDescending(x => x.Link.Id)
            .Select(x => new { x.Link, x.Person.IsSealed })
            .ToListAsync(ct);

        var organisations = new Dictionary<Guid, Organisation>();
        // Links this run holds (or, in a dry run, would hold) no longer count as another setting holding the child.
        var suspended = new HashSet<(Guid PersonId, Guid OrganisationId)>();
        var byReason = new Dictionary<string, int>(StringComparer.Ordinal);
        // Each partnership's model once per run: without a saved one it is learnt from the index, which takes a while.
        var models = new Dictionary<Guid, LinkageModel?>();
        foreach (var c in candidates)
        {
            var link = c.Link;
            if (!organisations.TryGetValue(link.OrganisationId, out var organisation))
                organisations[link.OrganisationId] = organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == link.OrganisationId, ct);
            // The rule as it stood on the day the link was made: the settings that held the child by then, and the
            // protections in force that day (a GP link made before the child went to MARAC was not a claim on a child at
            // MARAC). The seal is today's: there is no record of when a child was sealed, and a seal is the decision to
            // protect the child from exactly such links.
            var others = (await db.PersonLinks.AsNoTracking().Where(l => l.PersonId == link.PersonId && l.OrganisationId != link.OrganisationId && l.From <= link.From)
                    .Select(l => new { l.OrganisationId, l.Kind }).ToListAsync(ct))
                .Where(l => !suspended.Contains((link.PersonId, l.OrganisationId))).Select(l => (l.OrganisationId, l.Kind)).ToList();
            var reasons = await HoldReasonsAsync(link.PersonId, organisation, link.Kind, c.IsSealed, others, link.From, ct);
            if (reasons.Count == 0) continue;
            suspended.Add((link.PersonId, link.OrganisationId));
            foreach (var kind in reasons.Select(r => r.Kind).Distinct()) byReason[kind] = byReason.GetValueOrDefault(kind) + 1;
            if (options.DryRun) continue;
            if (!models.TryGetValue(link.PartnershipId, out var model))
                models[link.PartnershipId] = model = await ModelAsync(await SettingsAsync(link.PartnershipId, ct), link.PartnershipId, ct);
            await SuspendAsync(link, organisation, model, string.Join("; ", reasons.Select(r => r.Reason)), process, ct);
        }

        db.QueueAudit(process with { Purpose = RecheckPurpose }, "recheck", HeldLinkResourceType, null, AuditOutcome.Allowed,
            $"{(options.DryRun ? "dry run: " : "")}{candidates.Count} links made by matching records checked, {suspended.Count} {(options.DryRun ? "would be" : "")} held");
        await db.SaveChangesAsync(ct);
        return new RecheckLinksResult(options.DryRun, candidates.Count, suspended.Count, byReason);
    }

    // One link at a time, each in its own save: a run stopped part way leaves whole suspensions, and running again goes on.
    private async Task SuspendAsync(PersonLink link, Organisation organisation, LinkageModel? model, string reasons, ProcessContext process, CancellationToken ct)
    {
        db.Process = process with { Purpose = RecheckPurpose };
        var records = await db.SourceRecords.Where(r => r.PersonId == link.PersonId && r.OrganisationId == link.OrganisationId)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var record = records.FirstOrDefault(r => r.Id == link.SourceRecordId) ?? records[0];
        var (probability, evidence) = await EvidenceAsync(model, record, link.PersonId, ct);

        var provisional = NewPerson(record, organisation);
        // As for a held arrival: the identifiers stay on the records, so a look-up by NHS number or UPN finds one person.
        (provisional.NhsNumber, provisional.Upn) = (null, null);
        db.People.Add(provisional);
        foreach (var r in records)
        {
            r.PersonId = provisional.Id;
            r.Outcome = LinkOutcome.HeldForCouncil;
        }
        db.PersonLinks.Remove(await db.PersonLinks.SingleAsync(l => l.Id == link.Id, ct));
        foreach (var follower in followers ?? [])
            await follower.MoveAsync(link.PartnershipId, link.OrganisationId, link.PersonId, provisional.Id, ct);
        var heldBecause = $"re-checked: a link made {link.From:yyyy-MM-dd} by a matching record, suspended; {reasons}";
        db.HeldLinks.Add(new HeldLink
        {
            PartnershipId = link.PartnershipId, PersonId = link.PersonId, OrganisationId = link.OrganisationId, Kind = link.Kind,
            SourceRecordId = record.Id, ProvisionalPersonId = provisional.Id, MatchProbability = record.MatchProbability ?? probability,
            HeldBecause = heldBecause.Length > 500 ? heldBecause[..500] : heldBecause, Evidence = evidence, HeldAt = db.Clock.GetCurrentInstant(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The model's field evidence for the organisation's record against the child's other records (none without a model).</summary>
    private async Task<(double Probability, string Evidence)> EvidenceAsync(LinkageModel? model, SourceRecord record, Guid childId, CancellationToken ct)
    {
        var others = await db.SourceRecords.AsNoTracking().Where(r => r.PersonId == childId && r.OrganisationId != record.OrganisationId)
            .OrderBy(r => r.Id).Take(50).Select(ToLinkageExpression).ToListAsync(ct);
        if (model is null || others.Count == 0) return (0, "[]");
        var prepared = Linker.Prepare([ToLinkage(record), .. others]);
        model.ApplyTermFrequencies(prepared);
        var best = Linker.ScoreAgainst(model, prepared[0], prepared.Skip(1)).MaxBy(s => s.MatchProbability);
        return best is null ? (0, "[]")
            : (best.MatchProbability, JsonSerializer.Serialize(model.Explain(prepared[0], best.Candidate).Fields, EvidenceJson));
    }
}
