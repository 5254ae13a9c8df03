using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>Which schools' figures a user may see: every school in the partnership, or only their own.</summary>
public sealed record FiguresScope(bool WholePartnership, string? OwnUrn)
{
    public bool Allows(string urn) => WholePartnership || urn == OwnUrn;
}

/// <param name="PersonId">The child.</param>
/// <param name="AcademicYear">The year to show (its start year); by default the latest year the child was enrolled, or this year.</param>
public sealed record OpenChildAttendanceOptions(Guid PersonId, int? AcademicYear = null);

/// <summary>A child's attendance for a year, with their whole history on the council's CME and EHE registers.</summary>
/// <param name="Years">Every year the child was enrolled somewhere, latest first.</param>
public sealed record ChildAttendanceOpening(Guid PersonId, string Name, AcademicYear Year, IReadOnlyList<int> Years, IReadOnlyList<Enrolment> Enrolments,
    IReadOnlyList<Suspension> Suspensions, IReadOnlyDictionary<string, string> SchoolNames, IReadOnlyList<Registers.LearnerRegisterEntry> RegisterHistory);

/// <param name="AcademicYear">The year exported (its start year).</param>
public sealed record UnsuppressedExportOptions(int? AcademicYear);

/// <param name="Year">The year the worklist is taken in.</param>
/// <param name="Today">The day the last <paramref name="Weeks"/> weeks end on.</param>
public sealed record AttendanceWorklistOptions(AcademicYear Year, LocalDate Today, int Weeks);

/// <summary>One line of the worklist: a child known to safeguarding whose attendance crossed a line in the last weeks.</summary>
public sealed record WorklistEntry(Guid PersonId, string Name, string Urn, string School, SessionCounts Now, bool CrossedPersistent, bool CrossedSevere,
    IReadOnlyList<Suspension> RecentSuspensions);

/// <summary>
/// Reading learners' data under the access policy: figures (aggregates) for analysts, the partnership, the council's
/// education lead and a school for itself; a child's attendance and the worklist (personal data, each read audited)
/// for the education lead and the child's own school's Key Adult.
/// </summary>
public sealed class LearnerAccess(SafeguardingDbContext db, KnownToSafeguarding knownToSafeguarding)
{
    public const string ResourceType = "Attendance";

    /// <summary>The scope of figures the actor may see; refused when none (no grant, or a school-wide grant with no school).</summary>
    public async Task<FiguresScope> FiguresScopeAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var grants = actor.Grants.Where(g => g is { Resource: Resource.AggregateFigures, Operation: Operation.Read }).ToList();
        if (grants.Any(g => g.Scope == Scope.WholePartnership)) return new FiguresScope(true, null);
        var urn = grants.Count == 0 ? null : await OwnUrnAsync(actor, ct);
        return urn is null ? throw new ForbiddenException(nameof(Resource.AggregateFigures), null, "no school to show figures for") : new FiguresScope(false, urn);
    }

    /// <summary>
    /// Only a partnership-wide reader of children's attendance (the council's education lead) may have the figures
    /// without small-number suppression: small groups can name a child (docs/learners.md).
    /// </summary>
    public static bool MayExportUnsuppressed(Actor actor) =>
        actor.Grants.Any(g => g is { Resource: Resource.Attendance, Operation: Operation.Read, Scope: Scope.WholePartnership });

    /// <summary>Records that the figures were exported without suppression: a read of children's attendance, audited as such.</summary>
    public async Task RecordUnsuppressedExportAsync(UnsuppressedExportOptions options, ProcessContext process, CancellationToken ct = default)
    {
        if (!MayExportUnsuppressed(process.RequireActor()))
            throw new ForbiddenException(ResourceType, null, "only a partnership-wide reader of attendance exports unsuppressed figures");
        db.QueueAudit(process, AuditActions.Read, ResourceType, null, AuditOutcome.Allowed, $"unsuppressed figures export {options.AcademicYear}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<string?> OwnUrnAsync(Actor actor, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId && o.PartnershipId == actor.PartnershipId)
            .Select(o => o.Urn).SingleOrDefaultAsync(ct);

    /// <summary>
    /// A child's enrolments (with marks) and suspensions for a year; null when there is no such child in the partnership.
    /// The read is audited; a refusal is thrown (and audited by the host).
    /// </summary>
    public async Task<ChildAttendanceOpening?> OpenChildAsync(OpenChildAttendanceOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var personId = options.PersonId;
        var person = await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId, ct);
        if (person is null) return null;
        var years = await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == actor.PartnershipId && e.PersonId == personId)
            .Select(e => e.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var academicYear = options.AcademicYear is { } asked && years.Contains(asked) ? asked
            : years.Count > 0 ? years[0] : AcademicYear.Containing(db.Clock.GetCurrentInstant().InUtc().Date).StartYear;
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.PartnershipId == actor.PartnershipId && e.PersonId == personId && e.AcademicYear == academicYear)
            .OrderBy(e => e.Urn).ToListAsync(ct);
        var allUrns = await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == actor.PartnershipId && e.PersonId == personId)
            .Select(e => e.Urn).Distinct().ToListAsync(ct);
        var schools = await db.Organisations.AsNoTracking()
            .Where(o => o.PartnershipId == actor.PartnershipId && o.Urn != null && allUrns.Contains(o.Urn))
            .Select(o => new { o.Id, Urn = o.Urn! }).ToListAsync(ct);
        // The schools the child has been enrolled at are linked to the child's attendance, as well as the person's own links.
        var facts = AttendanceFacts(person, schools.Select(s => s.Id));
        var decision = AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, facts);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, personId.ToString(), decision.Reason);
        db.QueueAudit(process, AuditActions.Read, ResourceType, personId.ToString(), AuditOutcome.Allowed, $"attendance {academicYear}");
        await db.SaveChangesAsync(ct);
        var suspensions = await db.Suspensions.AsNoTracking()
            .Where(s => s.PartnershipId == actor.PartnershipId && s.PersonId == personId && s.AcademicYear == academicYear)
            .OrderBy(s => s.StartDate).ToListAsync(ct);
        // Every spell on the registers, not only this year's: a child who was home educated before is part of the picture.
        var registers = await db.LearnerRegisterEntries.AsNoTracking()
            .Where(r => r.PartnershipId == actor.PartnershipId && r.PersonId == personId)
            .OrderByDescending(r => r.From).ToListAsync(ct);
        var urns = enrolments.Select(e => e.Urn).Concat(registers.Where(r => r.LastSchoolUrn != null).Select(r => r.LastSchoolUrn!)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId && o.Urn != null && urns.Contains(o.Urn))
            .ToDictionaryAsync(o => o.Urn!, o => o.Name, ct);
        return new ChildAttendanceOpening(personId, person.GivenName + " " + person.FamilyName, new AcademicYear(academicYear), years,
            enrolments, suspensions, names, registers);
    }

    /// <summary>What the policy weighs to open a child's attendance; lists that link to it ask it the same way.</summary>
    public static RecordFacts AttendanceFacts(Person person, IEnumerable<Guid> enrolledSchoolIds) =>
        new(person.PartnershipId, null, [.. person.Links.Select(l => l.OrganisationId), .. enrolledSchoolIds], person.IsSealed);

    /// <summary>
    /// Children known to safeguarding who, in the last weeks, crossed 10% or 50% absence or were suspended: all
    /// schools for a partnership-wide grant, the user's own school's pupils for a Key Adult. Each child listed is a
    /// read of their attendance, and is audited.
    /// </summary>
    public async Task<IReadOnlyList<WorklistEntry>> WorklistAsync(AttendanceWorklistOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (year, today, weeks) = options;
        var grants = actor.Grants.Where(g => g is { Resource: Resource.Attendance, Operation: Operation.Read }).ToList();
        var wholePartnership = grants.Any(g => g.Scope == Scope.WholePartnership);
        var ownUrn = wholePartnership || grants.Count == 0 ? null : await OwnUrnAsync(actor, ct);
        if (!wholePartnership && ownUrn is null) throw new ForbiddenException(ResourceType, null, "no school to list pupils for");

        var known = await knownToSafeguarding.LoadAsync(actor.PartnershipId, ct);
        var query = db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == actor.PartnershipId && e.AcademicYear == year.StartYear && e.PersonId != null);
        if (ownUrn is not null) query = query.Where(e => e.Urn == ownUrn);
        var enrolments = (await query.ToListAsync(ct)).Where(e => known.Contains(e.PersonId!.Value)).ToList();
        var since = today.PlusWeeks(-weeks);
        var nowLimit = year.FirstSessionOnOrAfter(today);
        var thenLimit = year.FirstSessionOnOrAfter(since);
        var personIds = enrolments.Select(e => e.PersonId!.Value).Distinct().ToList();
        var suspensions = (await db.Suspensions.AsNoTracking()
                .Where(s => s.PartnershipId == actor.PartnershipId && s.AcademicYear == year.StartYear && s.PersonId != null && personIds.Contains(s.PersonId.Value))
                .ToListAsync(ct))
            .Where(s => s.StartDate >= since && s.StartDate <= today).ToList();
        // A sealed child stays on the worklist (their attendance still needs acting on), named only to those who may read sealed records.
        var names = await SealedPeople.NamesAsync(db, actor, personIds, ct);
        var urns = enrolments.Select(e => e.Urn).Distinct().ToList();
        var schools = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId && o.Urn != null && urns.Contains(o.Urn))
            .ToDictionaryAsync(o => o.Urn!, o => o.Name, ct);

        var entries = new List<WorklistEntry>();
        foreach (var e in enrolments)
        {
            if (!AttendanceRules.IsCompulsorySchoolAge(year, e.DateOfBirth)) continue;
            var limit = AttendanceRules.CountedSessions(year, AttendanceRules.AgeAtStartOf(year, e.DateOfBirth));
            var now = AttendanceRules.Count(e.Sessions, Math.Min(limit, nowLimit));
            var then = AttendanceRules.Count(e.Sessions, Math.Min(limit, thenLimit));
            var crossedPersistent = now.IsPersistentAbsentee && !then.IsPersistentAbsentee;
            var crossedSevere = now.IsSevereAbsentee && !then.IsSevereAbsentee;
            var recent = suspensions.Where(s => s.PersonId == e.PersonId && s.Urn == e.Urn).OrderBy(s => s.StartDate).ToList();
            if (!crossedPersistent && !crossedSevere && recent.Count == 0) continue;
            entries.Add(new WorklistEntry(e.PersonId!.Value, names.GetValueOrDefault(e.PersonId.Value, "Unknown"), e.Urn, schools.GetValueOrDefault(e.Urn, e.Urn),
                now, crossedPersistent, crossedSevere, recent));
        }
        foreach (var entry in entries)
            db.QueueAudit(process, AuditActions.Read, ResourceType, entry.PersonId.ToString(), AuditOutcome.Allowed, "listed on the attendance worklist");
        await db.SaveChangesAsync(ct);
        return entries.OrderByDescending(x => x.CrossedSevere).ThenByDescending(x => x.Now.Possible == 0 ? 0 : (double)x.Now.Absent / x.Now.Possible).ToList();
    }
}
