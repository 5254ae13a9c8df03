using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

/// <summary>
/// One case on the day's list: a police incident (at the newest version received that day) or a new referral (a
/// checklist completed elsewhere). A decision belongs to the incident, whichever version it was made on; when this
/// version came after it, <see cref="ChangedSinceDecided"/> says what the police changed.
/// </summary>
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
    TriageDecision? Decision,
    int? Version = null,
    IReadOnlyList<string>? ChangedSinceDecided = null,
    Guid? AssignedToUserId = null,
    string? AssignedTo = null,
    Guid? VictimMatchReviewId = null);

/// <summary>How the list is sorted: in the order received (incidents, then referrals), or the highest risk first.</summary>
public enum DrammSort { Received, Risk }

/// <summary>The risk filter, as the checklist has it: a MARAC criterion met, a checklist below them all, or no checklist yet.</summary>
public enum DrammRisk { MaracCriteriaMet, BelowThreshold, NoChecklist }

/// <summary>The working day whose list is drawn, and which page of it.</summary>
public sealed record DrammDayOptions(LocalDate Day, int Page = 1, int PageSize = DrammList.PageSize,
    DrammSort Sort = DrammSort.Received, DrammRisk? Risk = null, bool? Decided = null, bool AssignedToMe = false);

/// <summary>A page of the day's list, with how many cases the whole list holds.</summary>
public sealed record DrammDay(DrammWindow Window, List<DrammCase> Cases, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public void Deconstruct(out DrammWindow window, out List<DrammCase> cases) => (window, cases) = (Window, Cases);
}

public sealed record TriageOptions(
    Guid? IncidentId, Guid? RiskAssessmentId, Guid? VictimPersonId,
    bool SafetyPlanNow, bool ReferToMarac, bool AllocateIdva, bool ReferToChildrensSocialWork, bool ChildrenAtRisk,
    bool NoFurtherAction, string? NoFurtherActionReason, SafetyPlanOptions? SafetyPlan = null,
    bool ProfessionalJudgement = false, string? ProfessionalJudgementReason = null, Guid? PersonCausingHarmPersonId = null);

/// <summary>
/// The daily risk assessment management meeting's list and its triage. The list is drawn each working day at the
/// partnership's list time and holds what arrived since the previous working day's list.
/// </summary>
public sealed class DrammList(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
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

    /// <summary>Cases a page of the list shows.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// A page of the day's cases, each with its checklist result, children, history and any decision already made. A
    /// fixed number of queries whatever the page holds (the demo's year on one day took minutes with queries per case).
    /// Incidents come first in the order received, then referrals in the order completed. The view is audited.
    /// </summary>
    public async Task<DrammDay> ForDayAsync(DrammDayOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var day = options.Day;
        if (!ReadsTheList(actor)) throw new ForbiddenException(ResourceType, day.ToString("yyyy-MM-dd", null), "the DRAMM list is for the Front Door");
        db.QueueAudit(process, AuditActions.Read, ResourceType, day.ToString("yyyy-MM-dd", null), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);

        var partnership = actor.PartnershipId;
        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnership, ct) ?? new DomesticAbuseSettings();
        var window = WindowFor(day, settings.DrammListTime);
        var (from, to) = (window.From, window.To);
        var size = Math.Clamp(options.PageSize, 1, 500);
        var skip = (Math.Max(1, options.Page) - 1) * size;

        // A fixed number of queries whatever the sort and filters: the counts, the page's keys, then the page's cases.
        var (incidentCases, referralCases) = Cases(partnership, from, to, options, actor.UserId);
        int total;
        List<(int Kind, Guid Id)> page;
        if (options.Sort == DrammSort.Risk || options.Risk is not null)
        {
            // By risk: the window's cases and the checklists on their incidents are read as two sets, then ranked here. One
            // correlated look-up per case (the newest checklist of each of 20,000 incidents) cost seconds in the database.
            var listed = await ByRiskAsync(incidentCases, referralCases, options.Risk, ct);
            total = listed.Count;
            page = [.. listed.OrderByDescending(r => r.Rank ?? 0).ThenBy(r => r.Kind).ThenBy(r => r.At).ThenBy(r => r.Id)
                .Skip(skip).Take(size).Select(r => (r.Kind, r.Id))];
        }
        else
        {
            // In the order received: incidents, then referrals, each counted and paged on its own (no checklist looked up).
            var incidentTotal = await incidentCases.CountAsync(ct);
            var referralTotal = await referralCases.CountAsync(ct);
            total = incidentTotal + referralTotal;
            var incidentIds = skip < incidentTotal
                ? await incidentCases.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Skip(skip).Take(size).Select(i => i.Id).ToListAsync(ct)
                : [];
            var referralSkip = Math.Max(0, skip - incidentTotal);
            var referralPage = incidentIds.Count < size && referralSkip < referralTotal
                ? await referralCases.OrderBy(a => a.CompletedAt).ThenBy(a => a.Id).Skip(referralSkip).Take(size - incidentIds.Count).Select(a => a.Id).ToListAsync(ct)
                : [];
            page = [.. incidentIds.Select(id => (0, id)), .. referralPage.Select(id => (1, id))];
        }
        var pageIds = page.Where(r => r.Kind == 0).Select(r => r.Id).ToList();
        var referralIds = page.Where(r => r.Kind == 1).Select(r => r.Id).ToList();
        var incidents = await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults).Include(i => i.Children).AsSplitQuery()
            .Where(i => pageIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var referrals = await db.RiskAssessments.AsNoTracking().Where(a => referralIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        // Every version of the page's incidents (and of those its referrals followed), to find checklists and decisions by police reference.
        var references = incidents.Values.Select(i => i.PoliceReference).Distinct().ToList();
        var referralIncidentIds = referrals.Values.Where(r => r.IncidentId != null).Select(r => r.IncidentId!.Value).ToList();
        var versions = (await db.DomesticIncidents.AsNoTracking()
                .Where(i => i.PartnershipId == partnership && (references.Contains(i.PoliceReference) || referralIncidentIds.Contains(i.Id)))
                .Select(i => new { i.Id, i.ForceOrganisationId, i.PoliceReference, i.Version }).ToListAsync(ct))
            .ToDictionary(v => v.Id, v => (Incident: new PoliceIncidentKey(v.ForceOrganisationId, v.PoliceReference), v.Version));
        var versionIds = versions.Keys.ToList();
        var dashes = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.IncidentId != null && versionIds.Contains(a.IncidentId.Value) && a.Status == AssessmentStatus.Completed).ToListAsync(ct);
        var decisions = await db.TriageDecisions.AsNoTracking()
            .Where(d => (d.IncidentId != null && versionIds.Contains(d.IncidentId.Value)) || (d.RiskAssessmentId != null && referralIds.Contains(d.RiskAssessmentId.Value)))
            .ToListAsync(ct);
        PoliceIncidentKey? KeyOf(Guid? versionId) => versionId is { } id && versions.TryGetValue(id, out var v) ? v.Incident : null;
        var dashOf = dashes.ToLookup(a => KeyOf(a.IncidentId));
        var decisionOf = decisions.Where(d => d.IncidentId != null).ToLookup(d => KeyOf(d.IncidentId));

        var decisionFor = incidents.Values.ToDictionary(i => i.Id, i => decisionOf[Key(i)].MaxBy(d => d.DecidedAt));
        // The versions decisions were made on, where a later one is on the list: to say what changed.
        var decidedIds = incidents.Values.Where(i => decisionFor[i.Id] is { } d && versions[d.IncidentId!.Value].Version < i.Version)
            .Select(i => decisionFor[i.Id]!.IncidentId!.Value).Distinct().ToList();
        var decidedVersions = await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults).Include(i => i.Children).AsSplitQuery()
            .Where(i => decidedIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var referralVictimIds = referrals.Values.Where(r => r.VictimPersonId != null).Select(r => r.VictimPersonId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => referralVictimIds.Contains(p.Id) && p.PartnershipId == partnership)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, ct);
        var victimIds = incidents.Values.Select(i => VictimOf(i)?.PersonId).Concat(referrals.Values.Select(r => r.VictimPersonId))
            .Where(v => v != null).Select(v => v!.Value).Distinct().ToList();
        var earliest = incidents.Values.Select(i => Households.LondonDate(i.OccurredAt)).Concat(referrals.Values.Select(r => r.IncidentDate)).DefaultIfEmpty(day).Min();
        var households = await Households.ChildrenOfManyAsync(db, victimIds, earliest, ct);
        var incidentsOf = await Households.IncidentsOfManyAsync(db, victimIds, ct);
        var maracs = (await db.MaracReferrals.AsNoTracking().Where(r => victimIds.Contains(r.VictimPersonId))
                .GroupBy(r => r.VictimPersonId).Select(g => new { Victim = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(m => m.Victim, m => m.Count);
        var assignments = await DrammCaseWork.AssignmentsAsync(db, partnership, references, referralIds, ct);
        var unlinked = incidents.Values.Where(i => VictimOf(i) is { PersonId: null }).ToList();
        var reviews = await DrammCaseWork.VictimReviewsAsync(db, partnership, unlinked, ct);

        DrammCase Case(Guid? incidentId, PoliceIncidentKey? incident, Guid? assessmentId, Guid? victimId, string victimName, LocalDate? victimDob,
            Instant arrived, RiskAssessment? dash, IEnumerable<Guid> incidentChildren, LocalDate incidentDate, TriageDecision? decision)
        {
            List<Guid> children = [.. incidentChildren];
            int earlier = 0, maracCount = 0;
            if (victimId is { } v)
            {
                children = [.. children.Union(Households.ChildrenOn(households[v], incidentDate))];
                earlier = incidentsOf[v].Count(i => i.Incident != incident && i.Date <= incidentDate);
                maracCount = maracs.GetValueOrDefault(v);
            }
            return new DrammCase(incidentId, incident?.PoliceReference, assessmentId, victimId, victimName, victimDob, arrived, dash, children, earlier, maracCount, decision);
        }

        var cases = new List<DrammCase>();
        foreach (var row in page)
        {
            if (row.Kind == 0 && incidents.TryGetValue(row.Id, out var incident))
            {
                var victim = VictimOf(incident);
                var dash = dashOf[Key(incident)].MaxBy(a => a.CompletedAt);
                var decision = decisionFor[incident.Id];
                var c = Case(incident.Id, Key(incident), dash?.Id, victim?.PersonId,
                    victim is null ? "(no victim named)" : $"{victim.GivenName} {victim.FamilyName}", victim?.DateOfBirth, incident.ReceivedAt, dash,
                    incident.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value), Households.LondonDate(incident.OccurredAt), decision);
                var changed = decision?.IncidentId is { } decided && decidedVersions.TryGetValue(decided, out var before) ? IncidentChanges.Between(before, incident) : null;
                var assigned = assignments.GetValueOrDefault((Key(incident), (Guid?)null));
                cases.Add(c with
                {
                    Version = incident.Version, ChangedSinceDecided = changed, AssignedToUserId = assigned?.UserId, AssignedTo = assigned?.Name,
                    VictimMatchReviewId = reviews.GetValueOrDefault(incident.Id),
                });
            }
            else if (row.Kind == 1 && referrals.TryGetValue(row.Id, out var referral))
            {
                var person = referral.VictimPersonId is { } id ? people.GetValueOrDefault(id) : null;
                var assigned = assignments.GetValueOrDefault(((PoliceIncidentKey?)null, (Guid?)referral.Id));
                cases.Add(Case(referral.IncidentId, KeyOf(referral.IncidentId), referral.Id, referral.VictimPersonId,
                    person is null ? "(victim not linked)" : $"{person.GivenName} {person.FamilyName}", person?.DateOfBirth,
                    referral.CompletedAt!.Value, referral, [], referral.IncidentDate, decisions.Where(d => d.RiskAssessmentId == referral.Id).MaxBy(d => d.DecidedAt))
                    with { PoliceReference = null, AssignedToUserId = assigned?.UserId, AssignedTo = assigned?.Name });
            }
        }
        // The seal holds on the list too: a sealed victim's case stays to be decided, without their name or date of birth.
        var sealedVictims = await SealedPeople.HiddenFromAsync(db, actor, [.. cases.Where(c => c.VictimPersonId is not null).Select(c => c.VictimPersonId!.Value)], ct);
        cases = [.. cases.Select(c => c.VictimPersonId is { } v && sealedVictims.Contains(v) ? c with { VictimName = SealedPeople.Withheld, VictimDateOfBirth = null } : c)];
        await new AuditTrail(db).RecordListedAsync(process, $"DRAMM list {day:yyyy-MM-dd}", PersonRecords.ResourceType,
            cases.Where(c => c.VictimPersonId is not null).Select(c => c.VictimPersonId!.Value).Concat(cases.SelectMany(c => c.ChildPersonIds)), ct);
        return new DrammDay(window, cases, total, Math.Max(1, options.Page), size);
    }

    /// <summary>
    /// How many cases the day's list holds with these filters, counted as <see cref="ForDayAsync"/> counts its true
    /// total, with nothing listed (so nothing named or audited): the home page's "cases to triage" is this count of the
    /// cases still to decide, so a change to the list's rules changes the count with it. Three queries whatever the day
    /// holds (the settings, then incidents and referrals), or four with a risk filter or sort (the cases and their checklists).
    /// </summary>
    public async Task<int> CountAsync(DrammDayOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!ReadsTheList(actor)) throw new ForbiddenException(ResourceType, options.Day.ToString("yyyy-MM-dd", null), "the DRAMM list is for the Front Door");
        var partnership = actor.PartnershipId;
        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnership, ct) ?? new DomesticAbuseSettings();
        var window = WindowFor(options.Day, settings.DrammListTime);
        var (incidents, referrals) = Cases(partnership, window.From, window.To, options, actor.UserId);
        return await TotalAsync(incidents, referrals, options, ct);
    }

    /// <summary>Whether the actor reads the whole DRAMM list: the Front Door, who read every agency's checklists.</summary>
    public static bool ReadsTheList(Actor actor) =>
        actor.Grants.Any(g => g.Resource == Resource.RiskAssessment && g.Operation == Operation.Read && g.Scope == Scope.WholePartnership);

    /// <summary>The list's true total: by risk, the cases ranked as the list ranks them; else each kind counted on its own.</summary>
    private async Task<int> TotalAsync(IQueryable<DomesticIncident> incidents, IQueryable<RiskAssessment> referrals, DrammDayOptions options, CancellationToken ct) =>
        options.Sort == DrammSort.Risk || options.Risk is not null
            ? (await ByRiskAsync(incidents, referrals, options.Risk, ct)).Count
            : await incidents.CountAsync(ct) + await referrals.CountAsync(ct);

    /// <summary>A case for the risk sort, an incident (kind 0) or a referral (kind 1): its checklist's result as one number, criteria met (from <see cref="CriteriaMet"/>)
    /// above below threshold (from <see cref="BelowThreshold"/>), each by its yes count; null with no checklist.</summary>
    private sealed record ListedCase(int Kind, Guid Id, Instant At, int? Rank)
    {
        public const int CriteriaMet = 2000;
        public const int BelowThreshold = 1000;

        public static int RankOf(bool refer, int? yesCount) => (refer ? CriteriaMet : BelowThreshold) + (yesCount ?? -1);
    }

    /// <summary>
    /// The window's cases, filtered: incidents and referrals. An incident is one case, at the newest version
    /// of the window; a checklist completed on any version of such an incident belongs to that case, not to the
    /// referrals. Its checklist is the newest completed on any version; it is decided when a decision was made on any of
    /// its versions (decisions belong to the incident: a correction shows as "changed since decided", with "Decide
    /// again" on offer, but does not put the case back among those to decide); its practitioner is the
    /// incident's. Each filter is asked only when chosen: counting the day's 20,000 cases must not look up each one's
    /// checklist, decision and practitioner for nothing.
    /// </summary>
    private (IQueryable<DomesticIncident> Incidents, IQueryable<RiskAssessment> Referrals) Cases(Guid partnership, Instant from, Instant to, DrammDayOptions options, Guid? me)
    {
        var received = db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == partnership && i.ReceivedAt >= from && i.ReceivedAt < to);
        // Versions arrive in order, so a version is its incident's newest of the window unless the next one arrived before
        // the window closed (looked up by the unique key, not by comparing the window with itself).
        var incidents = received.Where(i => i.IsLatest || !db.DomesticIncidents.Any(n => n.PartnershipId == i.PartnershipId
            && n.ForceOrganisationId == i.ForceOrganisationId && n.PoliceReference == i.PoliceReference && n.Version == i.Version + 1 && n.ReceivedAt < to));
        var referrals = db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed && a.CompletedAt >= from && a.CompletedAt < to)
            .Where(a => !db.DomesticIncidents.Any(v => v.Id == a.IncidentId && db.DomesticIncidents.Any(r => r.PartnershipId == v.PartnershipId
                && r.ForceOrganisationId == v.ForceOrganisationId && r.PoliceReference == v.PoliceReference && r.ReceivedAt >= from && r.ReceivedAt < to)));

        if (options.Decided is { } decided)
        {
            // From the incident's versions (its unique key) to their decisions (by version id): each an index lookup.
            incidents = incidents.Where(i => db.DomesticIncidents.Any(v => v.PartnershipId == i.PartnershipId && v.ForceOrganisationId == i.ForceOrganisationId
                && v.PoliceReference == i.PoliceReference && db.TriageDecisions.Any(d => d.IncidentId == v.Id)) == decided);
            referrals = referrals.Where(a => db.TriageDecisions.Any(d => d.RiskAssessmentId == a.Id) == decided);
        }
        if (options.AssignedToMe)
        {
            incidents = incidents.Where(i => db.DrammAssignments.Any(x => x.PartnershipId == i.PartnershipId && x.ForceOrganisationId == i.ForceOrganisationId
                && x.PoliceReference == i.PoliceReference && x.AssignedToUserId == me));
            referrals = referrals.Where(a => db.DrammAssignments.Any(x => x.RiskAssessmentId == a.Id && x.AssignedToUserId == me));
        }
        return (incidents, referrals);
    }

    /// <summary>
    /// The cases with their checklist's result (the newest completed on any version of the incident), for the risk sort
    /// and filter: three queries whatever the day holds (the incidents, their checklists, the referrals).
    /// </summary>
    private async Task<List<ListedCase>> ByRiskAsync(IQueryable<DomesticIncident> incidents, IQueryable<RiskAssessment> referrals, DrammRisk? risk, CancellationToken ct)
    {
        var cases = await incidents.Select(i => new { i.Id, i.ReceivedAt, i.ForceOrganisationId, i.PoliceReference }).ToListAsync(ct);
        var checklists = await db.RiskAssessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Completed)
            .Join(db.DomesticIncidents, a => a.IncidentId, v => (Guid?)v.Id, (a, v) => new { v.PartnershipId, v.ForceOrganisationId, v.PoliceReference, a.CompletedAt, a.Refer, a.YesCount })
            .Where(c => incidents.Any(i => i.PartnershipId == c.PartnershipId && i.ForceOrganisationId == c.ForceOrganisationId && i.PoliceReference == c.PoliceReference))
            .ToListAsync(ct);
        var newest = checklists.GroupBy(c => new PoliceIncidentKey(c.ForceOrganisationId, c.PoliceReference))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.CompletedAt)!);
        var listed = cases.Select(i => new ListedCase(0, i.Id, i.ReceivedAt,
                newest.TryGetValue(new PoliceIncidentKey(i.ForceOrganisationId, i.PoliceReference), out var c) ? ListedCase.RankOf(c.Refer, c.YesCount) : null))
            .Concat((await referrals.Select(a => new { a.Id, At = a.CompletedAt!.Value, a.Refer, a.YesCount }).ToListAsync(ct))
                .Select(a => new ListedCase(1, a.Id, a.At, ListedCase.RankOf(a.Refer, a.YesCount))));
        return [.. risk switch
        {
            DrammRisk.MaracCriteriaMet => listed.Where(c => c.Rank >= ListedCase.CriteriaMet),
            DrammRisk.BelowThreshold => listed.Where(c => c.Rank is >= ListedCase.BelowThreshold and < ListedCase.CriteriaMet),
            DrammRisk.NoChecklist => listed.Where(c => c.Rank is null),
            _ => listed,
        }];
    }

    private static PoliceIncidentKey Key(DomesticIncident incident) => new(incident.ForceOrganisationId, incident.PoliceReference);

    private static IncidentAdult? VictimOf(DomesticIncident incident) => incident.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim);

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
        // The referrals to children's social work and the IDVA service are refused before anything is saved when they cannot be made.
        await TriageReferrals.AddForAsync(db, decision, (deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl, ct);
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
