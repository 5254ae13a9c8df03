using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Learners.Rolls;

public enum RollPupilOutcome
{
    /// <summary>New on the setting's roll.</summary>
    Added,
    /// <summary>Already on the roll: the setting's record refreshed.</summary>
    Updated,
    /// <summary>On the previous roll but not this one.</summary>
    Left,
    /// <summary>Not accepted: held in the quarantine with the reasons.</summary>
    Rejected,
}

/// <summary>What happened to one pupil of a roll: where in the file, the setting's id for them, and why if rejected.</summary>
public sealed record RollPupilResult(string Where, string LocalId, RollPupilOutcome Outcome, IReadOnlyList<string> Reasons);

public sealed record RollResult(int Listed, int New, int Left, int LinkedToKnownPeople, int WaitingForReview, int Updated, int Rejected,
    IReadOnlyList<RollPupilResult> Pupils);

/// <summary>The roll <paramref name="OrganisationId"/> (a school or college) sends.</summary>
public sealed record ReceiveRollOptions(Guid OrganisationId, RollFile Roll);

/// <summary>The latest <paramref name="Take"/> rolls a setting sent.</summary>
public sealed record RollUploadsOptions(Guid OrganisationId, int Take = 10);

/// <summary>The settings a person may send a roll for: every school and college (<paramref name="ChoosesSetting"/>), or their own.</summary>
public sealed record RollSettings(bool ChoosesSetting, IReadOnlyList<Organisation> Settings);

/// <summary>
/// Takes a school's or college's roll: each pupil becomes (or refreshes) the setting's record in the person index,
/// and a registration with its dates; pupils on the previous roll but not on this one have left. A pupil the person
/// index could not use (no name, no date of birth, dates that cannot be right) is rejected into the quarantine while
/// the rest of the roll is taken; each roll received is logged with its counts.
/// </summary>
public sealed class PupilRolls(SafeguardingDbContext db, PersonIndex personIndex)
{
    /// <summary>How a roll's records are named in the person index: the setting's management information system.</summary>
    public const string SourceSystem = "SIMS";

    /// <summary>The quarantine's name for a pupil row a roll sent that could not be taken.</summary>
    public const string QuarantineKind = "pupil-roll";

    public async Task<RollResult> ReceiveAsync(ReceiveRollOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (organisationId, roll) = options;
        if (!AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Create, new RecordFacts(actor.PartnershipId, organisationId)).Allowed)
            throw new ForbiddenException(nameof(Resource.PupilRoll), organisationId.ToString(), "Sending this setting's roll is not granted.");
        var setting = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.PartnershipId == actor.PartnershipId, ct)
                      ?? throw new NotFoundException(nameof(Organisation), organisationId.ToString());
        if (setting.Type is not (OrganisationType.School or OrganisationType.College))
            throw new InvalidOperationException($"{setting.Name} is not a school or college.");
        if (roll.SourceUrn is { } urn && setting.Urn is { } own && urn != own)
            throw new InvalidOperationException($"The file is the roll of the school with URN {urn}, not {setting.Name} ({own}).");

        var today = db.Clock.GetCurrentInstant().InZone(Platform.Calendars.SchoolDays.London).Date;
        var now = db.Clock.GetCurrentInstant();
        var quarantine = new Quarantine(db);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var existing = await db.PupilRegistrations.Where(r => r.OrganisationId == organisationId).ToDictionaryAsync(r => r.LocalId, ct);
            var results = new List<RollPupilResult>(roll.Pupils.Count + 8);
            int linked = 0, waiting = 0;
            foreach (var pupil in roll.Pupils)
            {
                var reasons = Problems(pupil, today);
                if (reasons.Count > 0)
                {
                    // Still on the roll, so not "left"; the registration waits for the corrected row.
                    existing.Remove(pupil.LocalId);
                    quarantine.Hold(actor.PartnershipId, QuarantineKind, $"{setting.Name}: {pupil.Where}", pupil.Received, reasons, organisationId);
                    results.Add(new RollPupilResult(pupil.Where, pupil.LocalId, RollPupilOutcome.Rejected, reasons));
                    continue;
                }
                var arrival = await personIndex.ReceiveAsync(new IncomingRecord(organisationId, SourceSystem, pupil.LocalId, pupil.Received,
                    pupil.GivenName, pupil.FamilyName, pupil.DateOfBirth, pupil.Sex, pupil.Postcode, pupil.Address, null, pupil.Upn), process, ct);
                if (arrival.Outcome == LinkOutcome.LinkedAutomatically) linked++;
                if (arrival.Outcome == LinkOutcome.WaitingForReview) waiting++;
                var outcome = RollPupilOutcome.Updated;
                if (!existing.Remove(pupil.LocalId, out var registration))
                {
                    registration = new PupilRegistration { PartnershipId = actor.PartnershipId, OrganisationId = organisationId, LocalId = pupil.LocalId };
                    db.PupilRegistrations.Add(registration);
                    outcome = RollPupilOutcome.Added;
                }
                registration.PersonId = arrival.PersonId;
                registration.SourceRecordId = arrival.SourceRecordId;
                registration.StartedOn = Date(pupil.StartedOn) ?? registration.StartedOn;
                registration.LeftOn = Date(pupil.LeftOn);
                registration.EnrolStatus = pupil.EnrolStatus;
                registration.LastListedAt = now;
                results.Add(new RollPupilResult(pupil.Where, pupil.LocalId, outcome, []));
            }
            // Off this roll: left, unless the setting already said when.
            foreach (var gone in existing.Values.Where(r => r.LeftOn is null).OrderBy(r => r.LocalId, StringComparer.Ordinal))
            {
                gone.LeftOn = today;
                results.Add(new RollPupilResult("not in this roll", gone.LocalId, RollPupilOutcome.Left, []));
            }
            int Count(RollPupilOutcome o) => results.Count(r => r.Outcome == o);
            db.RollUploads.Add(new RollUpload
            {
                PartnershipId = actor.PartnershipId, OrganisationId = organisationId, UploadedAt = now, UploadedByUserId = actor.UserId,
                UploadedBy = actor.Name.Length > 200 ? actor.Name[..200] : actor.Name, FileName = Shorten(roll.FileName ?? "roll"),
                Listed = roll.Pupils.Count, Added = Count(RollPupilOutcome.Added), Updated = Count(RollPupilOutcome.Updated),
                Left = Count(RollPupilOutcome.Left), Rejected = Count(RollPupilOutcome.Rejected),
            });
            db.Process = process;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return new RollResult(roll.Pupils.Count, Count(RollPupilOutcome.Added), Count(RollPupilOutcome.Left), linked, waiting,
                Count(RollPupilOutcome.Updated), Count(RollPupilOutcome.Rejected), results);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>The schools and colleges the person may send a roll for: any, for a partnership-wide grant; else their own.</summary>
    public async Task<RollSettings> SettingsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var every = actor.Grants.Any(g => g is { Resource: Resource.PupilRoll, Operation: Operation.Create, Scope: Scope.WholePartnership });
        var partnership = actor.PartnershipId;
        var settings = await db.Organisations.AsNoTracking().SettingsOf(partnership, every ? null : actor.OrganisationId).ToListAsync(ct);
        return new RollSettings(every, settings);
    }

    /// <summary>Whether the person may see the setting's roll uploads (<see cref="UploadsAsync"/>).</summary>
    public static bool MaySeeUploads(Actor actor, Guid organisationId) =>
        AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Read, new RecordFacts(actor.PartnershipId, organisationId)).Allowed;

    /// <summary>The setting's latest rolls, newest first: when, who, and what became of the pupils.</summary>
    public async Task<IReadOnlyList<RollUpload>> UploadsAsync(RollUploadsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (organisationId, take) = options;
        if (!MaySeeUploads(actor, organisationId))
            throw new ForbiddenException(nameof(Resource.PupilRoll), organisationId.ToString(), "Seeing this setting's rolls is not granted.");
        return await db.RollUploads.AsNoTracking()
            .Where(u => u.PartnershipId == actor.PartnershipId && u.OrganisationId == organisationId)
            .OrderByDescending(u => u.UploadedAt).ThenByDescending(u => u.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>
    /// Why the person index cannot take a pupil as sent: it finds children by name and date of birth, and dates a
    /// roll gets wrong would put the child on or off the roll on the wrong days.
    /// </summary>
    public static IReadOnlyList<string> Problems(RollPupil pupil, LocalDate today)
    {
        var reasons = new List<string>();
        if (pupil.GivenName is null) reasons.Add("The pupil's given name is missing");
        if (pupil.FamilyName is null) reasons.Add("The pupil's family name is missing");
        if (pupil.DateOfBirth is null) reasons.Add("The pupil's date of birth is missing");
        else if (Date(pupil.DateOfBirth) is not { } born) reasons.Add($"The date of birth '{pupil.DateOfBirth}' is not a real date");
        else if (born > today) reasons.Add($"The date of birth {pupil.DateOfBirth} is in the future");
        var started = Date(pupil.StartedOn);
        var left = Date(pupil.LeftOn);
        if (pupil.StartedOn is not null && started is null) reasons.Add($"The start date '{pupil.StartedOn}' is not a date written YYYY-MM-DD");
        if (pupil.LeftOn is not null && left is null) reasons.Add($"The leaving date '{pupil.LeftOn}' is not a date written YYYY-MM-DD");
        if (started is { } s && left is { } l && l < s) reasons.Add($"The leaving date {pupil.LeftOn} is before the start date {pupil.StartedOn}");
        return reasons;
    }

    private static string Shorten(string name) => name.Length > 260 ? name[..260] : name;

    private static LocalDate? Date(string? value) => value is not null && LocalDatePattern.Iso.Parse(value) is { Success: true } d ? d.Value : null;
}
