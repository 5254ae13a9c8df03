using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
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
    string? EdAdvice, Instant ReceivedAt, bool MayOpenPerson);

/// <summary>The department's list: a page of it, filtered to arrivals from and to London days when given.</summary>
public sealed record EdAttendanceListOptions(PageOptions Page, LocalDate? From = null, LocalDate? To = null);

/// <summary>
/// The emergency department's attendances for its own trust's safeguarding team: the list (paged, by arrival day, each
/// row listed in the audit trail) and one attendance (a read checked against the policy for that trust and audited).
/// No one else reads an attendance here: the school, the council and the person index see nothing of it.
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
        var decision = AccessPolicy.Decide(actor, Resource.EdAttendance, Operation.Read, new RecordFacts(a.PartnershipId, a.HospitalOrganisationId));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, id.ToString(), decision.Reason);
        var person = await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == a.PersonId, ct);
        var names = await SealedPeople.NamesAsync(db, actor, [a.PersonId], ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, id.ToString(), AuditOutcome.Allowed);
        new AuditTrail(db).QueueListed(process, "emergency department attendance", PersonRecords.ResourceType, [a.PersonId]);
        await db.SaveChangesAsync(ct);
        var sent = AsSent(a.Received);
        // Asked as the person's page will ask: the index's links, and the trust's relationship while an attendance is recent (ADR-024).
        var facts = await RelationshipsWithAPerson.WeighAsync(PersonRecords.ReadFacts(person, hasBreakGlass: false), actor, person.Id,
            [new EdAttendanceRelationship(db)], db.Clock.GetCurrentInstant(), ct);
        var mayOpenPerson = AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts).Allowed;
        return new EdAttendanceView(Row(a, names.GetValueOrDefault(a.PersonId, SealedPeople.Withheld)), person.NhsNumber, a.ChiefComplaintCode, a.InjuryIntentCode,
            a.InjuryMechanismCode, a.DischargeDestinationCode, EdAttendanceRules.Clean(sent?.EducationSettingUrn), EdAttendanceRules.Clean(sent?.EducationSettingName),
            YesNo(sent?.NoEducationSetting), YesNo(sent?.InEmploymentOrTraining), EdAttendanceRules.Clean(sent?.EdAdvice), a.ReceivedAt, mayOpenPerson);
    }

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
