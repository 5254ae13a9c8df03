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
        // Nobody can be sure who the child is until a practitioner decides the possible match.
        if (link == LinkOutcome.WaitingForReview) return new(ChildSettingOutcome.Uncertain, []);

        // The person, and anyone merged into them: their records count as theirs.
        var people = await db.People.AsNoTracking().Where(p => p.Id == personId || p.MergedIntoPersonId == personId).Select(p => p.Id).ToListAsync(ct);
        var registrations = await db.Set<Learners.Rolls.PupilRegistration>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && people.Contains(r.PersonId))
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new { Registration = r, o.Type, o.Phase })
            .ToListAsync(ct);
        var onRoll = registrations.Where(r => r.Registration.IsOnRollOn(onDate)).ToList();
        var settingsToTell = onRoll
            .Where(r => r.Phase != SchoolPhase.Nursery || settings.NotifyEarlyYears)
            .Select(r => new SettingToTell(r.Registration.OrganisationId,
                r.Phase == SchoolPhase.Nursery ? NotificationRecipient.EarlyYearsSetting
                : r.Type == OrganisationType.College ? NotificationRecipient.College : NotificationRecipient.School))
            .Distinct().ToList();
        if (settingsToTell.Count > 0) return new(ChildSettingOutcome.SettingsNotified, settingsToTell);

        var registers = await db.Set<LearnerRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && people.Contains(e.PersonId)).ToListAsync(ct);
        var open = registers.Where(e => e.IsOpenOn(onDate)).Select(e => e.Register).ToHashSet();
        if (open.Count > 0 && await CouncilAsync(partnershipId, settings, ct) is { } council)
        {
            // Home education is a choice the council knows about; missing education is the more urgent of the two if both are open.
            var recipient = open.Contains(LearnerRegister.ChildrenMissingEducation)
                ? NotificationRecipient.ChildrenMissingEducationLead : NotificationRecipient.ElectiveHomeEducationLead;
            return new(ChildSettingOutcome.SettingsNotified, [new SettingToTell(council, recipient)]);
        }

        if (onRoll.Count > 0 || (dateOfBirth is { } dob && Period.Between(dob, onDate, PeriodUnits.Years).Years < SchoolAge))
            return new(ChildSettingOutcome.UnderSchoolAge, []);
        return new(ChildSettingOutcome.NotFound, []);
    }

    public async Task<Guid?> CouncilAsync(Guid partnershipId, EncompassSettings settings, CancellationToken ct = default) =>
        settings.CouncilOrganisationId
        ?? await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.CouncilService)
            .OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
}
