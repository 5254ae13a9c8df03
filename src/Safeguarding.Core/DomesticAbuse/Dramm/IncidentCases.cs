using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

/// <summary>One police version of the incident: when it arrived and what it changed from the one before.</summary>
public sealed record IncidentVersion(Guid Id, int Version, Instant ReceivedAt, IReadOnlyList<string>? Changes);

/// <summary>
/// Someone the incident names. <see cref="PersonId"/> is set only when the reader may open their record;
/// <see cref="MatchReviewId"/> when the police record did not link and waits in the match review.
/// </summary>
public sealed record IncidentPerson(string Role, string Name, LocalDate? DateOfBirth, bool Linked, Guid? PersonId, Guid? MatchReviewId, string? Relationship = null);

/// <summary>A checklist's answers, in the checklist's order, with its result.</summary>
public sealed record IncidentDash(RiskAssessment Assessment, IReadOnlyList<(string Key, string Question, bool? Answer, bool Answered)> Answers);

/// <summary>An Encompass notification sent about a child of the incident, and where it has got to.</summary>
public sealed record IncidentNotification(Guid Id, int Version, string Child, string Setting, NotificationStatus Status, Instant Deadline,
    Instant? AcknowledgedAt, bool Overdue);

/// <summary>
/// What the Front Door reads about one police incident before deciding: the newest version's summary, every version and
/// what changed, the people, the checklist, the notifications, and the decision and practitioner so far.
/// </summary>
public sealed record IncidentCase(
    DomesticIncident Latest,
    IReadOnlyList<IncidentVersion> Versions,
    IReadOnlyList<IncidentPerson> People,
    IncidentDash? Dash,
    bool MayReadDash,
    IReadOnlyList<IncidentNotification>? Notifications,
    TriageDecision? Decision,
    int? DecidedOnVersion,
    string? AssignedTo);

/// <summary>Opens a police incident for the incident page: as strictly as triage, for whoever may read it, every read audited.</summary>
public sealed class IncidentCases(SafeguardingDbContext db, ChecklistLibrary checklists)
{
    /// <summary>
    /// The policy's decision on reading an incident's page: its force, the Front Door, and whether its victim is sealed
    /// from the reader. Asked by <see cref="OpenAsync"/> (the page's record filter) and by whatever links to the page,
    /// so that no link ends in a refusal.
    /// </summary>
    public static AccessDecision Decide(Actor actor, Guid forceOrganisationId, bool victimSealedFromReader) =>
        AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Read, new RecordFacts(actor.PartnershipId, forceOrganisationId, IsSealed: victimSealedFromReader));

    /// <summary>
    /// Whether a link to an incident's page opens it for the actor: the DRAMM pages' folder asks a DASH read grant, then
    /// <see cref="Decide"/> on the incident.
    /// </summary>
    public static bool MayOpenPage(Actor actor, Guid forceOrganisationId, bool victimSealedFromReader) =>
        actor.HasAny(Resource.RiskAssessment, Operation.Read) && Decide(actor, forceOrganisationId, victimSealedFromReader).Allowed;

    public async Task<IncidentCase?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnership = actor.PartnershipId;
        var named = await db.DomesticIncidents.AsNoTracking().Where(i => i.Id == id && i.PartnershipId == partnership)
            .Select(i => new { i.ForceOrganisationId, i.PoliceReference }).SingleOrDefaultAsync(ct);
        if (named is null) return null;
        var versions = await db.DomesticIncidents.AsNoTracking().Include(i => i.Adults).Include(i => i.Children).AsSplitQuery()
            .Where(i => i.PartnershipId == partnership && i.ForceOrganisationId == named.ForceOrganisationId && i.PoliceReference == named.PoliceReference)
            .OrderBy(i => i.Version).ToListAsync(ct);
        var latest = versions[^1];

        // The policy decides on the incident as the triage of it would: its force, the Front Door, and the victim's seal.
        var victimAdult = latest.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.Victim);
        var isSealed = victimAdult?.PersonId is { } sv && (await SealedPeople.HiddenFromAsync(db, actor, [sv], ct)).Count > 0;
        var decision = Decide(actor, latest.ForceOrganisationId, isSealed);
        if (!decision.Allowed) throw new ForbiddenException(RiskAssessmentRecords.IncidentResourceType, id.ToString(), decision.Reason);

        var history = versions.Select((v, n) => new IncidentVersion(v.Id, v.Version, v.ReceivedAt, n == 0 ? null : IncidentChanges.Between(versions[n - 1], v))).ToList();
        var versionIds = versions.Select(v => v.Id).ToList();

        // People: linked ones named as the person index has them (the seal applied), linked only where the reader may open them.
        var harmAdult = latest.Adults.FirstOrDefault(a => a.Role == IncidentAdultRole.PersonCausingHarm);
        var ids = latest.Adults.Where(a => a.PersonId != null).Select(a => a.PersonId!.Value)
            .Concat(latest.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Links).Where(p => ids.Contains(p.Id) && p.PartnershipId == partnership).ToDictionaryAsync(p => p.Id, ct);
        var seesSealed = SealedPeople.MaySee(actor);
        var reviews = await DrammCaseWork.VictimReviewsAsync(db, partnership, [latest], ct);
        var mayReview = actor.UserId is not null && actor.Grants.Any(g => g is { Resource: Resource.Person, Operation: Operation.Update, Scope: Scope.WholePartnership });
        IncidentPerson Person(string role, string given, string family, LocalDate? dob, Guid? personId, Guid? review, string? relationship = null)
        {
            if (personId is { } pid && people.TryGetValue(pid, out var p))
            {
                var hidden = p.IsSealed && !seesSealed;
                var mayOpen = AccessPolicy.Decide(actor, Resource.Person, Operation.Read,
                    new RecordFacts(p.PartnershipId, p.RecordedByOrganisationId, [.. p.Links.Select(l => l.OrganisationId)], p.IsSealed)).Allowed;
                return new IncidentPerson(role, hidden ? SealedPeople.Withheld : p.FullName, hidden ? null : p.DateOfBirth, true, mayOpen && !hidden ? pid : null, null, relationship);
            }
            return new IncidentPerson(role, $"{given} {family}", dob, false, null, mayReview ? review : null, relationship);
        }
        List<IncidentPerson> shown = [];
        if (victimAdult is not null)
            shown.Add(Person("Victim", victimAdult.GivenName, victimAdult.FamilyName, victimAdult.DateOfBirth, victimAdult.PersonId, reviews.GetValueOrDefault(latest.Id) is var r && r != Guid.Empty ? r : null));
        if (harmAdult is not null)
            shown.Add(Person("Person causing harm", harmAdult.GivenName, harmAdult.FamilyName, harmAdult.DateOfBirth, harmAdult.PersonId, null));
        foreach (var child in latest.Children.OrderBy(c => c.DateOfBirth))
            shown.Add(Person("Child", child.GivenName, child.FamilyName, child.DateOfBirth, child.PersonId, null, child.Relationship));

        // The checklist: the newest completed on any version, shown to those who may read it.
        var assessment = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.Status == AssessmentStatus.Completed && a.IncidentId != null && versionIds.Contains(a.IncidentId.Value))
            .OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync(ct);
        var mayReadDash = assessment is not null && AccessPolicy.Decide(actor, Resource.RiskAssessment, Operation.Read,
            new RecordFacts(partnership, assessment.AssessedByOrganisationId, IsSealed: isSealed)).Allowed;
        IncidentDash? dash = null;
        if (assessment is not null && mayReadDash)
        {
            var checklist = await checklists.VersionAsync(partnership, assessment.ChecklistCode, assessment.ChecklistVersion, ct);
            var answers = RiskAssessmentRecords.AnswersOf(assessment);
            dash = new IncidentDash(assessment, [.. checklist.Questions.Select(q => (q.Key, q.Wording, answers.GetValueOrDefault(q.Key), answers.ContainsKey(q.Key)))]);
        }

        // The notifications, for those who chase them (the Front Door): the setting's name and where each has got to.
        List<IncidentNotification>? notifications = null;
        if (actor.HasAny(Resource.EncompassNotification, Operation.Review))
        {
            var now = db.Clock.GetCurrentInstant();
            var rows = await db.EncompassNotifications.AsNoTracking().Where(n => n.PartnershipId == partnership && versionIds.Contains(n.IncidentId))
                .Join(db.Organisations.AsNoTracking(), n => n.RecipientOrganisationId, o => o.Id, (n, o) => new { Notification = n, Setting = o.Name })
                .OrderBy(x => x.Notification.CreatedAt).ToListAsync(ct);
            var childOf = versions.SelectMany(v => v.Children).ToDictionary(c => c.Id);
            var versionOf = versions.ToDictionary(v => v.Id, v => v.Version);
            notifications = [.. rows.Select(x => new IncidentNotification(x.Notification.Id, versionOf[x.Notification.IncidentId],
                childOf.TryGetValue(x.Notification.IncidentChildId, out var child) ? ChildName(child, people, seesSealed) : "A child",
                x.Setting, x.Notification.Status, x.Notification.Deadline, x.Notification.AcknowledgedAt,
                x.Notification.AcknowledgedAt is null && x.Notification.Status != NotificationStatus.Superseded && x.Notification.Deadline < now))];
        }

        var decisionMade = await db.TriageDecisions.AsNoTracking().Where(d => d.PartnershipId == partnership && d.IncidentId != null && versionIds.Contains(d.IncidentId.Value))
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(ct);
        var assigned = await db.DrammAssignments.AsNoTracking()
            .Where(a => a.PartnershipId == partnership && a.ForceOrganisationId == latest.ForceOrganisationId && a.PoliceReference == latest.PoliceReference)
            .Join(db.Users.AsNoTracking(), a => a.AssignedToUserId, u => u.Id, (a, u) => u.DisplayName).FirstOrDefaultAsync(ct);

        db.QueueAudit(process, AuditActions.Read, RiskAssessmentRecords.IncidentResourceType, latest.Id.ToString(), AuditOutcome.Allowed, "incident page");
        if (dash is not null) db.QueueAudit(process, AuditActions.Read, RiskAssessmentRecords.ResourceType, dash.Assessment.Id.ToString(), AuditOutcome.Allowed, "incident page");
        new AuditTrail(db).QueueListed(process, "DRAMM incident", PersonRecords.ResourceType, people.Keys);
        await db.SaveChangesAsync(ct);
        return new IncidentCase(latest, history, shown, dash, mayReadDash, notifications, decisionMade,
            decisionMade?.IncidentId is { } dv ? versions.First(v => v.Id == dv).Version : null, assigned);
    }

    private static string ChildName(IncidentChild child, Dictionary<Guid, Person> people, bool seesSealed) =>
        child.PersonId is { } p && people.TryGetValue(p, out var person) ? (person.IsSealed && !seesSealed ? SealedPeople.Withheld : person.FullName)
        : $"{child.GivenName} {child.FamilyName}";
}
