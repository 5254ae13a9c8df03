using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

public sealed record TriageCasePerson(Guid? PersonId, string Name);

/// <summary>
/// What the practitioner deciding sees: the victim, the person causing harm, the police reference, the checklist's
/// result, the household's children, and which MARAC criteria hold (null when the victim is not linked).
/// </summary>
public sealed record TriageCase(
    Guid? IncidentId,
    string? PoliceReference,
    TriageCasePerson? Victim,
    LocalDate? VictimDateOfBirth,
    TriageCasePerson? PersonCausingHarm,
    RiskAssessment? Dash,
    IReadOnlyList<TriageCasePerson> Children,
    MaracCriteria? Criteria,
    IReadOnlyList<TriageReferralOutcome>? Referrals = null);

/// <summary>Opens a case for triage, for those who may triage; the seal holds, and every person shown is audited.</summary>
public sealed class TriageCases(SafeguardingDbContext db)
{
    /// <summary>The case named by its police incident's id, or by its checklist's when it has no incident; null when the partnership has neither.</summary>
    public async Task<TriageCase?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(nameof(TriageDecision), id.ToString(), "Triage is for the Front Door.");
        var partnership = actor.PartnershipId;
        var incident = await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults).Include(i => i.Children).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id && i.PartnershipId == partnership, ct);
        var reference = incident?.PoliceReference;
        // A checklist named itself, else the newest completed one on any version of the incident (a correction keeps its checklist).
        var dash = incident is null
            ? await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed, ct)
            : await db.RiskAssessments.AsNoTracking()
                .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed
                            && db.DomesticIncidents.Any(i => i.Id == a.IncidentId && i.PartnershipId == partnership && i.PoliceReference == reference))
                .OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync(ct);
        if (incident is null && dash is null) return null;

        var victimAdult = incident?.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim);
        var harmAdult = incident?.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.PersonCausingHarm);
        var victimId = dash?.VictimPersonId ?? victimAdult?.PersonId;
        var harmId = dash?.PersonCausingHarmPersonId ?? harmAdult?.PersonId;
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        var onDate = dash?.IncidentDate ?? (incident is null ? today : Households.LondonDate(incident.OccurredAt));
        List<Guid> children = [.. incident?.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value) ?? []];
        if (victimId is { } v) children = [.. children.Union(await Households.ChildrenOfAsync(db, v, onDate, ct))];

        var ids = new[] { victimId, harmId }.Where(x => x is not null).Select(x => x!.Value).Concat(children).ToList();
        var names = await SealedPeople.NamesAsync(db, actor, ids, ct);
        var hidden = await SealedPeople.HiddenFromAsync(db, actor, ids, ct);
        TriageCasePerson? Named(Guid? id, IncidentAdult? adult) =>
            id is { } p && names.TryGetValue(p, out var n) ? new(p, n) : adult is null ? null : new(null, $"{adult.GivenName} {adult.FamilyName}");
        var victim = Named(victimId, victimAdult);
        LocalDate? dob = victimId is { } vid && hidden.Contains(vid) ? null
            : victimId is not null ? await db.People.AsNoTracking().Where(p => p.Id == victimId).Select(p => p.DateOfBirth).SingleOrDefaultAsync(ct)
            : victimAdult?.DateOfBirth;
        var criteria = victimId is { } linked
            ? await MaracReferrals.CriteriaAsync(db, new MaracCriteriaOptions(partnership, linked, harmId, dash?.Id, incident?.Id, today), ct)
            : null;

        if (incident is not null)
            db.QueueAudit(process, AuditActions.Read, RiskAssessmentRecords.IncidentResourceType, incident.Id.ToString(), AuditOutcome.Allowed, "to triage");
        if (dash is not null)
            db.QueueAudit(process, AuditActions.Read, RiskAssessmentRecords.ResourceType, dash.Id.ToString(), AuditOutcome.Allowed, "to triage");
        new AuditTrail(db).QueueListed(process, "DRAMM triage", PersonRecords.ResourceType, names.Keys);
        await db.SaveChangesAsync(ct);
        // What children's social work and the IDVA service made of earlier decisions on this case.
        var referrals = await TriageReferrals.OutcomesAsync(db, partnership, reference, incident is null ? dash?.Id : null, ct);
        return new TriageCase(incident?.Id, reference, victim, dob, Named(harmId, harmAdult), dash,
            [.. children.Where(names.ContainsKey).Select(c => new TriageCasePerson(c, names[c]))], criteria, referrals);
    }
}
