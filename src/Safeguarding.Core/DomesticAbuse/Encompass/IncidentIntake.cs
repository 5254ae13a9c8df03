using System.Diagnostics;
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

/// <summary>One incident to take in: the text it came from, the incident read from it (or why it could not be read), and where it came from.</summary>
public sealed record IncidentToReceive(string Raw, IncidentReport? Report, string? Problem, string Source);

/// <summary>One incident as sent (the API's JSON), and where it came from.</summary>
public sealed record ReceiveIncidentOptions(string Raw, string Source);

/// <summary>Many incidents, taken in blocks of <paramref name="BlockSize"/>.</summary>
public sealed record ReceiveIncidentsOptions(IReadOnlyList<IncidentToReceive> Incidents, int BlockSize = IncidentIntake.DefaultBlockSize);

/// <summary>
/// Takes police domestic-abuse incidents in, from the API, a file or a released quarantine record, by one set of
/// rules: check every field (quarantine with reasons if any fails), store a new incident or the next version of
/// one (never the same facts twice), link adults and children through the person index, find each child's
/// settings and make one notification per child and setting, due at the start of that setting's next school day.
/// One incident and a file of thousands go through the same steps; a file is taken in blocks of a few hundred,
/// each block read with a handful of queries and saved at once (see ADR-012).
/// </summary>
/// <summary>A police file as uploaded or read from disk: its text and its name (for the results and the quarantine).</summary>
public sealed record ImportIncidentFileOptions(string Text, string FileName);

public sealed class IncidentIntake(SafeguardingDbContext db, PersonIndex personIndex, Quarantine quarantine)
{
    /// <summary>A police file (CSV or JSON lines) read record by record and taken in blocks: a result per record.</summary>
    public Task<IReadOnlyList<FileRecordResult>> ImportFileAsync(ImportIncidentFileOptions options, ProcessContext process, CancellationToken ct = default) =>
        IncidentFiles.ImportAsync(this, options.Text, options.FileName, process, ct);

    public const string QuarantineKind = "encompass-incident";
    public const string PoliceSourceSystem = "police-encompass";

    /// <summary>Incidents taken in per save by <see cref="ReceiveManyAsync"/>: large enough to share the queries, small enough to keep the change tracker light.</summary>
    public const int DefaultBlockSize = 1_000;

    /// <summary>One incident as sent (JSON), read and taken in; the process's actor is the sending force.</summary>
    public async Task<IntakeResult> ReceiveAsync(ReceiveIncidentOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var report = IncidentRules.Parse(options.Raw, out var problem);
        return await ReceiveAsync(process.RequireActor(), new IncidentToReceive(options.Raw, report, problem, options.Source), process, ct);
    }

    /// <summary>An incident already read (from a CSV file, say), with the text it was read from kept as raw.</summary>
    public Task<IntakeResult> ReceiveAsync(IncidentToReceive incident, ProcessContext process, CancellationToken ct = default) =>
        ReceiveAsync(process.RequireActor(), incident, process, ct);

    /// <summary>Taken in as the process's actor, always: nobody takes an incident in as someone else (a release acts as the releasing user).</summary>
    private async Task<IntakeResult> ReceiveAsync(Actor sender, IncidentToReceive incident, ProcessContext process, CancellationToken ct = default)
    {
        await RequirePoliceAsync(sender, ct);
        var rules = await RulesAsync(sender.PartnershipId, ct);
        return (await TakeBlockAsync(sender, [incident], rules, new PersonIndex.MatchingRun(), process, ct))[0];
    }

    /// <summary>
    /// Many incidents (a file, a day's feed), with the same outcome for each as <see cref="ReceiveAsync(IncidentToReceive, ProcessContext, CancellationToken)"/>
    /// one after another in the order given: versions, unchanged repeats and follow-ups included. Taken in blocks,
    /// one transaction and one save per block; a police reference seen twice closes the block first, so that its
    /// second account is judged against the first as stored. Writes are audited as <paramref name="process"/> says: a
    /// user's file row by row (the audit names each incident), a bulk feed with <see cref="ProcessContext.SummariseWrites"/>.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> ReceiveManyAsync(ReceiveIncidentsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (incidents, blockSize) = options;
        await RequirePoliceAsync(actor, ct);
        var rules = await RulesAsync(actor.PartnershipId, ct);
        // The whole file is one matching run: each block key is read from the index once, whichever block first needs it.
        var run = new PersonIndex.MatchingRun(incidents.Sum(i => (i.Report?.Adults.Count ?? 0) + (i.Report?.Children.Count ?? 0)));
        var results = new List<IntakeResult>(incidents.Count);
        var block = new List<IncidentToReceive>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        // A block adds thousands of rows: written in bulk (ADR-017).
        var inBulk = db.WriteNewRowsInBulk;
        db.WriteNewRowsInBulk = true;
        try
        {
            foreach (var incident in incidents)
            {
                if (incident.Report?.PoliceReference?.Trim() is { Length: > 0 } reference && !references.Add(reference))
                {
                    await TakeAsync();
                    references.Add(reference);
                }
                block.Add(incident);
                if (block.Count >= blockSize) await TakeAsync();
            }
            await TakeAsync();
        }
        finally
        {
            db.WriteNewRowsInBulk = inBulk;
            PeopleMetrics.Run(run);
        }
        return results;

        async Task TakeAsync()
        {
            if (block.Count == 0) return;
            results.AddRange(await TakeBlockAsync(actor, block, rules, run, process, ct));
            // What was saved is not needed again: a tracker holding every block would slow each save down.
            db.ChangeTracker.Clear();
            block.Clear();
            references.Clear();
        }
    }

    private async Task RequirePoliceAsync(Actor actor, CancellationToken ct)
    {
        if (!AccessPolicy.Decide(actor, Resource.DomesticIncident, Operation.Create).Allowed)
            throw new ForbiddenException(nameof(DomesticIncident), null, "No role or scope allows sending domestic incidents.");
        var force = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId, ct);
        if (force?.Type != OrganisationType.PoliceForce)
            throw new ForbiddenException(nameof(DomesticIncident), null, "Only a police force sends domestic incidents.");
    }

    /// <summary>The partnership's Encompass settings and every setting's school days, read once per intake.</summary>
    private sealed record IntakeRules(EncompassSettings Settings, Func<Guid?, SchoolDays> Calendars);

    private async Task<IntakeRules> RulesAsync(Guid partnershipId, CancellationToken ct)
    {
        var settings = await db.Set<EncompassSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct)
                       ?? new EncompassSettings { PartnershipId = partnershipId };
        return new IntakeRules(settings, await new SchoolCalendars(db).AllAsync(partnershipId, ct));
    }

    /// <summary>An incident checked and about to be stored, with where its people are in the block's list of records for the person index.</summary>
    private sealed record Taking(int Slot, DomesticIncident Incident, DomesticIncident? Latest, CheckedReport Check, int FirstPerson);

    private sealed record Earlier(EncompassNotification Notification, string ChildKey, Guid? PersonId);

    private async Task<IntakeResult[]> TakeBlockAsync(Actor actor, IReadOnlyList<IncidentToReceive> block, IntakeRules rules, PersonIndex.MatchingRun run,
        ProcessContext process, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var results = await TakeAsync(actor, block, rules, run, process, ct);
            var committing = Stopwatch.GetTimestamp();
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            EncompassMetrics.Step("committing", committing);
            return results;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task<IntakeResult[]> TakeAsync(Actor actor, IReadOnlyList<IncidentToReceive> block, IntakeRules rules, PersonIndex.MatchingRun run,
        ProcessContext process, CancellationToken ct)
    {
        var step = Stopwatch.GetTimestamp();
        var now = db.Clock.GetCurrentInstant();
        db.Process = process;
        var results = new IntakeResult[block.Count];
        var valid = new List<(int Slot, IncidentReport Report, CheckedReport Check)>();
        for (var slot = 0; slot < block.Count; slot++)
        {
            var (raw, report, problem, source) = block[slot];
            if (report is null)
            {
                results[slot] = Hold(actor, raw, source, new() { ["body"] = [problem ?? "Not an incident"] }, null);
                continue;
            }
            var check = IncidentRules.Check(report, now);
            if (!check.IsValid) results[slot] = Hold(actor, raw, source, check.Errors, report.PoliceReference);
            else valid.Add((slot, report, check));
        }

        step = EncompassMetrics.Step("checking", step);
        var references = valid.Select(v => v.Report.PoliceReference!.Trim()).Distinct().ToList();
        var latestOf = references.Count == 0 ? [] : await db.DomesticIncidents.Include(i => i.Children)
            .Where(i => i.PartnershipId == actor.PartnershipId && i.ForceOrganisationId == actor.OrganisationId && EF.Parameter(references).Contains(i.PoliceReference) && i.IsLatest)
            .ToDictionaryAsync(i => i.PoliceReference, StringComparer.Ordinal, ct);

        step = EncompassMetrics.Step("versions", step);
        var taking = new List<Taking>();
        var people = new List<IncomingRecord>();
        foreach (var (slot, report, check) in valid)
        {
            var reference = report.PoliceReference!.Trim();
            var fingerprint = report.Fingerprint();
            var latest = latestOf.GetValueOrDefault(reference);
            if (latest is not null && latest.Fingerprint == fingerprint)
            {
                results[slot] = new IntakeResult(IntakeOutcome.Unchanged, reference, latest.Id, latest.Version);
                continue;
            }
            var incident = new DomesticIncident
            {
                PartnershipId = actor.PartnershipId, ForceOrganisationId = actor.OrganisationId, PoliceReference = reference,
                Version = (latest?.Version ?? 0) + 1, OccurredAt = check.OccurredAt, ReportedAt = check.ReportedAt,
                Postcode = Clean(report.Postcode), Address = Clean(report.Address), Category = check.Category, Summary = Clean(report.Summary),
                Fingerprint = fingerprint, Received = block[slot].Raw, ReceivedAt = now,
            };
            taking.Add(new Taking(slot, incident, latest, check, people.Count));
            // Adults first, then children, as the person index would have received them one incident at a time.
            foreach (var (adult, _, _) in check.Adults)
                people.Add(Incoming(actor, $"{reference}/adult/{Hash(AdultKey(adult))}", adult.GivenName, adult.FamilyName,
                    adult.DateOfBirth, Sex.Unknown, adult.Postcode, adult.Address, JsonSerializer.Serialize(adult, IncidentReport.Json)));
            foreach (var (child, sex, _) in check.Children)
            {
                var localId = string.IsNullOrWhiteSpace(child.Id) ? $"{reference}/child/{Hash(child.Key())}" : $"person/{child.Id.Trim()}";
                people.Add(Incoming(actor, localId, child.GivenName, child.FamilyName, child.DateOfBirth, sex,
                    child.Postcode, child.Address, JsonSerializer.Serialize(child, IncidentReport.Json)));
            }
        }
        if (taking.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return results;
        }

        var arrivals = await personIndex.ReceiveManyAsync(new ReceiveManyOptions(people, run), process with { Actor = actor }, ct);
        step = EncompassMetrics.Step("person index", step);
        var links = new Dictionary<IncidentChild, LinkOutcome>();
        foreach (var (_, incident, _, check, first) in taking)
        {
            var at = first;
            foreach (var (adult, role, dob) in check.Adults)
            {
                incident.Adults.Add(new IncidentAdult
                {
                    Role = role, GivenName = adult.GivenName!.Trim(), FamilyName = adult.FamilyName!.Trim(), DateOfBirth = dob,
                    Address = Clean(adult.Address), Postcode = Clean(adult.Postcode), PersonId = arrivals[at++].PersonId,
                });
            }
            foreach (var (child, sex, dob) in check.Children)
            {
                var arrival = arrivals[at++];
                var row = new IncidentChild
                {
                    GivenName = child.GivenName!.Trim(), FamilyName = child.FamilyName!.Trim(), DateOfBirth = dob, Sex = sex,
                    Address = Clean(child.Address), Postcode = Clean(child.Postcode), Relationship = Clean(child.Relationship),
                    Present = child.Present, SawOrHeard = child.SawOrHeard, Resident = child.Resident, SpokenTo = child.SpokenTo,
                    WhatTheySaid = Clean(child.WhatTheySaid), SchoolNamed = Clean(child.SchoolNamed), PersonId = arrival.PersonId, ChildKey = child.Key(),
                };
                incident.Children.Add(row);
                links[row] = arrival.Outcome;
            }
        }

        // Everything earlier versions of these incidents told anyone, newest first: to follow up, never to repeat.
        var versioned = taking.Where(t => t.Latest is not null).Select(t => t.Incident.PoliceReference).ToList();
        var earlier = versioned.Count == 0 ? [] : (await db.EncompassNotifications
            .Join(db.Set<IncidentChild>(), n => n.IncidentChildId, c => c.Id, (n, c) => new { Notification = n, c.ChildKey, c.PersonId })
            .Join(db.DomesticIncidents, x => x.Notification.IncidentId, i => i.Id, (x, i) => new { x.Notification, x.ChildKey, x.PersonId, i.ForceOrganisationId, i.PoliceReference, i.PartnershipId })
            .Where(x => x.PartnershipId == actor.PartnershipId && x.ForceOrganisationId == actor.OrganisationId && EF.Parameter(versioned).Contains(x.PoliceReference))
            .Select(x => new { x.Notification, x.ChildKey, x.PersonId, x.PoliceReference })
            .ToListAsync(ct))
            .GroupBy(x => x.PoliceReference, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Notification.CreatedAt).ThenByDescending(x => x.Notification.Id)
                .Select(x => new Earlier(x.Notification, x.ChildKey, x.PersonId)).ToList(), StringComparer.Ordinal);
        var known = await new EducationSettings(db).KnownAsync(actor.PartnershipId,
            [.. taking.SelectMany(t => t.Incident.Children).Where(c => links[c] != LinkOutcome.WaitingForReview).Select(c => c.PersonId!.Value)], rules.Settings, ct);

        step = EncompassMetrics.Step("settings", step);
        db.Process = process;
        var made = new Dictionary<int, int>();
        foreach (var (slot, incident, latest, _, _) in taking)
        {
            if (latest is not null) latest.IsLatest = false;
            db.DomesticIncidents.Add(incident);
            made[slot] = Notify(actor.PartnershipId, incident, links, known, earlier.GetValueOrDefault(incident.PoliceReference) ?? [], rules);
        }
        step = EncompassMetrics.Step("notifying", step);
        await db.SaveChangesAsync(ct);
        EncompassMetrics.Step("saving", step);
        foreach (var (slot, incident, latest, _, _) in taking)
            results[slot] = new IntakeResult(latest is null ? IntakeOutcome.Accepted : IntakeOutcome.NewVersion, incident.PoliceReference, incident.Id, incident.Version,
                made[slot], incident.Children.Count(c => c.SettingOutcome is ChildSettingOutcome.NotFound or ChildSettingOutcome.Uncertain));
        return results;
    }

    /// <summary>Makes the notifications for a new incident version (added to the context; the caller saves). Returns how many.</summary>
    private int Notify(Guid partnershipId, DomesticIncident incident, Dictionary<IncidentChild, LinkOutcome> links, KnownChildren known,
        List<Earlier> earlier, IntakeRules rules)
    {
        var (settings, calendars) = rules;
        var reportedOn = incident.ReportedAt.InZone(SchoolDays.London).Date;
        var made = 0;
        foreach (var child in incident.Children)
        {
            var sameChild = earlier.Where(e => e.ChildKey == child.ChildKey || (child.PersonId is not null && e.PersonId == child.PersonId)).ToList();
            var found = known.Find(child.PersonId!.Value, links[child], child.DateOfBirth, reportedOn, settings);
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
                var now = db.Clock.GetCurrentInstant();
                db.EncompassNotifications.Add(new EncompassNotification
                {
                    PartnershipId = partnershipId, IncidentId = incident.Id, IncidentChildId = child.Id, ChildPersonId = child.PersonId,
                    RecipientOrganisationId = setting.OrganisationId, Recipient = setting.Recipient,
                    // What a later version tells is due after it is sent, not after the first report; a first report is due
                    // after the report (delivery moves it on if it goes out late: never born overdue).
                    Deadline = EncompassNotification.DueAfter(calendars, setting.Recipient, setting.OrganisationId, incident.ReportedAt,
                        incident.Version > 1 ? now : incident.ReportedAt), Content = content,
                    FollowsUpNotificationId = before?.Id, Status = NotificationStatus.Ready, CreatedAt = now,
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

    private IntakeResult Hold(Actor actor, string raw, string source, Dictionary<string, List<string>> errors, string? reference)
    {
        var held = quarantine.Hold(actor.PartnershipId, QuarantineKind, source, raw,
            errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")), actor.OrganisationId);
        return new IntakeResult(IntakeOutcome.Quarantined, reference?.Trim(), QuarantinedRecordId: held.Id, Errors: errors);
    }

    private static IncomingRecord Incoming(Actor actor, string localId, string? given, string? family, string? dob, Sex sex, string? postcode, string? address, string received) =>
        new(actor.OrganisationId, PoliceSourceSystem, localId, received, given?.Trim(), family?.Trim(), dob?.Trim(), sex, postcode?.Trim(), address?.Trim(), null, null);

    private static string AdultKey(ReportedAdult a) => $"{a.GivenName?.Trim().ToUpperInvariant()}|{a.FamilyName?.Trim().ToUpperInvariant()}|{a.DateOfBirth?.Trim()}";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
