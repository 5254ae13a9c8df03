using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>One attendance as the department's list shows it.</summary>
public sealed record EdAttendanceRow(Guid Id, Guid PersonId, string Name, string AttendanceReference, Instant ArrivedAt, int AgeAtArrival,
    bool Assault, InjuryMechanism Mechanism, bool Admitted);

/// <summary>One attendance as its page shows it: the codes as sent, what they were read as, and what the young person said about their education.</summary>
public sealed record EdAttendanceView(EdAttendanceRow Row, string? NhsNumber, string? ChiefComplaintCode, string? InjuryIntentCode, string? InjuryMechanismCode,
    string? DischargeDestinationCode, string? EducationSettingUrn, string? EducationSettingName, bool? NoEducationSetting, bool? InEmploymentOrTraining,
    string? EdAdvice, Instant ReceivedAt, bool MayOpenPerson, EdContactSent? Contact = null, bool MaySendContact = false);

/// <summary>A contact to the Front Door about the attendance's child, in the practitioner's words.</summary>
public sealed record SendEdContactOptions(Guid AttendanceId, string? Concern);

/// <summary>The contact an attendance sent to the Front Door, with the outcome in the referrer's words (never the reason or the factors).</summary>
public sealed record EdContactSent(Guid ContactId, Instant SentAt, string Outcome);

/// <summary>The department's list: a page of it, filtered to arrivals from and to London days when given.</summary>
public sealed record EdAttendanceListOptions(PageOptions Page, LocalDate? From = null, LocalDate? To = null);

/// <summary>
/// The emergency department's attendances for its own trust's safeguarding team: the list (paged, by arrival day, each
/// row listed in the audit trail) and one attendance (a read checked against the policy for that trust and audited).
/// No one else reads an attendance here: the school, the council and the person index see nothing of it. From an
/// attendance the trust's safeguarding team sends a contact about the child to the Front Door (once), and reads back
/// the outcome in the referrer's words.
/// </summary>
public sealed class EdAttendances(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(EdAttendance);

    public async Task<Paged<EdAttendanceRow>> ListAsync(EdAttendanceListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Read).Allowed)
            throw new ForbiddenException(ResourceType, null, "No role grants reading emergency department attendances.");
        // Own trust only: the grant is OwnOrganisation, and a list reaches no further than the one record would.
        var query = db.Set<EdAttendance>().AsNoTracking().Where(a => a.PartnershipId == actor.PartnershipId && a.HospitalOrganisationId == actor.OrganisationId);
        if (options.From is { } from) { var start = StartOf(from); query = query.Where(a => a.ArrivedAt >= start); }
        if (options.To is { } to) { var end = StartOf(to.PlusDays(1)); query = query.Where(a => a.ArrivedAt < end); }
        var page = await query.OrderByDescending(a => a.ArrivedAt).ThenBy(a => a.Id).PageAsync(options.Page, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [.. page.Items.Select(a => a.PersonId).Distinct()], ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "emergency department attendances", ResourceType, page.Items.Select(a => a.Id));
        audit.QueueListed(process, "emergency department attendances", PersonRecords.ResourceType, page.Items.Select(a => a.PersonId));
        await db.SaveChangesAsync(ct);
        return page.Select(a => Row(a, names.GetValueOrDefault(a.PersonId, SealedPeople.Withheld)));
    }

    /// <summary>The attendance for a reader the policy allows (audited); null when the partnership has no such attendance.</summary>
    public async Task<EdAttendanceView?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var a = await db.Set<EdAttendance>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == actor.PartnershipId, ct);
        if (a is null) return null;
        var decision = AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Read, Facts(a));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        var person = await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == a.PersonId, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [a.PersonId], ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        new AuditTrail(db).QueueListed(process, "emergency department attendance", PersonRecords.ResourceType, [a.PersonId]);
        // The contact it sent, as its referrer reads it back: the outcome in their words, audited as the referrer's view is.
        var contact = await FrontDoorContacts.SentByModuleAsync(db, a.PartnershipId, a.PersonId, ContactSource.EmergencyDepartment, a.Id, ct);
        if (contact is not null && !AccessPolicy.Decide(actor, Resource.FrontDoorContactOutcome, Operation.Read, new RecordFacts(a.PartnershipId, contact.FromOrganisationId)).Allowed)
            contact = null;
        if (contact is not null)
            db.QueueAudit(process, AuditActions.Read, FrontDoorContacts.ResourceType, contact.Id.ToString(), AuditOutcome.Allowed, "the referrer's view");
        await db.SaveChangesAsync(ct);
        var sent = AsSent(a.Received);
        // Asked as the person's page will ask: the index's links, and the trust's relationship while an attendance is recent (ADR-024).
        var facts = await RelationshipsWithAPerson.WeighAsync(PersonRecords.ReadFacts(person, hasBreakGlass: false), actor, person.Id,
            [new EdAttendanceRelationship(db)], db.Clock.GetCurrentInstant(), ct);
        var mayOpenPerson = AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts).Allowed;
        return new EdAttendanceView(Row(a, names.GetValueOrDefault(a.PersonId, SealedPeople.Withheld)), person.NhsNumber, a.ChiefComplaintCode, a.InjuryIntentCode,
            a.InjuryMechanismCode, a.DischargeDestinationCode, EdAttendanceRules.Clean(sent?.EducationSettingUrn), EdAttendanceRules.Clean(sent?.EducationSettingName),
            YesNo(sent?.NoEducationSetting), YesNo(sent?.InEmploymentOrTraining), EdAttendanceRules.Clean(sent?.EdAdvice), a.ReceivedAt, mayOpenPerson,
            contact is null ? null : new EdContactSent(contact.Id, contact.ReceivedAt, FrontDoorContacts.ReferrerWords(contact.Decision)),
            contact is null && AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Update, Facts(a)).Allowed);
    }

    /// <summary>Longest concern the practitioner may write: the contact's room less the line naming the attendance.</summary>
    public const int MaxContactConcern = 3500;

    /// <summary>
    /// Sends a contact about the attendance's child to the Front Door, once per attendance, for the hospital trust's
    /// safeguarding team that may act on the attendance (EdAttendance Update, own trust). The contact names the
    /// attendance and is saved alone: nothing partial. Returns the contact's id.
    /// </summary>
    public async Task<Guid> SendContactAsync(SendEdContactOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var a = await db.Set<EdAttendance>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == options.AttendanceId && x.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, options.AttendanceId.ToString());
        var decision = AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Update, Facts(a));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, a.Id.ToString(), decision.Reason);
        var problems = ContactProblems(options);
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message, nameof(options));
        if (await FrontDoorContacts.SentByModuleAsync(db, a.PartnershipId, a.PersonId, ContactSource.EmergencyDepartment, a.Id, ct) is not null)
            throw new InvalidOperationException("A contact about this attendance has already been sent to the Front Door.");
        var now = db.Clock.GetCurrentInstant();
        var arrived = a.ArrivedAt.InZone(SchoolDays.London).ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var contact = FrontDoorContacts.Send(db, new ModuleContact(a.PartnershipId, a.PersonId, ContactSource.EmergencyDepartment, a.Id, a.HospitalOrganisationId,
            actor.UserId, $"Emergency department attendance {a.AttendanceReference} (arrived {arrived}): {options.Concern!.Trim()}", now));
        db.Process = process with { Purpose = "contact to the Front Door from the emergency department" };
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    /// <summary>What is wrong with the contact, by field; empty when it may be sent.</summary>
    public static IReadOnlyList<(string Field, string Message)> ContactProblems(SendEdContactOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Concern)) return [(nameof(o.Concern), "Enter the concern about the child")];
        if (o.Concern.Trim().Length > MaxContactConcern) return [(nameof(o.Concern), $"The concern must be {MaxContactConcern:N0} characters or fewer")];
        return [];
    }

    /// <summary>An attendance belongs to the hospital trust that sent it.</summary>
    private static RecordFacts Facts(EdAttendance a) => new(a.PartnershipId, a.HospitalOrganisationId);

    /// <summary>The attendance as sent, read again (the API's JSON, or a file's header and row).</summary>
    private static EdAttendanceReport? AsSent(string received)
    {
        if (EdAttendanceRules.Parse(received, out _) is { } report) return report;
        try
        {
            var rows = EdAttendanceFiles.Read(received, "received.csv");
            return rows.Count == 1 ? rows[0].Row.Report : null;
        }
        catch (EdAttendanceFileException)
        {
            return null;
        }
    }

    private static bool? YesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };

    private static Instant StartOf(LocalDate day) => SchoolDays.London.AtStartOfDay(day).ToInstant();

    private static EdAttendanceRow Row(EdAttendance a, string name) =>
        new(a.Id, a.PersonId, name, a.AttendanceReference, a.ArrivedAt, a.AgeAtArrival, a.Assault, a.Mechanism, a.Admitted);
}
