using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>A child from an incident whose setting no roll or register gave, waiting for the Front Door.</summary>
public sealed record ChildToPlace(Guid ChildId, string GivenName, string FamilyName, LocalDate? DateOfBirth, string? SchoolNamed, string PoliceReference,
    int Version, Instant ReportedAt, Instant? Deadline, ChildSettingOutcome Outcome);

public sealed record ChildrenToPlaceList(Paged<ChildToPlace> Page, Instant Now);

/// <summary>
/// The Front Door's resolution queue: children not found on any roll, or whom the person index could not be sure of,
/// in the latest version of each incident, soonest deadline first; a practitioner picks the setting and it is told.
/// </summary>
/// <summary>The setting a practitioner picked for a child; for the council, whether its EHE or CME lead is told.</summary>
public sealed record PickSettingOptions(Guid ChildId, Guid OrganisationId, NotificationRecipient? CouncilRole);

public sealed class ChildrenToPlace(SafeguardingDbContext db)
{
    public const string ResourceType = "IncidentChild";

    /// <summary>One page of the queue, soonest deadline first, with how many wait in all and the time it was read (for "overdue").</summary>
    public async Task<ChildrenToPlaceList> WaitingAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor);
        var partnership = actor.PartnershipId;
        var waiting = await db.DomesticIncidents.AsNoTracking()
            .Where(i => i.PartnershipId == partnership && i.IsLatest)
            .SelectMany(i => i.Children.Where(c => (c.SettingOutcome == ChildSettingOutcome.NotFound || c.SettingOutcome == ChildSettingOutcome.Uncertain) && c.ResolvedAt == null),
                (i, c) => new { i, c })
            .OrderBy(x => x.c.ResolutionDeadline == null).ThenBy(x => x.c.ResolutionDeadline).ThenBy(x => x.i.ReportedAt).ThenBy(x => x.c.Id)
            .Select(x => new ChildToPlace(x.c.Id, x.c.GivenName, x.c.FamilyName, x.c.DateOfBirth, x.c.SchoolNamed, x.i.PoliceReference, x.i.Version,
                x.i.ReportedAt, x.c.ResolutionDeadline, x.c.SettingOutcome))
            .PageAsync(page, ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"{waiting.Items.Count} children to place listed");
        new AuditTrail(db).QueueListed(process, "children to place", ResourceType, waiting.Items.Select(w => w.ChildId));
        await db.SaveChangesAsync(ct);
        return new ChildrenToPlaceList(waiting, db.Clock.GetCurrentInstant());
    }

    public async Task<ChildToPlace?> FindAsync(Guid childId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor);
        var found = await db.DomesticIncidents.AsNoTracking().Where(i => i.PartnershipId == actor.PartnershipId)
            .SelectMany(i => i.Children.Where(c => c.Id == childId),
                (i, c) => new ChildToPlace(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.SchoolNamed, i.PoliceReference, i.Version, i.ReportedAt, c.ResolutionDeadline, c.SettingOutcome))
            .SingleOrDefaultAsync(ct);
        if (found is not null)
        {
            db.QueueAudit(process, AuditActions.Read, ResourceType, childId.ToString(), AuditOutcome.Allowed);
            await db.SaveChangesAsync(ct);
        }
        return found;
    }

    /// <summary>The schools and colleges a practitioner can pick from, and the council for EHE or CME.</summary>
    public async Task<IReadOnlyList<Organisation>> SettingsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        return await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == actor.PartnershipId && (o.Type == OrganisationType.School || o.Type == OrganisationType.College || o.Type == OrganisationType.CouncilService))
            .OrderBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>Tells the picked setting, due at the start of its next school day after it is sent; the child leaves the queue.</summary>
    public async Task<EncompassNotification> PickAsync(PickSettingOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (childId, organisationId, councilRole) = options;
        Demand(actor);
        var child = await db.Set<IncidentChild>()
            .SingleOrDefaultAsync(c => c.Id == childId && db.DomesticIncidents.Any(i => i.Id == c.IncidentId && i.PartnershipId == actor.PartnershipId), ct)
            ?? throw new NotFoundException(ResourceType, childId.ToString());
        var incident = await db.DomesticIncidents.AsNoTracking().SingleAsync(i => i.Id == child.IncidentId && i.PartnershipId == actor.PartnershipId, ct);
        if (!incident.IsLatest) throw new InvalidOperationException("A later version of this incident has arrived: place the child from that one.");
        if (child.ResolvedAt is not null || child.SettingOutcome is not (ChildSettingOutcome.NotFound or ChildSettingOutcome.Uncertain))
            throw new InvalidOperationException("This child's setting has already been found.");
        var setting = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.PartnershipId == actor.PartnershipId, ct)
                      ?? throw new KeyNotFoundException("No such setting.");
        var recipient = setting.Type switch
        {
            OrganisationType.School => setting.Phase == SchoolPhase.Nursery ? NotificationRecipient.EarlyYearsSetting : NotificationRecipient.School,
            OrganisationType.College => NotificationRecipient.College,
            OrganisationType.CouncilService when councilRole is NotificationRecipient.ElectiveHomeEducationLead or NotificationRecipient.ChildrenMissingEducationLead => councilRole.Value,
            _ => throw new InvalidOperationException("Pick a school, a college, or the council's EHE or CME lead."),
        };
        var settings = await db.EncompassSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == actor.PartnershipId, ct)
                       ?? new EncompassSettings { PartnershipId = actor.PartnershipId };
        var calendars = await new SchoolCalendars(db).AllAsync(actor.PartnershipId, ct);

        db.Process = process;
        var now = db.Clock.GetCurrentInstant();
        var notification = new EncompassNotification
        {
            PartnershipId = actor.PartnershipId, IncidentId = incident.Id, IncidentChildId = child.Id, ChildPersonId = child.PersonId,
            RecipientOrganisationId = setting.Id, Recipient = recipient,
            // Placed late, it is due after it is sent: the Front Door's time is not the setting's.
            Deadline = EncompassNotification.DueAfter(calendars, recipient, setting.Id, incident.ReportedAt, now),
            Content = IncidentIntake.ContentFor(incident, child, settings), Status = NotificationStatus.Ready, CreatedAt = now,
        };
        db.EncompassNotifications.Add(notification);
        child.SettingOutcome = ChildSettingOutcome.SettingPicked;
        child.ResolvedAt = db.Clock.GetCurrentInstant();
        child.ResolvedByUserId = actor.UserId;
        // A child the Front Door places is also a contact to children's social work, from the police, in the same save.
        if (child.PersonId is { } personId)
            FrontDoor.FrontDoorContacts.Send(db, new FrontDoor.ModuleContact(actor.PartnershipId, personId, FrontDoor.ContactSource.OperationEncompass, child.Id,
                incident.ForceOrganisationId, null, $"Operation Encompass: a domestic abuse incident (police reference {incident.PoliceReference}) with the child in the household.", now));
        await db.SaveChangesAsync(ct);
        return notification;
    }

    private static void Demand(Actor actor)
    {
        if (!actor.HasAny(Resource.EncompassNotification, Operation.Create))
            throw new ForbiddenException(ResourceType, null, "Placing children from incidents is not granted.");
    }
}
