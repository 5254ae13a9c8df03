using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

/// <summary>A case on the DRAMM list: its police incident (any version), or its checklist when there is no incident.</summary>
public sealed record DrammCaseRef(Guid? IncidentId, Guid? RiskAssessmentId)
{
    /// <summary>How a form names the case: "incident:{id}" or "referral:{id}".</summary>
    public override string ToString() => IncidentId is { } i ? $"incident:{i}" : $"referral:{RiskAssessmentId}";

    public static DrammCaseRef? Parse(string? text) => text?.Split(':') switch
    {
        ["incident", var id] when Guid.TryParse(id, out var g) => new(g, null),
        ["referral", var id] when Guid.TryParse(id, out var g) => new(null, g),
        _ => null,
    };
}

public sealed record BulkNoFurtherActionOptions(IReadOnlyList<DrammCaseRef> Cases, string Reason);

public sealed record AssignCasesOptions(IReadOnlyList<DrammCaseRef> Cases, Guid PractitionerUserId);

/// <summary>A Front Door practitioner a case may be given to.</summary>
public sealed record DrammPractitioner(Guid UserId, string Name);

/// <summary>
/// Working several cases of the DRAMM list at once: no further action with one reason, and giving cases to a
/// practitioner. All or nothing: every case is found and checked against the policy before anything is saved.
/// </summary>
public sealed class DrammCaseWork(SafeguardingDbContext db)
{
    /// <summary>The Front Door practitioners (and managers) of the caller's own organisation, by name.</summary>
    public async Task<List<DrammPractitioner>> PractitionersAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        return await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == actor.PartnershipId && u.OrganisationId == actor.OrganisationId && !u.IsDisabled
                        && u.Roles.Any(r => r.Role == Role.FrontDoorPractitioner || r.Role == Role.FrontDoorManager))
            .OrderBy(u => u.DisplayName).Select(u => new DrammPractitioner(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// Records no further action, with the one reason, on each case: as a single triage would, one decision per case
    /// on the newest version of its incident, each audited. A case already decided on that version is refused.
    /// </summary>
    public async Task<List<TriageDecision>> NoFurtherActionAsync(BulkNoFurtherActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (string.IsNullOrWhiteSpace(options.Reason)) throw new ArgumentException("Say why no further action is needed.", nameof(options));
        var cases = await OpenAsync(actor, options.Cases, ct);
        var now = db.Clock.GetCurrentInstant();
        var today = Households.LondonDate(now);
        var keys = cases.Where(c => c.Incident is not null).Select(c => c.Incident!.PoliceReference).Distinct().ToList();
        var assessmentIds = cases.Where(c => c.Assessment is not null).Select(c => c.Assessment!.Id).ToList();
        // Decided on this version or a later one: deciding again is for the triage page, one case at a time.
        var decided = await db.TriageDecisions.AsNoTracking().Where(d => d.PartnershipId == actor.PartnershipId && d.IncidentId != null)
            .Join(db.DomesticIncidents.AsNoTracking().Where(v => keys.Contains(v.PoliceReference)), d => d.IncidentId, v => (Guid?)v.Id,
                (d, v) => new { v.ForceOrganisationId, v.PoliceReference, v.Version })
            .ToListAsync(ct);
        // As the triage page does, a decision on an incident names its newest completed checklist, on any version.
        var dashes = await db.RiskAssessments.AsNoTracking().Where(a => a.PartnershipId == actor.PartnershipId && a.Status == AssessmentStatus.Completed)
            .Join(db.DomesticIncidents.AsNoTracking().Where(v => keys.Contains(v.PoliceReference)), a => a.IncidentId, v => (Guid?)v.Id,
                (a, v) => new { a.Id, a.CompletedAt, v.ForceOrganisationId, v.PoliceReference })
            .ToListAsync(ct);
        var decidedReferrals = await db.TriageDecisions.AsNoTracking()
            .Where(d => d.IncidentId == null && d.RiskAssessmentId != null && assessmentIds.Contains(d.RiskAssessmentId.Value)).Select(d => d.RiskAssessmentId).ToListAsync(ct);
        var already = cases.Where(c => c.Incident is { } i
            ? decided.Any(d => d.ForceOrganisationId == i.ForceOrganisationId && d.PoliceReference == i.PoliceReference && d.Version >= i.Version)
            : decidedReferrals.Contains(c.Assessment!.Id)).ToList();
        if (already.Count > 0)
            throw new ArgumentException(already.Count == 1 ? "One of the cases chosen is already decided: open it to decide again."
                : $"{already.Count} of the cases chosen are already decided: open them to decide again.", nameof(options));

        db.Process = process;
        var decisions = cases.Select(c => new TriageDecision
        {
            PartnershipId = actor.PartnershipId, IncidentId = c.Incident?.Id,
            RiskAssessmentId = c.Assessment?.Id ?? dashes.Where(a => a.ForceOrganisationId == c.Incident!.ForceOrganisationId && a.PoliceReference == c.Incident.PoliceReference)
                .MaxBy(a => a.CompletedAt)?.Id,
            VictimPersonId = c.Assessment?.VictimPersonId ?? c.Incident?.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim)?.PersonId,
            PersonCausingHarmPersonId = c.Assessment?.PersonCausingHarmPersonId ?? c.Incident?.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.PersonCausingHarm)?.PersonId,
            DecidedOn = today, DecidedAt = now, DecidedByOrganisationId = actor.OrganisationId, DecidedByUserId = actor.UserId,
            NoFurtherAction = true, NoFurtherActionReason = options.Reason.Trim(),
        }).ToList();
        db.TriageDecisions.AddRange(decisions);
        await db.SaveChangesAsync(ct);
        return decisions;
    }

    /// <summary>Gives each case to a Front Door practitioner of the caller's own organisation (replacing whoever had it).</summary>
    public async Task AssignAsync(AssignCasesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var cases = await OpenAsync(actor, options.Cases, ct);
        var practitioners = await PractitionersAsync(process, ct);
        if (practitioners.All(p => p.UserId != options.PractitionerUserId))
            throw new ArgumentException("Choose a Front Door practitioner of your own organisation.", nameof(options));

        var references = cases.Where(c => c.Incident is not null).Select(c => c.Incident!.PoliceReference).Distinct().ToList();
        var assessmentIds = cases.Where(c => c.Incident is null).Select(c => c.Assessment!.Id).ToList();
        var existing = await db.DrammAssignments.Where(a => a.PartnershipId == actor.PartnershipId
            && ((a.PoliceReference != null && references.Contains(a.PoliceReference)) || (a.RiskAssessmentId != null && assessmentIds.Contains(a.RiskAssessmentId.Value)))).ToListAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        db.Process = process;
        foreach (var c in cases)
        {
            var row = c.Incident is { } i
                ? existing.FirstOrDefault(a => a.ForceOrganisationId == i.ForceOrganisationId && a.PoliceReference == i.PoliceReference)
                : existing.FirstOrDefault(a => a.RiskAssessmentId == c.Assessment!.Id);
            if (row is null)
            {
                row = new DrammAssignment
                {
                    PartnershipId = actor.PartnershipId, ForceOrganisationId = c.Incident?.ForceOrganisationId, PoliceReference = c.Incident?.PoliceReference,
                    RiskAssessmentId = c.Incident is null ? c.Assessment!.Id : null,
                };
                db.DrammAssignments.Add(row);
                existing.Add(row);
            }
            (row.AssignedToUserId, row.AssignedByUserId, row.AssignedAt) = (options.PractitionerUserId, actor.UserId, now);
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record OpenedCase(DomesticIncident? Incident, RiskAssessment? Assessment);

    /// <summary>
    /// Every case named, in the caller's partnership, checked as triage checks one: a case that does not exist is not
    /// found, one the policy refuses is forbidden, and either refuses the lot.
    /// </summary>
    private async Task<List<OpenedCase>> OpenAsync(Actor actor, IReadOnlyList<DrammCaseRef> refs, CancellationToken ct)
    {
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(nameof(TriageDecision), null, "Triage is for the Front Door.");
        if (refs.Count == 0) throw new ArgumentException("Select at least one case.", nameof(refs));
        var partnership = actor.PartnershipId;
        var incidentIds = refs.Where(r => r.IncidentId is not null).Select(r => r.IncidentId!.Value).Distinct().ToList();
        var assessmentIds = refs.Where(r => r.IncidentId is null && r.RiskAssessmentId is not null).Select(r => r.RiskAssessmentId!.Value).Distinct().ToList();
        var named = await db.DomesticIncidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id) && i.PartnershipId == partnership)
            .Select(i => new { i.Id, i.ForceOrganisationId, i.PoliceReference }).ToListAsync(ct);
        if (incidentIds.FirstOrDefault(id => named.All(n => n.Id != id)) is var missing && missing != Guid.Empty)
            throw new NotFoundException(nameof(DomesticIncident), missing.ToString());
        // A case is decided on the newest version of its incident, whichever version the list showed.
        var references = named.Select(n => n.PoliceReference).Distinct().ToList();
        var latest = (await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults)
                .Where(i => i.PartnershipId == partnership && i.IsLatest && references.Contains(i.PoliceReference)).ToListAsync(ct))
            .Where(i => named.Any(n => n.ForceOrganisationId == i.ForceOrganisationId && n.PoliceReference == i.PoliceReference)).ToList();
        var assessments = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed && assessmentIds.Contains(a.Id)).ToListAsync(ct);
        if (assessmentIds.FirstOrDefault(id => assessments.All(a => a.Id != id)) is var absent && absent != Guid.Empty)
            throw new NotFoundException(nameof(RiskAssessment), absent.ToString());

        var victims = latest.Select(i => i.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim)?.PersonId)
            .Concat(assessments.Select(a => a.VictimPersonId)).Where(v => v is not null).Select(v => v!.Value).ToList();
        var sealedVictims = await SealedPeople.HiddenFromAsync(db, actor, victims, ct);
        foreach (var incident in latest)
        {
            var victim = incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim)?.PersonId;
            var decision = AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Read,
                new RecordFacts(incident.PartnershipId, incident.ForceOrganisationId, IsSealed: victim is { } v && sealedVictims.Contains(v)));
            if (!decision.Allowed) throw new ForbiddenException(RiskAssessmentRecords.IncidentResourceType, incident.Id.ToString(), decision.Reason);
        }
        foreach (var assessment in assessments)
        {
            var decision = AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Read, new RecordFacts(assessment.PartnershipId, assessment.AssessedByOrganisationId,
                IsSealed: assessment.VictimPersonId is { } v && sealedVictims.Contains(v)));
            if (!decision.Allowed) throw new ForbiddenException(RiskAssessmentRecords.ResourceType, assessment.Id.ToString(), decision.Reason);
        }
        return [.. latest.Select(i => new OpenedCase(i, null)), .. assessments.Select(a => new OpenedCase(null, a))];
    }

    /// <summary>Who works each case of a page: by police incident, or by checklist for a referral.</summary>
    internal static async Task<Dictionary<(PoliceIncidentKey?, Guid?), DrammPractitioner>> AssignmentsAsync(
        SafeguardingDbContext db, Guid partnership, List<string> references, List<Guid> assessmentIds, CancellationToken ct)
    {
        if (references.Count == 0 && assessmentIds.Count == 0) return [];
        var rows = await db.DrammAssignments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && ((a.PoliceReference != null && references.Contains(a.PoliceReference))
                                                          || (a.RiskAssessmentId != null && assessmentIds.Contains(a.RiskAssessmentId.Value))))
            .Join(db.Users.AsNoTracking(), a => a.AssignedToUserId, u => u.Id, (a, u) => new { a.ForceOrganisationId, a.PoliceReference, a.RiskAssessmentId, u.Id, u.DisplayName })
            .ToListAsync(ct);
        return rows.ToDictionary(
            r => (r.ForceOrganisationId is { } f && r.PoliceReference is { } p ? new PoliceIncidentKey(f, p) : (PoliceIncidentKey?)null, r.ForceOrganisationId is null ? r.RiskAssessmentId : null),
            r => new DrammPractitioner(r.Id, r.DisplayName));
    }

    /// <summary>
    /// For incidents whose victim did not link to a person: the match review their record waits in, when there is one
    /// (the police record's adults are kept under the incident's reference).
    /// </summary>
    internal static async Task<Dictionary<Guid, Guid>> VictimReviewsAsync(SafeguardingDbContext db, Guid partnership, List<DomesticIncident> incidents, CancellationToken ct)
    {
        var victims = incidents.Select(i => (Incident: i, Victim: i.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim)))
            .Where(x => x.Victim is { PersonId: null }).ToList();
        if (victims.Count == 0) return [];
        var forces = victims.Select(v => v.Incident.ForceOrganisationId).Distinct().ToList();
        var families = victims.Select(v => v.Victim!.FamilyName).Distinct().ToList();
        var waiting = await db.SourceRecords.AsNoTracking()
            .Where(s => s.PartnershipId == partnership && forces.Contains(s.OrganisationId) && s.FamilyName != null && families.Contains(s.FamilyName))
            .Join(db.MatchReviews.AsNoTracking().Where(r => r.Decision == null), s => s.Id, r => r.SourceRecordId,
                (s, r) => new { s.OrganisationId, s.LocalId, s.GivenName, s.FamilyName, ReviewId = r.Id, r.MatchProbability })
            .ToListAsync(ct);
        var found = new Dictionary<Guid, Guid>();
        foreach (var (incident, victim) in victims)
        {
            var review = waiting.Where(w => w.OrganisationId == incident.ForceOrganisationId
                    && w.LocalId.StartsWith(incident.PoliceReference + "/adult/", StringComparison.Ordinal)
                    && string.Equals(w.GivenName?.Trim(), victim!.GivenName, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(w.FamilyName?.Trim(), victim.FamilyName, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(w => w.MatchProbability).FirstOrDefault();
            if (review is not null) found[incident.Id] = review.ReviewId;
        }
        return found;
    }
}
