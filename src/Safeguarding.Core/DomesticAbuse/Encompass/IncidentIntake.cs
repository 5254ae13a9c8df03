using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public enum IntakeOutcome
{
    /// <summary>A new incident, stored as version 1.</summary>
    Accepted,
    /// <summary>A police reference already held, with changed facts: stored as the next version.</summary>
    NewVersion,
    /// <summary>The same facts as the latest version: nothing stored, nobody told twice.</summary>
    Unchanged,
    /// <summary>Not accepted: kept raw in the quarantine with the reasons.</summary>
    Quarantined,
}

/// <summary>What happened to one incident received.</summary>
public sealed record IntakeResult(
    IntakeOutcome Outcome,
    string? PoliceReference,
    Guid? IncidentId = null,
    int? Version = null,
    int NotificationsMade = 0,
    int ChildrenWaitingForASetting = 0,
    Guid? QuarantinedRecordId = null,
    IReadOnlyDictionary<string, List<string>>? Errors = null)
{
    public IEnumerable<string> Reasons => Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")) ?? [];
}

/// <summary>
/// Takes police domestic-abuse incidents in, from the API, a file or a released quarantine record, by one set of
/// rules: check every field (quarantine with reasons if any fails), store a new incident or the next version of
/// one (never the same facts twice), link adults and children through the person index, find each child's
/// settings and make one notification per child and setting, due at the start of that setting's next school day.
/// </summary>
public sealed class IncidentIntake(SafeguardingDbContext db, PersonIndex personIndex, Quarantine quarantine)
{
    public const string QuarantineKind = "encompass-incident";
    public const string PoliceSourceSystem = "police-encompass";

    public async Task<IntakeResult> ReceiveAsync(Actor actor, string raw, string source, ProcessContext process, CancellationToken ct = default)
    {
        var report = IncidentRules.Parse(raw, out var problem);
        return await ReceiveAsync(actor, raw, report, problem, source, process, ct);
    }

    /// <summary>An incident already read (from a CSV file, say), with the text it was read from kept as raw.</summary>
    public async Task<IntakeResult> ReceiveAsync(Actor actor, string raw, IncidentReport? report, string? problem, string source, ProcessContext process,
        CancellationToken ct = default)
    {
        if (!AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Create).Allowed)
            throw new UnauthorizedAccessException("No role or scope allows sending domestic incidents.");
        var force = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId, ct);
        if (force?.Type != OrganisationType.PoliceForce)
            throw new UnauthorizedAccessException("Only a police force sends domestic incidents.");

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await IntakeAsync(actor, raw, report, problem, source, process, ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task<IntakeResult> IntakeAsync(Actor actor, string raw, IncidentReport? report, string? problem, string source, ProcessContext process,
        CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        db.Process = process;
        if (report is null)
            return await HoldAsync(actor, raw, source, new() { ["body"] = [problem ?? "Not an incident"] }, null, process, ct);
        var check = IncidentRules.Check(report, now);
        if (!check.IsValid) return await HoldAsync(actor, raw, source, check.Errors, report.PoliceReference, process, ct);

        var reference = report.PoliceReference!.Trim();
        var fingerprint = report.Fingerprint();
        var latest = await db.DomesticIncidents.Include(i => i.Children)
            .SingleOrDefaultAsync(i => i.PartnershipId == actor.PartnershipId && i.ForceOrganisationId == actor.OrganisationId
                                       && i.PoliceReference == reference && i.IsLatest, ct);
        if (latest is not null && latest.Fingerprint == fingerprint)
            return new IntakeResult(IntakeOutcome.Unchanged, reference, latest.Id, latest.Version);

        var incident = new DomesticIncident
        {
            PartnershipId = actor.PartnershipId, ForceOrganisationId = actor.OrganisationId, PoliceReference = reference,
            Version = (latest?.Version ?? 0) + 1, OccurredAt = check.OccurredAt, ReportedAt = check.ReportedAt,
            Postcode = Clean(report.Postcode), Address = Clean(report.Address), Category = check.Category, Summary = Clean(report.Summary),
            Fingerprint = fingerprint, Received = raw, ReceivedAt = now,
        };

        // People first: the person index saves each record it receives, inside this transaction.
        foreach (var (adult, role, dob) in check.Adults)
        {
            var arrival = await personIndex.ReceiveAsync(actor, Incoming(actor, $"{reference}/adult/{Hash(AdultKey(adult))}", adult.GivenName, adult.FamilyName,
                adult.DateOfBirth, Sex.Unknown, adult.Postcode, adult.Address, JsonSerializer.Serialize(adult, IncidentReport.Json)), process, ct);
            incident.Adults.Add(new IncidentAdult
            {
                Role = role, GivenName = adult.GivenName!.Trim(), FamilyName = adult.FamilyName!.Trim(), DateOfBirth = dob,
                Address = Clean(adult.Address), Postcode = Clean(adult.Postcode), PersonId = arrival.PersonId,
            });
        }
        var links = new Dictionary<IncidentChild, LinkOutcome>();
        foreach (var (child, sex, dob) in check.Children)
        {
            var localId = string.IsNullOrWhiteSpace(child.Id) ? $"{reference}/child/{Hash(child.Key())}" : $"person/{child.Id.Trim()}";
            var arrival = await personIndex.ReceiveAsync(actor, Incoming(actor, localId, child.GivenName, child.FamilyName, child.DateOfBirth, sex,
                child.Postcode, child.Address, JsonSerializer.Serialize(child, IncidentReport.Json)), process, ct);
            var row = new IncidentChild
            {
                GivenName = child.GivenName!.Trim(), FamilyName = child.FamilyName!.Trim(), DateOfBirth = dob, Sex = sex,
                Address = Clean(child.Address), Postcode = Clean(child.Postcode), Relationship = Clean(child.Relationship),
                Present = child.Present, SawOrHeard = child.SawOrHeard, Resident = child.Resident, SpokenTo = child.SpokenTo,
                WhatTheySaid = Clean(child.WhatTheySaid), SchoolNamed = Clean(child.SchoolNamed), PersonId = arrival.PersonId, ChildKey = child.Key(),
            };
            incident.Children.Add(row);
            links[row] = arrival.AlreadyReceived
                ? await db.SourceRecords.AsNoTracking().Where(r => r.Id == arrival.SourceRecordId).Select(r => r.Outcome).SingleAsync(ct)
                : arrival.Outcome;
        }

        db.Process = process;
        if (latest is not null) latest.IsLatest = false;
        db.DomesticIncidents.Add(incident);
        var made = await NotifyAsync(actor.PartnershipId, incident, links, ct);
        await db.SaveChangesAsync(ct);
        return new IntakeResult(latest is null ? IntakeOutcome.Accepted : IntakeOutcome.NewVersion, reference, incident.Id, incident.Version, made,
            incident.Children.Count(c => c.SettingOutcome is ChildSettingOutcome.NotFound or ChildSettingOutcome.Uncertain));
    }

    /// <summary>Makes the notifications for a new incident version (added to the context; the caller saves). Returns how many.</summary>
    private async Task<int> NotifyAsync(Guid partnershipId, DomesticIncident incident, Dictionary<IncidentChild, LinkOutcome> links, CancellationToken ct)
    {
        var settings = await db.Set<EncompassSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct)
                       ?? new EncompassSettings { PartnershipId = partnershipId };
        var calendars = await new SchoolCalendars(db).AllAsync(partnershipId, ct);
        var finder = new EducationSettings(db);
        var reportedOn = incident.ReportedAt.InZone(SchoolDays.London).Date;

        // Everything this incident's earlier versions told anyone, newest first: to follow up, never to repeat.
        var earlier = await db.EncompassNotifications
            .Join(db.Set<IncidentChild>(), n => n.IncidentChildId, c => c.Id, (n, c) => new { Notification = n, c.ChildKey, c.PersonId })
            .Join(db.DomesticIncidents, x => x.Notification.IncidentId, i => i.Id, (x, i) => new { x.Notification, x.ChildKey, x.PersonId, i.ForceOrganisationId, i.PoliceReference, i.PartnershipId })
            .Where(x => x.PartnershipId == partnershipId && x.ForceOrganisationId == incident.ForceOrganisationId && x.PoliceReference == incident.PoliceReference)
            .Select(x => new { x.Notification, x.ChildKey, x.PersonId })
            .ToListAsync(ct);
        earlier = [.. earlier.OrderByDescending(x => x.Notification.CreatedAt).ThenByDescending(x => x.Notification.Id)];

        var made = 0;
        foreach (var child in incident.Children)
        {
            var sameChild = earlier.Where(e => e.ChildKey == child.ChildKey || (child.PersonId is not null && e.PersonId == child.PersonId)).ToList();
            var found = await finder.FindAsync(partnershipId, child.PersonId!.Value, links[child], child.DateOfBirth, reportedOn, settings, ct);
            var toTell = found.Settings.ToList();
            if (toTell.Count == 0 && found.Outcome is ChildSettingOutcome.NotFound or ChildSettingOutcome.Uncertain && sameChild.Count > 0)
            {
                // A practitioner (or an earlier roll) already placed this child for this incident: follow that.
                toTell = [.. sameChild.Select(e => new SettingToTell(e.Notification.RecipientOrganisationId, e.Notification.Recipient)).Distinct()];
            }
            child.SettingOutcome = toTell.Count > 0 ? ChildSettingOutcome.SettingsNotified : found.Outcome;
            if (child.SettingOutcome is ChildSettingOutcome.NotFound or ChildSettingOutcome.Uncertain)
                child.ResolutionDeadline = calendars(null).DeadlineAfter(incident.ReportedAt);

            foreach (var setting in toTell)
            {
                var content = ContentFor(incident, child, settings);
                var before = sameChild.FirstOrDefault(e => e.Notification.RecipientOrganisationId == setting.OrganisationId)?.Notification;
                if (before is not null && before.Content == content) continue; // already told exactly this
                var calendarOf = setting.Recipient is NotificationRecipient.ElectiveHomeEducationLead or NotificationRecipient.ChildrenMissingEducationLead
                    ? (Guid?)null : setting.OrganisationId;
                db.EncompassNotifications.Add(new EncompassNotification
                {
                    PartnershipId = partnershipId, IncidentId = incident.Id, IncidentChildId = child.Id, ChildPersonId = child.PersonId,
                    RecipientOrganisationId = setting.OrganisationId, Recipient = setting.Recipient,
                    Deadline = calendars(calendarOf).DeadlineAfter(incident.ReportedAt), Content = content,
                    FollowsUpNotificationId = before?.Id, Status = NotificationStatus.Ready, CreatedAt = db.Clock.GetCurrentInstant(),
                });
                if (before is { Status: NotificationStatus.Ready or NotificationStatus.Delivered })
                {
                    // Unopened: the follow-up replaces it, so the Key Adult reads one current account, not two.
                    db.Attach(before);
                    before.Status = NotificationStatus.Superseded;
                }
                made++;
            }
        }
        return made;
    }

    public static string ContentFor(DomesticIncident incident, IncidentChild child, EncompassSettings settings)
    {
        var location = string.Join(", ", new[] { incident.Address, incident.Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return NotificationContentJson.Write(new EncompassNotificationContent(child.GivenName, child.FamilyName, child.DateOfBirth, incident.PoliceReference,
            incident.OccurredAt, location.Length == 0 ? null : location, child.Present, child.SawOrHeard, child.SpokenTo, child.WhatTheySaid,
            incident.Summary, settings.ContactName, settings.ContactDetails));
    }

    private async Task<IntakeResult> HoldAsync(Actor actor, string raw, string source, Dictionary<string, List<string>> errors, string? reference,
        ProcessContext process, CancellationToken ct)
    {
        db.Process = process;
        var held = quarantine.Hold(actor.PartnershipId, QuarantineKind, source, raw,
            errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")), actor.OrganisationId);
        await db.SaveChangesAsync(ct);
        return new IntakeResult(IntakeOutcome.Quarantined, reference?.Trim(), QuarantinedRecordId: held.Id, Errors: errors);
    }

    private static IncomingRecord Incoming(Actor actor, string localId, string? given, string? family, string? dob, Sex sex, string? postcode, string? address, string received) =>
        new(actor.OrganisationId, PoliceSourceSystem, localId, received, given?.Trim(), family?.Trim(), dob?.Trim(), sex, postcode?.Trim(), address?.Trim(), null, null);

    private static string AdultKey(ReportedAdult a) => $"{a.GivenName?.Trim().ToUpperInvariant()}|{a.FamilyName?.Trim().ToUpperInvariant()}|{a.DateOfBirth?.Trim()}";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
