using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Learners.Rolls;

public sealed record RollResult(int Listed, int New, int Left, int LinkedToKnownPeople, int WaitingForReview);

/// <summary>
/// Takes a school's or college's roll: each pupil becomes (or refreshes) the setting's record in the person index,
/// and a registration with its dates; pupils on the previous roll but not on this one have left.
/// </summary>
public sealed class PupilRolls(SafeguardingDbContext db, PersonIndex personIndex)
{
    /// <summary>How a roll's records are named in the person index: the setting's management information system.</summary>
    public const string SourceSystem = "SIMS";

    public async Task<RollResult> ReceiveAsync(Actor actor, Guid organisationId, RollFile roll, ProcessContext process, CancellationToken ct = default)
    {
        if (!AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Create, new RecordFacts(actor.PartnershipId, organisationId)).Allowed)
            throw new UnauthorizedAccessException("Sending this setting's roll is not granted.");
        var setting = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.PartnershipId == actor.PartnershipId, ct)
                      ?? throw new KeyNotFoundException("No such setting.");
        if (setting.Type is not (OrganisationType.School or OrganisationType.College))
            throw new InvalidOperationException($"{setting.Name} is not a school or college.");
        if (roll.SourceUrn is { } urn && setting.Urn is { } own && urn != own)
            throw new InvalidOperationException($"The file is the roll of the school with URN {urn}, not {setting.Name} ({own}).");

        // The person index links as the setting: the records are the setting's own.
        var asSetting = actor with { OrganisationId = organisationId };
        var today = db.Clock.GetCurrentInstant().InZone(Platform.Calendars.SchoolDays.London).Date;
        var now = db.Clock.GetCurrentInstant();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var existing = await db.PupilRegistrations.Where(r => r.OrganisationId == organisationId).ToDictionaryAsync(r => r.LocalId, ct);
            int added = 0, linked = 0, waiting = 0;
            foreach (var pupil in roll.Pupils)
            {
                var arrival = await personIndex.ReceiveAsync(asSetting, new IncomingRecord(organisationId, SourceSystem, pupil.LocalId, pupil.Received,
                    pupil.GivenName, pupil.FamilyName, pupil.DateOfBirth, pupil.Sex, pupil.Postcode, pupil.Address, null, pupil.Upn), process, ct);
                if (arrival.Outcome == LinkOutcome.LinkedAutomatically) linked++;
                if (arrival.Outcome == LinkOutcome.WaitingForReview) waiting++;
                if (!existing.Remove(pupil.LocalId, out var registration))
                {
                    registration = new PupilRegistration { PartnershipId = actor.PartnershipId, OrganisationId = organisationId, LocalId = pupil.LocalId };
                    db.PupilRegistrations.Add(registration);
                    added++;
                }
                registration.PersonId = arrival.PersonId;
                registration.SourceRecordId = arrival.SourceRecordId;
                registration.StartedOn = Date(pupil.StartedOn) ?? registration.StartedOn;
                registration.LeftOn = Date(pupil.LeftOn);
                registration.EnrolStatus = pupil.EnrolStatus;
                registration.LastListedAt = now;
            }
            // Off this roll: left, unless the setting already said when.
            foreach (var gone in existing.Values.Where(r => r.LeftOn is null)) gone.LeftOn = today;
            db.Process = process;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return new RollResult(roll.Pupils.Count, added, existing.Count, linked, waiting);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private static LocalDate? Date(string? value) => value is not null && LocalDatePattern.Iso.Parse(value) is { Success: true } d ? d.Value : null;
}
