using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

/// <summary>
/// The child's education as the learners module holds it: the schools or colleges whose roll has the child today, and
/// the special educational needs provision of the latest census year (an EHC plan or not); null parts when the module
/// holds nothing.
/// </summary>
public sealed record EducationView(IReadOnlyList<string> Settings, bool? EhcPlan, string? PrimaryNeed, int? CensusYear);

/// <summary>What a full reader sees beside the entry: education, keyworker referrals and who led before.</summary>
public sealed record EntryDetailsView(EducationView Education, IReadOnlyList<KeyworkerReferralView> KeyworkerReferrals, IReadOnlyList<LeadChangeView> LeadHistory);

public sealed partial class SupportRegisterEntries
{
    /// <summary>
    /// The entry's remaining details, for a full reader (the unit, the lead, a review member, break-glass): the child's
    /// school and EHC plan from the learners module, keyworker referrals and the lead practitioner's history. A school or
    /// GP practice reading under consent is refused, as it is the risks. Audited as a read of the entry's details.
    /// </summary>
    public async Task<EntryDetailsView> DetailsAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<SupportRegisterEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        var child = await ChildAsync(entry.PersonId, ct);
        var decision = await DecideReadAsync(actor, entry, child, ct);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, entry.Id.ToString(), decision.Reason);
        if (!(IsFullReader(actor, entry) || decision.Reason == ReviewMemberReason || decision.ViaBreakGlass))
            throw new ForbiddenException(ResourceType, entry.Id.ToString(), "reads the entry under consent, not its details");
        var today = Today(db.Clock.GetCurrentInstant());
        var registrations = await (from r in db.Set<PupilRegistration>().AsNoTracking()
                                   join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                                   where r.PartnershipId == entry.PartnershipId && r.PersonId == child.Id
                                   select new { r.StartedOn, r.LeftOn, o.Name }).ToListAsync(ct);
        var onRoll = registrations.Where(r => (r.StartedOn is null || r.StartedOn <= today) && (r.LeftOn is null || r.LeftOn >= today))
            .Select(r => r.Name).Distinct().Order().ToList();
        var census = await db.Set<Enrolment>().AsNoTracking().Where(e => e.PartnershipId == entry.PartnershipId && e.PersonId == child.Id)
            .OrderByDescending(e => e.AcademicYear).ThenByDescending(e => e.SenProvision == "E")
            .Select(e => new { e.AcademicYear, e.SenProvision, e.SenPrimaryNeed }).FirstOrDefaultAsync(ct);
        var education = new EducationView(onRoll, census is null ? null : census.SenProvision == "E",
            census?.SenPrimaryNeed is { } need ? SenNeeds.Name(need) : null, census?.AcademicYear);
        db.QueueAudit(process, AuditActions.Read, ResourceType, entry.Id.ToString(), AuditOutcome.Allowed,
            $"education, keyworker referrals and lead history; {decision.Reason}");
        await db.SaveChangesAsync(ct);
        return new EntryDetailsView(education, await KeyworkerReferralsAsync(entry.Id, ct), await LeadHistoryAsync(entry.Id, ct));
    }
}
