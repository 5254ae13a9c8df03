using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>A setting (or the council) to tell about a child.</summary>
public sealed record SettingToTell(Guid OrganisationId, NotificationRecipient Recipient);

public sealed record SettingsFound(ChildSettingOutcome Outcome, IReadOnlyList<SettingToTell> Settings);

/// <summary>
/// Finds the education settings that must be told about a child: every school where the child is a registered
/// pupil on the day (both, when dual registered) or the college; else the council's EHE lead for a home-educated
/// child, the CME lead for a child missing education; else, under school age, nobody (recorded); else the queue.
/// </summary>
public sealed class EducationSettings(SafeguardingDbContext db)
{
    /// <summary>Compulsory school age starts the term after the fifth birthday; a child under five on no roll is outside the duty.</summary>
    public const int SchoolAge = 5;

    public async Task<SettingsFound> FindAsync(Guid partnershipId, Guid personId, LinkOutcome link, LocalDate? dateOfBirth, LocalDate onDate,
        EncompassSettings settings, CancellationToken ct = default)
    {
        var known = await KnownAsync(partnershipId, [personId], settings, ct);
        return known.Find(personId, link, dateOfBirth, onDate, settings);
    }

    /// <summary>What the rolls and the council's registers hold for many children, read once (for bulk intake).</summary>
    public async Task<KnownChildren> KnownAsync(Guid partnershipId, IReadOnlyCollection<Guid> personIds, EncompassSettings settings, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        // Each person, and anyone merged into them: their records count as theirs.
        var merged = await db.People.AsNoTracking().Where(p => p.MergedIntoPersonId != null && EF.Parameter(ids).Contains(p.MergedIntoPersonId.Value))
            .Select(p => new { p.Id, Into = p.MergedIntoPersonId!.Value }).ToListAsync(ct);
        var peopleOf = ids.ToDictionary(id => id, id => new List<Guid> { id });
        foreach (var m in merged) peopleOf[m.Into].Add(m.Id);
        var everyone = peopleOf.Values.SelectMany(p => p).Distinct().ToList();
        var registrations = await db.Set<Learners.Rolls.PupilRegistration>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && EF.Parameter(everyone).Contains(r.PersonId))
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new KnownRegistration(r, o.Type, o.Phase))
            .ToListAsync(ct);
        var registers = await db.Set<LearnerRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && EF.Parameter(everyone).Contains(e.PersonId)).ToListAsync(ct);
        var council = registers.Count > 0 ? await CouncilAsync(partnershipId, settings, ct) : null;
        return new KnownChildren(peopleOf, registrations.ToLookup(r => r.Registration.PersonId), registers.ToLookup(e => e.PersonId), council);
    }

    public async Task<Guid?> CouncilAsync(Guid partnershipId, EncompassSettings settings, CancellationToken ct = default) =>
        settings.CouncilOrganisationId
        ?? await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.CouncilService)
            .OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
}

public sealed record KnownRegistration(Learners.Rolls.PupilRegistration Registration, OrganisationType Type, SchoolPhase Phase);

/// <summary>Children's registrations and register entries as read by <see cref="EducationSettings.KnownAsync"/>; the rules applied in memory.</summary>
public sealed class KnownChildren(Dictionary<Guid, List<Guid>> peopleOf, ILookup<Guid, KnownRegistration> registrations,
    ILookup<Guid, LearnerRegisterEntry> registers, Guid? council)
{
    public SettingsFound Find(Guid personId, LinkOutcome link, LocalDate? dateOfBirth, LocalDate onDate, EncompassSettings settings)
    {
        // Nobody can be sure who the child is until a practitioner decides the possible match. A child the police give
        // as under school age is outside the duty whoever they turn out to be, unless the partnership tells early-years
        // settings too: the Front Door is not asked to place them.
        if (link == LinkOutcome.WaitingForReview)
            return new(UnderSchoolAge(dateOfBirth, onDate) && !settings.NotifyEarlyYears ? ChildSettingOutcome.UnderSchoolAge : ChildSettingOutcome.Uncertain, []);
        var people = peopleOf.TryGetValue(personId, out var p) ? p : [personId];

        var onRoll = people.SelectMany(id => registrations[id]).Where(r => r.Registration.IsOnRollOn(onDate)).ToList();
        var settingsToTell = onRoll
            .Where(r => r.Phase != SchoolPhase.Nursery || settings.NotifyEarlyYears)
            .Select(r => new SettingToTell(r.Registration.OrganisationId,
                r.Phase == SchoolPhase.Nursery ? NotificationRecipient.EarlyYearsSetting
                : r.Type == OrganisationType.College ? NotificationRecipient.College : NotificationRecipient.School))
            .Distinct().ToList();
        if (settingsToTell.Count > 0) return new(ChildSettingOutcome.SettingsNotified, settingsToTell);

        var open = people.SelectMany(id => registers[id]).Where(e => e.IsOpenOn(onDate)).Select(e => e.Register).ToHashSet();
        if (open.Count > 0 && council is { } councilId)
        {
            // Home education is a choice the council knows about; missing education is the more urgent of the two if both are open.
            var recipient = open.Contains(LearnerRegister.ChildrenMissingEducation)
                ? NotificationRecipient.ChildrenMissingEducationLead : NotificationRecipient.ElectiveHomeEducationLead;
            return new(ChildSettingOutcome.SettingsNotified, [new SettingToTell(councilId, recipient)]);
        }

        if (onRoll.Count > 0 || UnderSchoolAge(dateOfBirth, onDate))
            return new(ChildSettingOutcome.UnderSchoolAge, []);
        return new(ChildSettingOutcome.NotFound, []);
    }

    private static bool UnderSchoolAge(LocalDate? dateOfBirth, LocalDate onDate) =>
        dateOfBirth is { } dob && Period.Between(dob, onDate, PeriodUnits.Years).Years < EducationSettings.SchoolAge;
}
