using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

/// <summary>Which service a triage decision sends the case to.</summary>
public enum TriageReferralService
{
    ChildrensSocialWork,
    Idva,
}

public enum TriageReferralStatus
{
    Waiting,
    Accepted,
    Declined,
}

/// <summary>
/// A case the DRAMM sent on from triage: to children's social work, which accepts or declines it with a reason, or to
/// an IDVA service (the young people's for victims aged 16 to 18), which accepts it and names the worker.
/// </summary>
public sealed class TriageReferral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public TriageReferralService Service { get; set; }
    public Guid TriageDecisionId { get; set; }
    public Guid? IncidentId { get; set; }
    public Guid? RiskAssessmentId { get; set; }
    public Guid? VictimPersonId { get; set; }
    /// <summary>The IDVA service it is allocated to; null for children's social work, which is the partnership's one service.</summary>
    public Guid? ToOrganisationId { get; set; }
    public Guid ReferredByOrganisationId { get; set; }
    public Guid? ReferredByUserId { get; set; }
    public Instant ReferredAt { get; set; }
    /// <summary>When the service should have decided: children's social work within one working day (Working Together); an IDVA service has no set time.</summary>
    public Instant? DueAt { get; set; }
    public TriageReferralStatus Status { get; set; }
    public Instant? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>The IDVA who will work with the victim, a user of the IDVA service.</summary>
    public Guid? WorkerUserId { get; set; }
}

internal sealed class TriageReferralMapping : IEntityTypeConfiguration<TriageReferral>
{
    public void Configure(EntityTypeBuilder<TriageReferral> b)
    {
        b.ToTable("domestic_abuse_triage_referrals");
        b.Property(r => r.DeclineReason).HasMaxLength(4000);
        b.HasOne<TriageDecision>().WithMany().HasForeignKey(r => r.TriageDecisionId);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.VictimPersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId);
        b.HasIndex(r => new { r.PartnershipId, r.Service, r.Status, r.ReferredAt });
        b.HasIndex(r => r.TriageDecisionId);
    }
}

/// <summary>Which queue, waiting or decided, and which page of it.</summary>
public sealed record TriageReferralQueueOptions(TriageReferralService Service, bool Decided = false, PageOptions? Page = null);

/// <summary>A row of a service's queue: the victim is named unless sealed from the reader; the children are counted.</summary>
public sealed record TriageReferralRow(TriageReferral Referral, string Victim, string? PoliceReference, int Children, string ReferredBy);

/// <summary>One referral as the service sees it to decide: the case, and for an IDVA service the workers it may name.</summary>
public sealed record TriageReferralToDecide(
    TriageReferral Referral, string Victim, LocalDate? VictimDateOfBirth, string? PoliceReference, int? DashYesCount, string DashResult,
    IReadOnlyList<string> Children, string ReferredBy, string? DecidedBy, string? Worker, IReadOnlyList<(Guid Id, string Name)> Workers);

/// <summary>The referrer's view of what became of a referral, shown on the case.</summary>
public sealed record TriageReferralOutcome(TriageReferralService Service, TriageReferralStatus Status, string ServiceName, Instant ReferredAt,
    Instant? DecidedAt, string? DeclineReason, string? Worker);

public sealed record AcceptTriageReferral(Guid ReferralId, Guid? WorkerUserId = null);

public sealed record DeclineTriageReferral(Guid ReferralId, string Reason);

/// <summary>
/// The queues of cases triage sent on. Children's social work's social workers and team managers see and decide those
/// to children's social work; an IDVA service sees and accepts the allocations to it alone (grants in RoleCatalogue,
/// checked on every read and decision). Every list and every case opened is audited.
/// </summary>
public sealed class TriageReferrals(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(TriageReferral);

    public static Resource ResourceOf(TriageReferralService service) =>
        service == TriageReferralService.Idva ? Resource.IdvaReferral : Resource.ChildrensSocialWorkReferral;

    /// <summary>
    /// Adds the referrals a decision makes, unsaved (the decision's save keeps them with it), each with an email alert
    /// through the outbox to the receiving service's users who may act on it (<see cref="QueueAlertsAsync"/>). An IDVA
    /// allocation goes to the partnership's IDVA service, a victim aged 16 to 18 to the young people's; with no such
    /// service set, nothing can be allocated and the decision is refused before anything is saved.
    /// </summary>
    public static async Task AddForAsync(SafeguardingDbContext db, TriageDecision decision, string publicBaseUrl, CancellationToken ct = default)
    {
        List<TriageReferral> made = [];
        if (decision.Idva != IdvaService.None)
        {
            var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == decision.PartnershipId, ct);
            var young = decision.Idva == IdvaService.YoungPeople;
            var to = (young ? settings?.YoungPeoplesIdvaOrganisationId : settings?.IdvaOrganisationId)
                ?? throw new ArgumentException(young
                    ? "The victim is aged 16 to 18, and the partnership has no young people's IDVA service set: ask an administrator to set it."
                    : "The partnership has no IDVA service set: ask an administrator to set it.", nameof(decision));
            made.Add(New(decision, TriageReferralService.Idva, to, null));
        }
        if (decision.ReferToChildrensSocialWork)
        {
            // Working Together: the Front Door's partner decides within one working day of the referral.
            var london = decision.DecidedAt.InZone(Households.London);
            var due = MeetingCadence.NextWorkingDay(london.Date.PlusDays(1)).At(london.TimeOfDay).InZoneLeniently(Households.London).ToInstant();
            var referral = New(decision, TriageReferralService.ChildrensSocialWork, null, due);
            made.Add(referral);
            await SendToFrontDoorAsync(db, decision, referral, ct);
        }
        db.AddRange(made);
        await QueueAlertsAsync(db, made, publicBaseUrl, ct);
    }

    /// <summary>
    /// A contact to the Front Door for each child of the case (in the police incident, and in the victim's household on
    /// the day), unsaved, so that it is kept with the decision: the Front Door decides it within one working day and
    /// counts it in its figures. The referral itself stays in children's social work's DRAMM queue as before.
    /// </summary>
    private static async Task SendToFrontDoorAsync(SafeguardingDbContext db, TriageDecision decision, TriageReferral referral, CancellationToken ct)
    {
        List<Guid> children = decision.IncidentId is { } incident
            ? await db.Set<Encompass.IncidentChild>().AsNoTracking().Where(c => c.IncidentId == incident && c.PersonId != null).Select(c => c.PersonId!.Value).ToListAsync(ct)
            : [];
        if (decision.VictimPersonId is { } victim)
        {
            var day = Households.LondonDate(decision.DecidedAt);
            var households = await Households.ChildrenOfManyAsync(db, [victim], day, ct);
            children = [.. children.Union(Households.ChildrenOn(households.GetValueOrDefault(victim) ?? [], day))];
        }
        foreach (var child in children.Distinct())
            FrontDoor.FrontDoorContacts.Send(db, new FrontDoor.ModuleContact(decision.PartnershipId, child, FrontDoor.ContactSource.Dramm, referral.Id,
                decision.DecidedByOrganisationId, decision.DecidedByUserId,
                "The daily domestic abuse meeting (DRAMM) referred this child's household to children's social work after triage. The case is in the DRAMM referrals queue.",
                decision.DecidedAt));
    }

    /// <summary>The address of a service's queue, where its users accept or decline what waits.</summary>
    public static string QueuePath(TriageReferralService service) =>
        service == TriageReferralService.Idva ? "/domestic-abuse/referrals/idva" : "/domestic-abuse/referrals/social-work";

    /// <summary>
    /// Tells the receiving service that a referral is waiting: an email to each of its users the policy lets act on the
    /// referral (update it: a social worker or team manager for children's social work, the IDVA service's own IDVAs),
    /// once per referral and user (the delivery key). The email says only that a referral waits and links to the queue:
    /// no name, date of birth or police reference, which stay behind the sign-in (unsaved: the caller's save sends it).
    /// </summary>
    private static async Task QueueAlertsAsync(SafeguardingDbContext db, IReadOnlyList<TriageReferral> referrals, string publicBaseUrl, CancellationToken ct)
    {
        if (referrals.Count == 0) return;
        var partnership = referrals[0].PartnershipId;
        var resources = referrals.Select(r => ResourceOf(r.Service)).ToHashSet();
        var roles = RoleCatalogue.All.Where(role => RoleCatalogue.GrantsOf(role).Any(g => resources.Contains(g.Resource) && g.Operation == Operation.Update)).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == partnership && !u.IsDisabled && u.Email != null && u.Roles.Any(r => roles.Contains(r.Role)))
            .Select(u => new { u.Id, u.OrganisationId, u.DisplayName, u.Email, Roles = u.Roles.Select(r => r.Role).ToList() })
            .ToListAsync(ct);
        var victims = referrals.Where(r => r.VictimPersonId != null).Select(r => r.VictimPersonId!.Value).Distinct().ToList();
        var sealedVictims = (await db.People.AsNoTracking().Where(p => victims.Contains(p.Id) && p.IsSealed).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var outbox = new Platform.Outbox.Outbox(db);
        foreach (var referral in referrals)
        {
            var facts = new RecordFacts(partnership, referral.ToOrganisationId, IsSealed: referral.VictimPersonId is { } v && sealedVictims.Contains(v));
            foreach (var user in users)
            {
                var actor = new Actor(partnership, user.OrganisationId, user.DisplayName, user.Roles.ToHashSet(), UserId: user.Id);
                if (!AccessPolicy.Decide(actor, ResourceOf(referral.Service), Operation.Update, facts).Allowed) continue;
                outbox.QueueEmail(partnership, user.Email!, AlertFor(referral.Service, publicBaseUrl),
                    $"triage-referral/{referral.Id:N}/{user.Id:N}", ResourceType, referral.Id);
            }
        }
    }

    /// <summary>The email alert: that a referral waits for the service, and where. Nothing of the case.</summary>
    public static Platform.Outbox.EmailContent AlertFor(TriageReferralService service, string publicBaseUrl)
    {
        var (subject, what) = service == TriageReferralService.Idva
            ? ("A case is waiting for your IDVA service", "The daily domestic abuse meeting (DRAMM) has allocated a case to your IDVA service.")
            : ("A referral is waiting for children's social work", "The daily domestic abuse meeting (DRAMM) has referred a case to children's social work.");
        return new(subject,
            $"""
            {what} It is waiting in Safeguarding Hub for someone to accept it{(service == TriageReferralService.Idva ? " and name the IDVA" : " or decline it")}.

            Open the list of referrals (you will be asked to sign in):
            {publicBaseUrl.TrimEnd('/')}{QueuePath(service)}

            This email holds no details on purpose. Do not reply to it.
            """);
    }

    private static TriageReferral New(TriageDecision d, TriageReferralService service, Guid? to, Instant? due) => new()
    {
        PartnershipId = d.PartnershipId, Service = service, TriageDecisionId = d.Id, IncidentId = d.IncidentId, RiskAssessmentId = d.RiskAssessmentId,
        VictimPersonId = d.VictimPersonId, ToOrganisationId = to, ReferredByOrganisationId = d.DecidedByOrganisationId, ReferredByUserId = d.DecidedByUserId,
        ReferredAt = d.DecidedAt, DueAt = due, Status = TriageReferralStatus.Waiting,
    };

    /// <summary>
    /// A page of the service's waiting referrals, the longest waiting first, or of those decided, the latest first, with
    /// the true count. Two queries for the page, a fixed few for its names; the list is audited.
    /// </summary>
    public async Task<Paged<TriageReferralRow>> QueueAsync(TriageReferralQueueOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var query = Queue(actor, options);
        query = options.Decided ? query.OrderByDescending(r => r.DecidedAt).ThenBy(r => r.Id) : query.OrderBy(r => r.ReferredAt).ThenBy(r => r.Id);
        var page = await query.PageAsync(options.Page ?? new PageOptions(), ct);

        var referrals = page.Items;
        var victims = referrals.Where(r => r.VictimPersonId != null).Select(r => r.VictimPersonId!.Value).Distinct().ToList();
        var names = await SealedPeople.NamesAsync(db, actor, victims, ct);
        var references = await ReferencesAsync(referrals, ct);
        var children = await ChildrenAsync(referrals, ct);
        var orgIds = referrals.Select(r => r.ReferredByOrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"{options.Service} queue, {page.Total} {(options.Decided ? "decided" : "waiting")}");
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "Triage referrals", ResourceType, referrals.Select(r => r.Id));
        audit.QueueListed(process, "Triage referrals", PersonRecords.ResourceType, names.Keys);
        await db.SaveChangesAsync(ct);
        return page.Select(r => new TriageReferralRow(r, VictimName(r.VictimPersonId, names), r.IncidentId is { } i ? references.GetValueOrDefault(i) : null,
            children.GetValueOrDefault(r.Id)?.Count ?? 0, orgs.GetValueOrDefault(r.ReferredByOrganisationId, "")));
    }

    /// <summary>
    /// How many referrals the queue holds, counted as <see cref="QueueAsync"/> counts its true total, and how many of
    /// those waiting are past their due time (children's social work's one working day; an IDVA service has no set
    /// time, so none is overdue). Nothing is listed, so nothing is audited. Two counts.
    /// </summary>
    public async Task<WorkCount> CountAsync(TriageReferralQueueOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var query = Queue(process.RequireActor(), options);
        var now = db.Clock.GetCurrentInstant();
        return new WorkCount(await query.CountAsync(ct), options.Decided ? 0 : await query.CountAsync(r => r.DueAt < now, ct));
    }

    /// <summary>The service's waiting (or decided) referrals the actor reads: all of them with a partnership grant, its own organisation's otherwise.</summary>
    private IQueryable<TriageReferral> Queue(Actor actor, TriageReferralQueueOptions options)
    {
        var resource = ResourceOf(options.Service);
        var scopes = actor.Grants.Where(g => g.Resource == resource && g.Operation == Operation.Read).Select(g => g.Scope).ToList();
        if (scopes.Count == 0) throw new ForbiddenException(ResourceType, null, $"no role grants Read on {resource}");
        var query = db.Set<TriageReferral>().AsNoTracking().Where(r => r.PartnershipId == actor.PartnershipId && r.Service == options.Service);
        if (!scopes.Contains(Scope.WholePartnership)) query = query.Where(r => r.ToOrganisationId == actor.OrganisationId);
        return options.Decided ? query.Where(r => r.Status != TriageReferralStatus.Waiting) : query.Where(r => r.Status == TriageReferralStatus.Waiting);
    }

    /// <summary>One referral for the service to decide, for those who may read it; null when the partnership has none. The read is audited.</summary>
    public async Task<TriageReferralToDecide?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var referral = await db.Set<TriageReferral>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == actor.PartnershipId, ct);
        if (referral is null) return null;
        await DemandAsync(actor, referral, Operation.Read, ct);

        var names = await SealedPeople.NamesAsync(db, actor, referral.VictimPersonId is { } v ? [v] : [], ct);
        LocalDate? dob = referral.VictimPersonId is { } vid && names.ContainsKey(vid)
            ? await db.People.AsNoTracking().Where(p => p.Id == vid).Select(p => p.DateOfBirth).SingleOrDefaultAsync(ct) : null;
        var reference = (await ReferencesAsync([referral], ct)).Values.FirstOrDefault();
        var childIds = (await ChildrenAsync([referral], ct)).GetValueOrDefault(referral.Id) ?? [];
        var childNames = await SealedPeople.NamesAsync(db, actor, childIds, ct);
        var dash = await DashOfAsync(referral, ct);
        var orgName = await db.Organisations.AsNoTracking().Where(o => o.Id == referral.ReferredByOrganisationId).Select(o => o.Name).SingleAsync(ct);
        List<(Guid, string)> workers = [];
        if (referral.Service == TriageReferralService.Idva && referral.ToOrganisationId is { } service)
            workers = [.. (await db.Users.AsNoTracking().Where(u => u.OrganisationId == service && u.PartnershipId == actor.PartnershipId && !u.IsDisabled)
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName))];
        var userIds = new[] { referral.DecidedByUserId, referral.WorkerUserId }.Where(u => u != null).Select(u => u!.Value).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        db.QueueAudit(process, AuditActions.Read, ResourceType, referral.Id.ToString(), AuditOutcome.Allowed, "to decide a referral from triage");
        new AuditTrail(db).QueueListed(process, "Triage referral", PersonRecords.ResourceType, names.Keys.Concat(childNames.Keys));
        await db.SaveChangesAsync(ct);
        return new TriageReferralToDecide(referral, VictimName(referral.VictimPersonId, names), dob, reference, dash?.YesCount, Describe(dash),
            [.. childIds.Where(childNames.ContainsKey).Select(c => childNames[c])], orgName,
            referral.DecidedByUserId is { } d ? users.GetValueOrDefault(d) : null, referral.WorkerUserId is { } w ? users.GetValueOrDefault(w) : null, workers);
    }

    /// <summary>Accepts the referral; an IDVA service names the worker, one of its own users.</summary>
    public async Task AcceptAsync(AcceptTriageReferral options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var referral = await WaitingAsync(actor, options.ReferralId, ct);
        if (referral.Service == TriageReferralService.Idva)
        {
            if (options.WorkerUserId is not { } worker
                || !await db.Users.AnyAsync(u => u.Id == worker && u.OrganisationId == referral.ToOrganisationId && u.PartnershipId == actor.PartnershipId && !u.IsDisabled, ct))
                throw new ArgumentException("Name the IDVA who will work with the victim, one of the service's own staff.", nameof(options));
            referral.WorkerUserId = worker;
        }
        referral.Status = TriageReferralStatus.Accepted;
        await DecidedAsync(referral, actor, process with { Purpose = "referral from triage accepted" }, ct);
    }

    /// <summary>Declines the referral, with the reason the referrer will read.</summary>
    public async Task DeclineAsync(DeclineTriageReferral options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (string.IsNullOrWhiteSpace(options.Reason)) throw new ArgumentException("Say why the referral is declined.", nameof(options));
        var referral = await WaitingAsync(actor, options.ReferralId, ct);
        referral.Status = TriageReferralStatus.Declined;
        referral.DeclineReason = options.Reason.Trim();
        await DecidedAsync(referral, actor, process with { Purpose = "referral from triage declined" }, ct);
    }

    /// <summary>
    /// What became of the referrals made on a case (its police incident, any version, or its checklist), for the
    /// practitioner triaging it: shown with the case, whose read is audited by the caller.
    /// </summary>
    public static async Task<IReadOnlyList<TriageReferralOutcome>> OutcomesAsync(SafeguardingDbContext db, Guid partnershipId, string? policeReference, Guid? assessmentId,
        CancellationToken ct = default)
    {
        var referrals = await db.Set<TriageReferral>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId
                && ((policeReference != null && db.DomesticIncidents.Any(i => i.Id == r.IncidentId && i.PoliceReference == policeReference))
                    || (assessmentId != null && r.RiskAssessmentId == assessmentId)))
            .OrderBy(r => r.ReferredAt).ToListAsync(ct);
        var orgIds = referrals.Where(r => r.ToOrganisationId != null).Select(r => r.ToOrganisationId!.Value).ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var workerIds = referrals.Where(r => r.WorkerUserId != null).Select(r => r.WorkerUserId!.Value).ToList();
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. referrals.Select(r => new TriageReferralOutcome(r.Service, r.Status,
            r.ToOrganisationId is { } o ? orgs.GetValueOrDefault(o, "IDVA service") : "Children's social work", r.ReferredAt, r.DecidedAt, r.DeclineReason,
            r.WorkerUserId is { } w ? workers.GetValueOrDefault(w) : null))];
    }

    private async Task<TriageReferral> WaitingAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var referral = await db.Set<TriageReferral>().SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        await DemandAsync(actor, referral, Operation.Update, ct);
        if (referral.Status != TriageReferralStatus.Waiting) throw new InvalidOperationException("This referral has already been decided.");
        return referral;
    }

    private async Task DecidedAsync(TriageReferral referral, Actor actor, ProcessContext process, CancellationToken ct)
    {
        referral.DecidedAt = db.Clock.GetCurrentInstant();
        referral.DecidedByUserId = actor.UserId;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    private async Task DemandAsync(Actor actor, TriageReferral referral, Operation operation, CancellationToken ct)
    {
        var isSealed = referral.VictimPersonId is { } v && await db.People.AnyAsync(p => p.Id == v && p.IsSealed, ct);
        var decision = AccessPolicy.Decide(actor, ResourceOf(referral.Service), operation, new RecordFacts(referral.PartnershipId, referral.ToOrganisationId, IsSealed: isSealed));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, referral.Id.ToString(), decision.Reason);
    }

    private static string VictimName(Guid? victim, Dictionary<Guid, string> names) =>
        victim is null ? "Not linked" : names.GetValueOrDefault(victim.Value, SealedPeople.Withheld);

    private async Task<Dictionary<Guid, string>> ReferencesAsync(IReadOnlyList<TriageReferral> referrals, CancellationToken ct)
    {
        var ids = referrals.Where(r => r.IncidentId != null).Select(r => r.IncidentId!.Value).Distinct().ToList();
        return await db.DomesticIncidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PoliceReference, ct);
    }

    /// <summary>The children of each referral's case: those in its police incident and the victim's household on the day.</summary>
    private async Task<Dictionary<Guid, List<Guid>>> ChildrenAsync(IReadOnlyList<TriageReferral> referrals, CancellationToken ct)
    {
        var incidentIds = referrals.Where(r => r.IncidentId != null).Select(r => r.IncidentId!.Value).Distinct().ToList();
        var inIncidents = (await db.Set<Encompass.IncidentChild>().AsNoTracking().Where(c => incidentIds.Contains(c.IncidentId) && c.PersonId != null)
                .Select(c => new { c.IncidentId, Child = c.PersonId!.Value }).ToListAsync(ct))
            .ToLookup(x => x.IncidentId, x => x.Child);
        var victims = referrals.Where(r => r.VictimPersonId != null).Select(r => r.VictimPersonId!.Value).Distinct().ToList();
        var earliest = referrals.Select(r => Households.LondonDate(r.ReferredAt)).DefaultIfEmpty(Households.LondonDate(db.Clock.GetCurrentInstant())).Min();
        var households = await Households.ChildrenOfManyAsync(db, victims, earliest, ct);
        return referrals.ToDictionary(r => r.Id, r =>
        {
            List<Guid> children = r.IncidentId is { } i ? [.. inIncidents[i]] : [];
            if (r.VictimPersonId is { } v) children = [.. children.Union(Households.ChildrenOn(households[v], Households.LondonDate(r.ReferredAt)))];
            return children;
        });
    }

    private async Task<RiskAssessments.RiskAssessment?> DashOfAsync(TriageReferral referral, CancellationToken ct) =>
        referral.RiskAssessmentId is { } a
            ? await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == a && x.Status == RiskAssessments.AssessmentStatus.Completed, ct)
            : null;

    /// <summary>A checklist's result in words: "15 yes answers: visible high risk, potential escalation".</summary>
    public static string Describe(RiskAssessments.RiskAssessment? dash)
    {
        if (dash is not { Status: RiskAssessments.AssessmentStatus.Completed }) return "No completed checklist";
        var criteria = new[]
        {
            dash.VisibleHighRisk ? "visible high risk" : null, dash.PotentialEscalation ? "potential escalation" : null, dash.RepeatMarac ? "repeat MARAC" : null,
            dash.ProfessionalJudgement ? "the assessor's professional judgement" : null,
        }.Where(x => x is not null).ToList();
        return $"{dash.YesCount} yes answers: {(criteria.Count == 0 ? "no MARAC criterion met" : string.Join(", ", criteria))}";
    }
}
