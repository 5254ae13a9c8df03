using Safeguarding.Core.People;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.RiskAssessments;

public sealed record StartAssessment(string ChecklistCode, AssessmentSetting Setting, Guid? VictimPersonId, Guid? PersonCausingHarmPersonId,
    Guid? IncidentId, LocalDate IncidentDate);

/// <summary>Answers given so far, by question key (null: not known).</summary>
public sealed record SaveAnswersOptions(Guid AssessmentId, IReadOnlyDictionary<string, bool?> Answers);

/// <summary>The voices of the household's children, replacing those recorded before.</summary>
public sealed record RecordChildrenOptions(Guid AssessmentId, IReadOnlyCollection<ChildVoice> Children);

/// <summary>
/// Completes the checklist; professional judgement needs a reason. The assessor refers to MARAC only when they choose
/// to and a criterion holds (their professional judgement among them).
/// </summary>
public sealed record CompleteAssessmentOptions(Guid AssessmentId, bool ProfessionalJudgement, string? Reason, bool ReferToMarac = false);

/// <summary>A checklist the practitioner started and has not finished.</summary>
public sealed record DraftToFinish(Guid Id, string Victim, LocalDate IncidentDate, int Answered);

/// <summary>A recent incident with no completed checklist.</summary>
public sealed record IncidentToAssess(Guid Id, string Reference, string Victim, Instant OccurredAt);

/// <summary>What a practitioner's checklist page lists: their own drafts and the incidents waiting for a checklist.</summary>
public sealed record AssessmentWorklist(IReadOnlyList<DraftToFinish> Drafts, IReadOnlyList<IncidentToAssess> Incidents);

public sealed record ChildVoice(Guid PersonId, bool? FeelsSafeAtHome, string? WhatMakesThemHappy, string? WhatMakesThemSad, string? AnythingWeCanHelpWith);

/// <summary>
/// The risk checklist journey: start, save answers and return later, record the children's voices, complete. On
/// completion the answers are scored against the partnership's thresholds with the victim's earlier police incidents
/// and MARAC referrals taken from the records, and the result is kept with the checklist version used.
/// </summary>
public sealed class RiskAssessmentRecords(SafeguardingDbContext db, IEnumerable<IRelationshipsWithAPerson>? relationships = null)
{
    public const string ResourceType = nameof(RiskAssessment);

    public async Task<RiskAssessment> StartAsync(StartAssessment options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create);
        var checklist = await new ChecklistLibrary(db).CurrentAsync(actor.PartnershipId, options.ChecklistCode, ct);
        // A checklist started from an incident is a use of that incident: only for those who may read it.
        if (options.IncidentId is { } incidentId)
        {
            var incident = await IncidentAsync(actor, incidentId, ct) ?? throw new NotFoundException(IncidentResourceType, incidentId.ToString());
            await DemandIncidentAsync(actor, incident, ct);
        }
        if (options.VictimPersonId is { } victimId)
        {
            var victim = await db.People.AsNoTracking().Include(p => p.Links).SingleOrDefaultAsync(p => p.Id == victimId && p.PartnershipId == actor.PartnershipId, ct)
                ?? throw new ArgumentException("There is no such person.", nameof(options));
            // A walk-in has no incident to vouch for the person: the assessor assesses only someone they may read (found, or
            // their own organisation's record just sent to the index).
            if (options.IncidentId is null)
            {
                // As the person's page asks: the index's links, and a relationship a module's records give for a while (ADR-024).
                var facts = await RelationshipsWithAPerson.WeighAsync(PersonRecords.ReadFacts(victim, hasBreakGlass: false), actor, victim.Id, relationships ?? [],
                    db.Clock.GetCurrentInstant(), ct);
                var read = AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts);
                if (!read.Allowed) throw new ForbiddenException(PersonRecords.ResourceType, victim.Id.ToString(), read.Reason);
            }
            if (victim.DateOfBirth is { } dob)
            {
                var age = Period.Between(dob, options.IncidentDate, PeriodUnits.Years).Years;
                if (checklist.MinimumAge is { } min && age < min || checklist.MaximumAge is { } max && age > max)
                    throw new ArgumentException($"{checklist.Name} is for ages {checklist.MinimumAge}{(checklist.MaximumAge is null ? " and over" : $" to {checklist.MaximumAge}")}; the victim was {age}.", nameof(options));
            }
        }
        var assessment = new RiskAssessment
        {
            PartnershipId = actor.PartnershipId,
            ChecklistCode = checklist.Code,
            ChecklistVersion = checklist.Version,
            Setting = options.Setting,
            VictimPersonId = options.VictimPersonId,
            PersonCausingHarmPersonId = options.PersonCausingHarmPersonId,
            IncidentId = options.IncidentId,
            AssessedByOrganisationId = actor.OrganisationId,
            AssessedByUserId = actor.UserId,
            IncidentDate = options.IncidentDate,
            Status = AssessmentStatus.Draft,
            StartedAt = db.Clock.GetCurrentInstant(),
        };
        db.Process = process;
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>
    /// The actor's own drafts, and incidents of the last week without a completed checklist, the most recently reported
    /// first, for those who may read incidents: police officers see their own force's, the Front Door all. A sealed
    /// person's name is withheld from those who may not read sealed records. The view is audited.
    /// </summary>
    public async Task<AssessmentWorklist> WorklistAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var drafts = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.Status == AssessmentStatus.Draft && a.AssessedByUserId == actor.UserId)
            .OrderByDescending(a => a.StartedAt).Take(50).ToListAsync(ct);
        var victimIds = drafts.Where(d => d.VictimPersonId != null).Select(d => d.VictimPersonId!.Value).ToList();
        var names = await SealedPeople.NamesAsync(db, actor, victimIds, ct);
        var toFinish = drafts.Select(d => new DraftToFinish(d.Id, d.VictimPersonId is { } v && names.TryGetValue(v, out var n) ? n : "Not linked", d.IncidentDate,
            AnswersOf(d).Count)).ToList();

        List<IncidentToAssess> toAssess = [];
        var scopes = actor.Grants.Where(g => g is { Resource: Resource.DomesticIncident, Operation: Operation.Read }).Select(g => g.Scope).ToList();
        // Without a grant to read incidents there is no incident list at all (an IDVA or a social worker sees their drafts only).
        if (scopes.Count > 0)
        {
            var since = db.Clock.GetCurrentInstant() - Duration.FromDays(7);
            var incidents = db.DomesticIncidents.AsNoTracking()
                .Where(i => i.PartnershipId == actor.PartnershipId && i.IsLatest && i.ReceivedAt >= since)
                // A checklist completed on any version of the incident counts: a correction does not ask for another.
                .Where(i => !db.DomesticIncidents.Any(v => v.PartnershipId == i.PartnershipId && v.ForceOrganisationId == i.ForceOrganisationId
                    && v.PoliceReference == i.PoliceReference && db.RiskAssessments.Any(a => a.IncidentId == v.Id && a.Status == AssessmentStatus.Completed)));
            if (!scopes.Contains(Scope.WholePartnership)) incidents = incidents.Where(i => i.ForceOrganisationId == actor.OrganisationId);
            var rows = await incidents.OrderByDescending(i => i.ReportedAt).Take(50)
                .Select(i => new
                {
                    i.Id, i.PoliceReference, i.OccurredAt,
                    Victim = i.Adults.Where(a => a.Role == IncidentAdultRole.Victim).Select(a => new { Name = a.GivenName + " " + a.FamilyName, a.PersonId }).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var hidden = await SealedPeople.HiddenFromAsync(db, actor, [.. rows.Where(r => r.Victim?.PersonId != null).Select(r => r.Victim!.PersonId!.Value)], ct);
            toAssess = [.. rows.Select(r => new IncidentToAssess(r.Id, r.PoliceReference,
                r.Victim is null ? "Not named" : r.Victim.PersonId is { } p && hidden.Contains(p) ? SealedPeople.Withheld : r.Victim.Name, r.OccurredAt))];
        }
        db.QueueAudit(process, AuditActions.Read, "RiskAssessmentWorklist", null, AuditOutcome.Allowed, $"{toFinish.Count} drafts, {toAssess.Count} incidents");
        new AuditTrail(db).QueueListed(process, "DASH worklist", ResourceType, toFinish.Select(d => d.Id));
        new AuditTrail(db).QueueListed(process, "DASH worklist", "DomesticIncident", toAssess.Select(i => i.Id));
        await db.SaveChangesAsync(ct);
        return new AssessmentWorklist(toFinish, toAssess);
    }

    /// <summary>What the audit trail calls a police incident.</summary>
    public const string IncidentResourceType = nameof(DomesticIncident);

    /// <summary>
    /// Opens an incident to start a checklist from: for those who may start checklists and read the incident (its own
    /// force, or the Front Door), the victim's seal applied. Null when the partnership has no such incident; the read is
    /// audited, a refusal by the host.
    /// </summary>
    public async Task<DomesticIncident?> OpenIncidentAsync(Guid incidentId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var incident = await IncidentAsync(actor, incidentId, ct);
        if (incident is null) return null;
        await DemandIncidentAsync(actor, incident, ct);
        db.QueueAudit(process, AuditActions.Read, IncidentResourceType, incident.Id.ToString(), AuditOutcome.Allowed, "to start a risk checklist");
        await db.SaveChangesAsync(ct);
        return incident;
    }

    /// <summary>
    /// The children of the assessment's household whose voices the checklist records, oldest first, named: a sealed
    /// child is left out for those who may not read sealed records (their existence is itself what the seal keeps). Each
    /// child named is a read of that person, audited.
    /// </summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Name)>> ChildrenToHearAsync(RiskAssessment assessment, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (assessment.VictimPersonId is not { } victim || assessment.PartnershipId != actor.PartnershipId) return [];
        var children = await Households.ChildrenOfAsync(db, victim, assessment.IncidentDate, ct);
        var hidden = await SealedPeople.HiddenFromAsync(db, actor, children, ct);
        var shown = children.Where(c => !hidden.Contains(c)).ToList();
        var names = await SealedPeople.NamesAsync(db, actor, shown, ct);
        var heard = shown.Where(names.ContainsKey).Select(c => (c, names[c])).ToList();
        foreach (var (child, _) in heard)
            db.QueueAudit(process, AuditActions.Read, "Person", child.ToString(), AuditOutcome.Allowed, "child's voice in a risk checklist");
        await db.SaveChangesAsync(ct);
        return heard;
    }

    private Task<DomesticIncident?> IncidentAsync(Actor actor, Guid incidentId, CancellationToken ct) =>
        db.DomesticIncidents.AsNoTracking().Include(i => i.Adults)
            .SingleOrDefaultAsync(i => i.Id == incidentId && i.PartnershipId == actor.PartnershipId && i.IsLatest, ct);

    private async Task DemandIncidentAsync(Actor actor, DomesticIncident incident, CancellationToken ct)
    {
        Demand(actor, Operation.Create);
        var victim = incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim)?.PersonId;
        var isSealed = victim is { } v && (await SealedPeople.HiddenFromAsync(db, actor, [v], ct)).Count > 0;
        var decision = AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Read,
            new RecordFacts(incident.PartnershipId, incident.ForceOrganisationId, IsSealed: isSealed));
        if (!decision.Allowed)
            throw new ForbiddenException(IncidentResourceType, incident.Id.ToString(), decision.Reason);
    }

    /// <summary>Opens an assessment for its author's organisation or the Front Door; the read is audited, a refusal by the host.</summary>
    public async Task<RiskAssessment?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var assessment = await db.RiskAssessments.AsNoTracking().Include(a => a.Children)
            .SingleOrDefaultAsync(a => a.Id == id && a.PartnershipId == actor.PartnershipId, ct);
        if (assessment is null) return null;
        var decision = AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Read, new RecordFacts(assessment.PartnershipId, assessment.AssessedByOrganisationId));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>Saves the answers given so far (save and return). Answers for questions the checklist lacks are refused, none saved.</summary>
    public async Task SaveAnswersAsync(SaveAnswersOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (id, answers) = options;
        var assessment = await DraftAsync(actor, id, ct);
        var checklist = await new ChecklistLibrary(db).VersionAsync(assessment.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion, ct);
        var unknown = answers.Keys.Where(k => !checklist.HasQuestion(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"The checklist has no question {string.Join(", ", unknown)}.", nameof(answers));
        var merged = AnswersOf(assessment);
        foreach (var (key, value) in answers) merged[key] = value;
        assessment.Answers = JsonSerializer.Serialize(merged);
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordChildrenAsync(RecordChildrenOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (id, children) = options;
        var assessment = await DraftAsync(actor, id, ct, withChildren: true);
        var ids = children.Select(c => c.PersonId).ToList();
        var known = await db.People.Where(p => ids.Contains(p.Id) && p.PartnershipId == actor.PartnershipId).Select(p => p.Id).ToListAsync(ct);
        if (known.Count != ids.Distinct().Count()) throw new ArgumentException("Every child must be a person in the index.", nameof(children));
        db.RemoveRange(assessment.Children.Where(c => !ids.Contains(c.PersonId)));
        foreach (var voice in children)
        {
            var child = assessment.Children.SingleOrDefault(c => c.PersonId == voice.PersonId);
            if (child is null)
            {
                child = new AssessmentChild { AssessmentId = assessment.Id, PersonId = voice.PersonId };
                db.Add(child);
            }
            child.FeelsSafeAtHome = voice.FeelsSafeAtHome;
            child.WhatMakesThemHappy = Trim(voice.WhatMakesThemHappy);
            child.WhatMakesThemSad = Trim(voice.WhatMakesThemSad);
            child.AnythingWeCanHelpWith = Trim(voice.AnythingWeCanHelpWith);
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Scores and completes the checklist. Professional judgement needs a reason.</summary>
    public async Task<RiskResult> CompleteAsync(CompleteAssessmentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (id, professionalJudgement, reason, _) = options;
        var assessment = await DraftAsync(actor, id, ct);
        if (professionalJudgement && string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("Say why professional judgement refers this case.", nameof(reason));
        var result = await ScoreAsync(assessment, professionalJudgement, ct);
        if (options.ReferToMarac && !result.Refer)
            throw new ArgumentException("No MARAC criterion holds: to refer, use your professional judgement and say why.", nameof(options));
        if (options.ReferToMarac && assessment.VictimPersonId is null)
            throw new ArgumentException("Link the victim to the person index before referring to MARAC.", nameof(options));
        assessment.ProfessionalJudgement = professionalJudgement;
        assessment.ProfessionalJudgementReason = professionalJudgement ? reason!.Trim() : null;
        assessment.YesCount = result.YesCount;
        assessment.VisibleHighRisk = result.VisibleHighRisk;
        assessment.PotentialEscalation = result.PotentialEscalation;
        assessment.RepeatMarac = result.RepeatMarac;
        assessment.Refer = result.Refer;
        assessment.Status = AssessmentStatus.Completed;
        assessment.CompletedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        if (options.ReferToMarac)
            await new MaracReferrals(db).ReferAsync(new ReferToMarac(assessment.VictimPersonId!.Value, assessment.PersonCausingHarmPersonId, assessment.Id,
                professionalJudgement, IncidentId: assessment.IncidentId, ProfessionalJudgementReason: assessment.ProfessionalJudgementReason), process, ct);
        return result;
    }

    /// <summary>The result as it would be scored now, from the records; for the check-answers page.</summary>
    public async Task<RiskResult> ScoreAsync(RiskAssessment assessment, bool professionalJudgement, CancellationToken ct = default)
    {
        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == assessment.PartnershipId, ct);
        // Each checklist is measured against its own numbers: the adult ones never stand in for the young people's.
        var thresholds = settings?.ThresholdsFor(assessment.ChecklistCode) ?? (await new ChecklistLibrary(db).VersionAsync(assessment.PartnershipId, assessment.ChecklistCode, assessment.ChecklistVersion, ct)).Thresholds;
        List<LocalDate> previous = [];
        LocalDate? lastMarac = null;
        if (assessment.VictimPersonId is { } victimId)
        {
            // The incident assessed is left out by its police reference: a correction since the checklist started is a
            // new row, and counting it would make one incident two.
            var assessed = await Households.IncidentKeyAsync(db, assessment.IncidentId, ct);
            previous = (await Households.IncidentsOfAsync(db, victimId, ct)).Where(i => i.Incident != assessed).Select(i => i.Date).ToList();
            var incidentDate = assessment.IncidentDate;
            var referrals = await MaracReferrals.EarlierReferrals(db, assessment.PartnershipId, victimId, assessment.PersonCausingHarmPersonId, settings?.RepeatMaracRule ?? RepeatMaracRule.Victim)
                .Select(r => r.ReferralDate).ToListAsync(ct);
            lastMarac = referrals.Where(d => d <= incidentDate).Select(d => (LocalDate?)d).Max();
        }
        return RiskScoring.Score(new RiskScoringInput(AnswersOf(assessment), professionalJudgement, assessment.IncidentDate, previous, lastMarac, thresholds));
    }

    public static Dictionary<string, bool?> AnswersOf(RiskAssessment assessment) =>
        JsonSerializer.Deserialize<Dictionary<string, bool?>>(assessment.Answers) ?? [];

    private async Task<RiskAssessment> DraftAsync(Actor actor, Guid id, CancellationToken ct, bool withChildren = false)
    {
        var query = db.RiskAssessments.AsQueryable();
        if (withChildren) query = query.Include(a => a.Children);
        var assessment = await query.SingleOrDefaultAsync(a => a.Id == id && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new KeyNotFoundException("There is no such assessment.");
        var decision = AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Update, new RecordFacts(assessment.PartnershipId, assessment.AssessedByOrganisationId));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        if (assessment.Status != AssessmentStatus.Draft) throw new InvalidOperationException("The assessment is already completed.");
        return assessment;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Demand(Actor actor, Operation operation)
    {
        if (!actor.HasAny(Resource.RiskAssessment, operation)) throw new ForbiddenException(ResourceType, null, $"{operation} on risk assessments is not granted.");
    }
}
