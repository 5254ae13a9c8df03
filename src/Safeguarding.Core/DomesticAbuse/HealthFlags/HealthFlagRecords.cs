using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.HealthFlags;

/// <summary>
/// A patient's flags as one health organisation may read them, each flag with its own contact organisation
/// (<see cref="Contacts"/>, by id).
/// </summary>
public sealed record PatientFlags(bool PatientFound, bool Allowed, Guid? PersonId, IReadOnlyList<HealthFlag> Flags, IReadOnlyDictionary<Guid, Organisation> Contacts)
{
    public Organisation? ContactOf(HealthFlag flag) => Contacts.GetValueOrDefault(flag.ContactOrganisationId);
}

/// <summary>Ends one flag because the child's risk has ended.</summary>
public sealed record EndFlagOptions(Guid FlagId, string Reason);

/// <summary>
/// The patient whose flags a health organisation asks for and, for an emergency department (which may ask about any
/// child), why: a read for unscheduled care without a purpose is refused.
/// </summary>
public sealed record PatientFlagsOptions(string NhsNumber, string? Purpose = null);

/// <summary>
/// Raises flags for children when their household's risk is known, ends them when it ends, and serves them to
/// health organisations: a GP practice reads the flags of its registered patients; the hospital trust reads the
/// MARAC-household flags of its patients. A patient is an organisation's when the person index holds a record of
/// them sent by that organisation. An emergency department (unscheduled care, as CP-IS serves it) reads any child of
/// the partnership by NHS number, giving a purpose each time: the purpose is kept in an <see cref="UnscheduledCareRead"/>
/// and the audit entry points to it; such a read does not reach past a seal. Every read is audited under the person's id
/// (never the NHS number). An ended flag is returned for <see cref="DomesticAbuseSettings.EndedFlagMonths"/> after it
/// ended, then no more.
/// </summary>
public sealed class HealthFlagRecords(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(HealthFlag);

    /// <summary>Adds a flag of the kind to each child without an active one (the caller saves).</summary>
    public async Task<int> RaiseAsync(Guid partnershipId, IReadOnlyCollection<Guid> childPersonIds, HealthFlagKind kind, string sourceType, Guid sourceId,
        CancellationToken ct = default)
    {
        if (childPersonIds.Count == 0) return 0;
        var already = await db.HealthFlags.Where(f => childPersonIds.Contains(f.ChildPersonId) && f.Kind == kind && f.Status == HealthFlagStatus.Active)
            .Select(f => f.ChildPersonId).ToListAsync(ct);
        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct);
        // Each flag keeps the contact it was raised with: a later change of the partnership's contact leaves it be.
        var contact = settings?.FlagContactOrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct)
            : await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.CouncilService).OrderBy(o => o.Name).FirstOrDefaultAsync(ct)
              ?? throw new InvalidOperationException("Set the flags' contact organisation in the domestic abuse settings first.");
        var now = db.Clock.GetCurrentInstant();
        var raised = 0;
        foreach (var child in childPersonIds.Distinct().Except(already))
        {
            db.HealthFlags.Add(new HealthFlag
            {
                PartnershipId = partnershipId, ChildPersonId = child, Kind = kind, Status = HealthFlagStatus.Active, Start = now,
                ContactOrganisationId = contact.Id, ContactName = contact.Name, ContactTelephone = settings?.FlagContactTelephone,
                SourceType = sourceType, SourceId = sourceId, UpdatedAt = now,
            });
            raised++;
        }
        return raised;
    }

    /// <summary>Ends the active flags a record raised (the caller saves).</summary>
    public async Task<int> EndRaisedByAsync(string sourceType, Guid sourceId, string reason, CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var flags = await db.HealthFlags.Where(f => f.SourceType == sourceType && f.SourceId == sourceId && f.Status == HealthFlagStatus.Active).ToListAsync(ct);
        foreach (var f in flags)
        {
            f.Status = HealthFlagStatus.Inactive;
            f.End = now;
            f.EndReason = reason;
            f.UpdatedAt = now;
        }
        return flags.Count;
    }

    /// <summary>Ends one flag because the child's risk has ended.</summary>
    public async Task EndAsync(EndFlagOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (flagId, reason) = options;
        if (!AccessPolicy.Decide(actor, Resource.HealthFlag, Operation.Update).Allowed)
            throw new ForbiddenException(ResourceType, flagId.ToString(), "Ending flags is not granted.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Say why the risk has ended.", nameof(reason));
        var flag = await db.HealthFlags.SingleAsync(f => f.Id == flagId && f.PartnershipId == actor.PartnershipId, ct);
        if (flag.Status == HealthFlagStatus.Inactive) return;
        var now = db.Clock.GetCurrentInstant();
        flag.Status = HealthFlagStatus.Inactive;
        flag.End = now;
        flag.EndReason = reason.Trim();
        flag.UpdatedAt = now;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Whether the actor reads a person's flags where their record shows them (and their chronology lists them): the
    /// Front Door, and the child's own GP practice or hospital (the person's links); a seal holds.
    /// </summary>
    public static bool MayReadOnRecord(Actor actor, Person person) =>
        AccessPolicy.Decide(actor, Resource.HealthFlag, Operation.Read,
            new RecordFacts(person.PartnershipId, null, [.. person.Links.Select(l => l.OrganisationId)], person.IsSealed)).Allowed;

    /// <summary>
    /// The flags of a person the caller has opened (their links loaded), newest first, active and ended, each with its
    /// contact, for the record's "Health record flags" section; null when the reader may not read them. The read is
    /// audited under the person's id, as a health system's read is.
    /// </summary>
    public async Task<IReadOnlyList<HealthFlag>?> OnRecordAsync(Person person, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (person.PartnershipId != actor.PartnershipId || !MayReadOnRecord(actor, person)) return null;
        var flags = await db.HealthFlags.AsNoTracking().Where(f => f.PartnershipId == actor.PartnershipId && f.ChildPersonId == person.Id)
            .OrderByDescending(f => f.Start).ThenBy(f => f.Id).ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, person.Id.ToString(), AuditOutcome.Allowed, "person's record");
        await db.SaveChangesAsync(ct);
        return flags;
    }

    /// <summary>
    /// Whether the actor reaches every child's flags by NHS number (an emergency department's unscheduled-care scope),
    /// not only its own patients': such a read needs a purpose.
    /// </summary>
    public static bool ReadsForUnscheduledCare(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.HealthFlag, Operation: Operation.Read, Scope: Scope.WholePartnership });

    /// <summary>
    /// The flags of the patient with this NHS number, as the actor's organisation may read them. Two people holding one
    /// NHS number are one patient whose records were not joined: the answer holds both people's flags (the organisation
    /// registered the patient under that number) and a duplicate review is raised for the person index.
    /// </summary>
    public async Task<PatientFlags> ForPatientAsync(PatientFlagsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var nhsNumber = options.NhsNumber;
        if (ReadsForUnscheduledCare(actor))
        {
            var purpose = options.Purpose?.Trim();
            if (string.IsNullOrEmpty(purpose))
                throw new ArgumentException("Say why the flags are read (the purpose): an emergency department reads any child's flags only with one.", nameof(options));
            if (purpose.Length > UnscheduledCareRead.MaxPurposeLength)
                throw new ArgumentException($"Keep the purpose to {UnscheduledCareRead.MaxPurposeLength} characters.", nameof(options));
            // The purpose can name the child: it is kept in its own record and every entry of this read points to it.
            var read = new UnscheduledCareRead
            {
                PartnershipId = actor.PartnershipId, OrganisationId = actor.OrganisationId, ApiClientId = actor.ApiClientId, UserId = actor.UserId,
                Purpose = purpose, At = db.Clock.GetCurrentInstant(),
            };
            db.UnscheduledCareReads.Add(read);
            process = process with { Purpose = AuditPurposes.ReasonIn("unscheduled care", nameof(UnscheduledCareRead), read.Id) };
            db.Process = process;
        }
        var people = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == actor.PartnershipId && p.NhsNumber == nhsNumber && p.MergedIntoPersonId == null)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => new { p.Id, p.IsSealed }).ToListAsync(ct);
        if (people.Count == 0)
        {
            // Denied and unknown look the same to the caller; the audit records which it was, without the number.
            db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Denied, "no patient with that NHS number");
            await db.SaveChangesAsync(ct);
            return new PatientFlags(false, false, null, [], new Dictionary<Guid, Organisation>());
        }
        var ids = people.Select(p => p.Id).ToList();
        if (people.Count > 1)
        {
            // The review is a write, made by the look-up that found the duplicate.
            db.Process = process;
            await new DuplicateNhsNumbers(db).QueueReviewsAsync(new DuplicateNhsNumberOptions(actor.PartnershipId, ids), ct);
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId, ct);
        var registered = await db.SourceRecords.AsNoTracking().AnyAsync(r => r.PersonId != null && ids.Contains(r.PersonId.Value) && r.OrganisationId == actor.OrganisationId, ct)
            || await db.PersonLinks.AsNoTracking().AnyAsync(l => ids.Contains(l.PersonId) && l.OrganisationId == actor.OrganisationId, ct);
        // The seal holds against a reach beyond the organisation's own patients (an emergency department's): an
        // organisation that registered the child already holds them.
        var decision = AccessPolicy.Decide(actor, Resource.HealthFlag, Operation.Read,
            new RecordFacts(actor.PartnershipId, null, registered ? [actor.OrganisationId] : [], IsSealed: !registered && people.Any(p => p.IsSealed)));
        var kinds = organisation.Type switch
        {
            OrganisationType.GpPractice => new[] { HealthFlagKind.ChildAtRiskOfDomesticAbuse, HealthFlagKind.ChildInMaracHousehold },
            OrganisationType.HospitalTrust => [HealthFlagKind.ChildInMaracHousehold],
            _ => [],
        };
        var allowed = decision.Allowed && kinds.Length > 0;
        foreach (var person in ids)
            db.QueueAudit(process, AuditActions.Read, ResourceType, person.ToString(), allowed ? AuditOutcome.Allowed : AuditOutcome.Denied,
                allowed ? (people.Count > 1 ? "NHS number held by more than one person" : null)
                : decision.Allowed ? "organisation type reads no domestic-abuse flags" : decision.Reason);
        await db.SaveChangesAsync(ct);
        if (!allowed) return new PatientFlags(true, false, ids[0], [], new Dictionary<Guid, Organisation>());

        var months = await db.DomesticAbuseSettings.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId)
            .Select(s => (int?)s.EndedFlagMonths).SingleOrDefaultAsync(ct) ?? new DomesticAbuseSettings().EndedFlagMonths;
        var endedSince = EndedSince(db.Clock.GetCurrentInstant(), months);
        var flags = await db.HealthFlags.AsNoTracking()
            .Where(f => f.PartnershipId == actor.PartnershipId && ids.Contains(f.ChildPersonId) && kinds.Contains(f.Kind))
            .Where(f => f.Status == HealthFlagStatus.Active || f.End == null || f.End >= endedSince)
            .OrderByDescending(f => f.Start).ToListAsync(ct);
        var contactIds = flags.Select(f => f.ContactOrganisationId).Distinct().ToList();
        var contacts = await db.Organisations.AsNoTracking().Where(o => contactIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return new PatientFlags(true, true, ids[0], flags, contacts);
    }

    /// <summary>The earliest end of a flag still returned: the given number of calendar months before now (UTC).</summary>
    public static Instant EndedSince(Instant now, int months) =>
        now.InUtc().LocalDateTime.PlusMonths(-months).InUtc().ToInstant();
}
