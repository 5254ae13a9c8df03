using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

/// <summary>From the previous working day's list time to this one's: 24 hours, 72 on a Monday, more after a bank holiday.</summary>
public sealed record DrammWindow(LocalDate Day, Instant From, Instant To)
{
    public Duration Length => To - From;
}

/// <summary>One case on the day's list: a police incident or a new referral (a checklist completed elsewhere).</summary>
public sealed record DrammCase(
    Guid? IncidentId,
    string? PoliceReference,
    Guid? RiskAssessmentId,
    Guid? VictimPersonId,
    string VictimName,
    LocalDate? VictimDateOfBirth,
    Instant ArrivedAt,
    RiskAssessment? Dash,
    IReadOnlyList<Guid> ChildPersonIds,
    int EarlierIncidents,
    int MaracReferrals,
    TriageDecision? Decision);

/// <summary>The working day whose list is drawn.</summary>
public sealed record DrammDayOptions(LocalDate Day);

public sealed record TriageOptions(
    Guid? IncidentId, Guid? RiskAssessmentId, Guid? VictimPersonId,
    bool SafetyPlanNow, bool ReferToMarac, bool AllocateIdva, bool ReferToChildrensSocialWork, bool ChildrenAtRisk,
    bool NoFurtherAction, string? NoFurtherActionReason, SafetyPlanOptions? SafetyPlan = null,
    bool ProfessionalJudgement = false, string? ProfessionalJudgementReason = null, Guid? PersonCausingHarmPersonId = null);

/// <summary>
/// The daily risk assessment management meeting's list and its triage. The list is drawn each working day at the
/// partnership's list time and holds what arrived since the previous working day's list.
/// </summary>
public sealed class DrammList(SafeguardingDbContext db)
{
    public const string ResourceType = "DrammList";

    public static bool IsDrammDay(LocalDate day) => Platform.Calendars.BankHolidays.IsWorkingDay(day);

    public static DrammWindow WindowFor(LocalDate day, LocalTime listTime)
    {
        if (!IsDrammDay(day)) throw new ArgumentException($"{day:yyyy-MM-dd} is not a working day: there is no DRAMM.", nameof(day));
        var previous = MeetingCadence.PreviousWorkingDay(day);
        return new DrammWindow(day,
            previous.At(listTime).InZoneLeniently(Households.London).ToInstant(),
            day.At(listTime).InZoneLeniently(Households.London).ToInstant());
    }

    /// <summary>The day's cases, each with its checklist result, children, history and any decision already made. The view is audited.</summary>
    public async Task<(DrammWindow Window, List<DrammCase> Cases)> ForDayAsync(DrammDayOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var day = options.Day;
        var allowed = actor.Grants.Any(g => g.Resource == Resource.RiskAssessment && g.Operation == Operation.Read && g.Scope == Scope.WholePartnership);
        if (!allowed) throw new ForbiddenException(ResourceType, day.ToString("yyyy-MM-dd", null), "the DRAMM list is for the Front Door");
        db.QueueAudit(process, AuditActions.Read, ResourceType, day.ToString("yyyy-MM-dd", null), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);

        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == actor.PartnershipId, ct) ?? new DomesticAbuseSettings();
        var window = WindowFor(day, settings.DrammListTime);

        var incidents = await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults).Include(i => i.Children).AsSplitQuery()
            .Where(i => i.PartnershipId == actor.PartnershipId && i.IsLatest && i.ReceivedAt >= window.From && i.ReceivedAt < window.To)
            .OrderBy(i => i.ReceivedAt).ToListAsync(ct);
        var incidentIds = incidents.Select(i => i.Id).ToList();
        var referrals = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.Status == AssessmentStatus.Completed && a.CompletedAt >= window.From && a.CompletedAt < window.To
                        && (a.IncidentId == null || !incidentIds.Contains(a.IncidentId.Value)))
            .OrderBy(a => a.CompletedAt).ToListAsync(ct);
        var dashForIncidents = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.IncidentId != null && incidentIds.Contains(a.IncidentId.Value) && a.Status == AssessmentStatus.Completed).ToListAsync(ct);
        var decisions = await db.TriageDecisions.AsNoTracking()
            .Where(d => (d.IncidentId != null && incidentIds.Contains(d.IncidentId.Value)) || (d.RiskAssessmentId != null && referrals.Select(r => r.Id).Contains(d.RiskAssessmentId.Value)))
            .ToListAsync(ct);

        var cases = new List<DrammCase>();
        foreach (var incident in incidents)
        {
            var victim = incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim);
            var dash = dashForIncidents.Where(a => a.IncidentId == incident.Id).MaxBy(a => a.CompletedAt);
            var children = incident.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).ToList();
            cases.Add(await CaseAsync(incident.Id, incident.PoliceReference, dash?.Id, victim?.PersonId,
                victim is null ? "(no victim named)" : $"{victim.GivenName} {victim.FamilyName}", victim?.DateOfBirth, incident.ReceivedAt, dash, children,
                Households.LondonDate(incident.OccurredAt), decisions.Where(d => d.IncidentId == incident.Id).MaxBy(d => d.DecidedAt), ct));
        }
        foreach (var referral in referrals)
        {
            var person = referral.VictimPersonId is { } id ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PartnershipId == referral.PartnershipId, ct) : null;
            cases.Add(await CaseAsync(referral.IncidentId, null, referral.Id, referral.VictimPersonId, person?.FullName ?? "(victim not linked)", person?.DateOfBirth,
                referral.CompletedAt!.Value, referral, [], referral.IncidentDate, decisions.Where(d => d.RiskAssessmentId == referral.Id).MaxBy(d => d.DecidedAt), ct));
        }
        // The seal holds on the list too: a sealed victim's case stays to be decided, without their name or date of birth.
        var sealedVictims = await SealedPeople.HiddenFromAsync(db, actor, [.. cases.Where(c => c.VictimPersonId is not null).Select(c => c.VictimPersonId!.Value)], ct);
        cases = [.. cases.Select(c => c.VictimPersonId is { } v && sealedVictims.Contains(v) ? c with { VictimName = SealedPeople.Withheld, VictimDateOfBirth = null } : c)];
        await new AuditTrail(db).RecordListedAsync(process, $"DRAMM list {day:yyyy-MM-dd}", PersonRecords.ResourceType,
            cases.Where(c => c.VictimPersonId is not null).Select(c => c.VictimPersonId!.Value).Concat(cases.SelectMany(c => c.ChildPersonIds)), ct);
        return (window, cases);
    }

    private async Task<DrammCase> CaseAsync(Guid? incidentId, string? reference, Guid? assessmentId, Guid? victimId, string victimName, LocalDate? victimDob,
        Instant arrived, RiskAssessment? dash, List<Guid> incidentChildren, LocalDate incidentDate, TriageDecision? decision, CancellationToken ct)
    {
        var children = incidentChildren;
        var earlier = 0;
        var maracs = 0;
        if (victimId is { } v)
        {
            children = [.. incidentChildren.Union(await Households.ChildrenOfAsync(db, v, incidentDate, ct))];
            earlier = (await Households.IncidentsOfAsync(db, v, ct)).Count(i => i.IncidentId != incidentId && i.Date <= incidentDate);
            maracs = await db.MaracReferrals.CountAsync(r => r.VictimPersonId == v, ct);
        }
        return new DrammCase(incidentId, reference, assessmentId, victimId, victimName, victimDob, arrived, dash, children, earlier, maracs, decision);
    }

    /// <summary>
    /// Records the decision on a case. No further action stands alone and needs a reason. A MARAC referral, an IDVA
    /// (the young people's service for victims aged 16 to 18), a safety plan and flags for the children follow from it.
    /// </summary>
    public async Task<TriageDecision> TriageAsync(TriageOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(nameof(TriageDecision), null, "Triage is for the Front Door.");
        var problems = Problems(options).ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var now = db.Clock.GetCurrentInstant();
        var today = Households.LondonDate(now);
        // Every id the caller names is looked up in the caller's partnership: another partnership's case is not found.
        var partnership = actor.PartnershipId;
        if (options.RiskAssessmentId is { } aid && !await db.RiskAssessments.AnyAsync(a => a.Id == aid && a.PartnershipId == partnership, ct))
            throw new NotFoundException(nameof(RiskAssessment), aid.ToString());
        if (options.IncidentId is { } iid && !await db.DomesticIncidents.AnyAsync(i => i.Id == iid && i.PartnershipId == partnership, ct))
            throw new NotFoundException(nameof(DomesticIncident), iid.ToString());
        if (options.VictimPersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid && p.PartnershipId == partnership, ct))
            throw new NotFoundException("Person", pid.ToString());
        var victimId = options.VictimPersonId;
        if (victimId is null && options.RiskAssessmentId is { } assessmentId)
            victimId = await db.RiskAssessments.Where(a => a.Id == assessmentId && a.PartnershipId == partnership).Select(a => a.VictimPersonId).SingleAsync(ct);
        if (victimId is null && options.IncidentId is { } incidentId)
            victimId = await db.DomesticIncidents.Where(i => i.Id == incidentId && i.PartnershipId == partnership)
                .SelectMany(i => i.Adults).Where(a => a.Role == IncidentAdultRole.Victim).Select(a => a.PersonId).FirstOrDefaultAsync(ct);
        if (victimId is null && (options.ReferToMarac || options.SafetyPlanNow || options.ChildrenAtRisk || options.AllocateIdva))
            throw new ArgumentException("Link the victim to the person index before deciding.", nameof(options));
        if (options.PersonCausingHarmPersonId is { } hid && !await db.People.AnyAsync(p => p.Id == hid && p.PartnershipId == partnership, ct))
            throw new NotFoundException("Person", hid.ToString());
        var harmId = options.PersonCausingHarmPersonId ?? await PersonCausingHarmAsync(partnership, options.IncidentId, options.RiskAssessmentId, ct);
        // Checked before anything is saved: a referral no criterion supports is the practitioner's judgement, said so.
        if (options.ReferToMarac && !options.ProfessionalJudgement)
        {
            var criteria = await MaracReferrals.CriteriaAsync(db, new MaracCriteriaOptions(partnership, victimId!.Value, harmId, options.RiskAssessmentId, options.IncidentId, today), ct);
            if (!criteria.Any)
                throw new ArgumentException("No MARAC criterion holds for this case: to refer it, choose professional judgement and say why.", nameof(options));
        }

        var idva = IdvaService.None;
        if (options.AllocateIdva)
        {
            var dob = await db.People.Where(p => p.Id == victimId && p.PartnershipId == partnership).Select(p => p.DateOfBirth).SingleAsync(ct);
            idva = dob is { } d && Period.Between(d, today, PeriodUnits.Years).Years is >= 16 and <= 18 ? IdvaService.YoungPeople : IdvaService.Adult;
        }
        var decision = new TriageDecision
        {
            PartnershipId = actor.PartnershipId, IncidentId = options.IncidentId, RiskAssessmentId = options.RiskAssessmentId, VictimPersonId = victimId,
            PersonCausingHarmPersonId = harmId,
            ProfessionalJudgement = options.ProfessionalJudgement, ProfessionalJudgementReason = options.ProfessionalJudgement ? options.ProfessionalJudgementReason!.Trim() : null,
            DecidedOn = today, DecidedAt = now, DecidedByOrganisationId = actor.OrganisationId, DecidedByUserId = actor.UserId,
            SafetyPlanNow = options.SafetyPlanNow, ReferToMarac = options.ReferToMarac, Idva = idva,
            ReferToChildrensSocialWork = options.ReferToChildrensSocialWork, ChildrenAtRisk = options.ChildrenAtRisk,
            NoFurtherAction = options.NoFurtherAction, NoFurtherActionReason = options.NoFurtherAction ? options.NoFurtherActionReason!.Trim() : null,
        };
        db.Process = process;
        db.TriageDecisions.Add(decision);
        if (options.ChildrenAtRisk)
        {
            var children = await Households.ChildrenOfAsync(db, victimId!.Value, today, ct);
            await new HealthFlagRecords(db).RaiseAsync(actor.PartnershipId, children, HealthFlagKind.ChildAtRiskOfDomesticAbuse, nameof(TriageDecision), decision.Id, ct);
        }
        if (options.SafetyPlanNow)
            SafetyPlans.Add(db, actor, victimId!.Value, options.SafetyPlan!, decision.Id, null);
        await db.SaveChangesAsync(ct);

        if (options.ReferToMarac)
        {
            var referral = await new MaracReferrals(db).ReferAsync(
                new ReferToMarac(victimId!.Value, harmId, options.RiskAssessmentId, options.ProfessionalJudgement, TriageDecisionId: decision.Id,
                    IncidentId: options.IncidentId, ProfessionalJudgementReason: decision.ProfessionalJudgementReason), process, ct);
            decision.MaracReferralId = referral.Id;
            await db.SaveChangesAsync(ct);
        }
        return decision;
    }

    /// <summary>The person causing harm named on the checklist, else on the police incident.</summary>
    private async Task<Guid?> PersonCausingHarmAsync(Guid partnershipId, Guid? incidentId, Guid? assessmentId, CancellationToken ct)
    {
        Guid? harm = null;
        if (assessmentId is { } aid)
            harm = await db.RiskAssessments.Where(a => a.Id == aid && a.PartnershipId == partnershipId).Select(a => a.PersonCausingHarmPersonId).SingleOrDefaultAsync(ct);
        if (harm is null && incidentId is { } iid)
            harm = await db.DomesticIncidents.Where(i => i.Id == iid && i.PartnershipId == partnershipId)
                .SelectMany(i => i.Adults).Where(a => a.Role == IncidentAdultRole.PersonCausingHarm).Select(a => a.PersonId).FirstOrDefaultAsync(ct);
        return harm;
    }

    public static IEnumerable<string> Problems(TriageOptions o)
    {
        if (o.IncidentId is null && o.RiskAssessmentId is null) yield return "A decision is about an incident or a referral.";
        var anyAction = o.SafetyPlanNow || o.ReferToMarac || o.AllocateIdva || o.ReferToChildrensSocialWork || o.ChildrenAtRisk;
        if (o.NoFurtherAction && anyAction) yield return "No further action cannot be chosen with another decision.";
        if (!o.NoFurtherAction && !anyAction) yield return "Choose at least one decision, or no further action with a reason.";
        if (o.NoFurtherAction && string.IsNullOrWhiteSpace(o.NoFurtherActionReason)) yield return "Say why no further action is needed.";
        if (o.ProfessionalJudgement && !o.ReferToMarac) yield return "Professional judgement is a reason to refer to MARAC: choose the referral too.";
        if (o.ProfessionalJudgement && string.IsNullOrWhiteSpace(o.ProfessionalJudgementReason)) yield return "Say why professional judgement refers this case to MARAC.";
        if (o.SafetyPlanNow && o.SafetyPlan is null) yield return "A safety plan needs its measures and a review date.";
        if (o.SafetyPlan is { } plan) foreach (var p in SafetyPlans.Problems(plan)) yield return p;
    }
}
