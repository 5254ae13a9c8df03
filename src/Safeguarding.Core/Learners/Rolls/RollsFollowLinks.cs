using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Learners.Rolls;

/// <summary>
/// A setting's roll registrations and attendance open the child to it: when the person index suspends the setting's
/// link for the council (the re-check), they move with its records to its provisional person.
/// </summary>
public sealed class RollsFollowLinks(SafeguardingDbContext db) : IRecordsThatFollowLinks
{
    public async Task MoveAsync(Guid partnershipId, Guid organisationId, Guid fromPersonId, Guid toPersonId, CancellationToken ct)
    {
        foreach (var registration in await db.PupilRegistrations
                     .Where(r => r.PartnershipId == partnershipId && r.OrganisationId == organisationId && r.PersonId == fromPersonId).ToListAsync(ct))
            registration.PersonId = toPersonId;
        var urn = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Urn).SingleAsync(ct);
        if (urn is null) return;
        foreach (var enrolment in await db.Enrolments.Where(e => e.PartnershipId == partnershipId && e.Urn == urn && e.PersonId == fromPersonId).ToListAsync(ct))
            enrolment.PersonId = toPersonId;
    }
}
