using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Learners.Signposting;

/// <summary>
/// What a young person said about their education on a day, for <see cref="EducationCheck"/>: the setting they named (a
/// URN and/or a name) or that they named none, and for a young person over school age whether they are in employment or
/// training, with the advice they were given. <see cref="RaisedFrom"/> is the id of the record it came with.
/// </summary>
public sealed record EducationStatement(Guid PersonId, LocalDate DateOfBirth, LocalDate On, string? SettingUrn, string? SettingName,
    bool? InEmploymentOrTraining, string? Advice, Guid RaisedFrom)
{
    public bool NamesASetting => !string.IsNullOrWhiteSpace(SettingUrn) || !string.IsNullOrWhiteSpace(SettingName);
}

public enum EducationCheckOutcome
{
    /// <summary>Under compulsory school age, or over 18: nothing to check.</summary>
    NotChecked,
    /// <summary>On the named setting's roll: recorded, nothing more.</summary>
    OnNamedRoll,
    /// <summary>On another setting's roll: a roll difference for that setting.</summary>
    RollDifference,
    /// <summary>On no roll, on the council's elective home education register.</summary>
    ElectivelyHomeEducated,
    /// <summary>On no roll and not home educated: a possible CME case.</summary>
    PossibleCme,
    /// <summary>Over school age, 18 or under, naming no setting, job or training: a NEET entry.</summary>
    Neet,
    /// <summary>Over school age and in education, employment or training by their own account.</summary>
    InEducationEmploymentOrTraining,
}

/// <summary>
/// Compares what a young person said about their education with the rolls and registers the partnership holds, on receipt
/// of the record it came with, and raises what follows (<see cref="EducationSignposting"/>), with no clinical detail:
/// <list type="bullet">
/// <item>of compulsory school age on the day (<see cref="CompulsorySchoolAge"/>): on the named setting's roll, nothing more;
/// on another setting's roll, a roll difference for each setting holding them; on no roll and not on the elective home
/// education register, a possible CME case for the council's CME/NEET lead;</item>
/// <item>over school age and 18 or under, naming no setting and not in employment or training: a NEET signposting entry with the advice given.</item>
/// </list>
/// A person with a case of the same kind still open gets no second one. A corrected copy of the record replaces what it
/// raised that nobody has acted on yet. Adds to the caller's unit of work; the caller saves.
/// </summary>
public sealed class EducationCheck(SafeguardingDbContext db)
{
    public const int NeetFrom = 16, NeetTo = 18;

    public async Task<EducationCheckOutcome> RaiseAsync(EducationStatement statement, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnershipId = actor.PartnershipId;
        var s = statement;
        // A corrected copy: what the earlier copy raised and nobody has acted on goes; what was acted on stays.
        var earlier = await db.Set<EducationSignposting>()
            .Where(e => e.PartnershipId == partnershipId && e.RaisedFrom == s.RaisedFrom && e.Status == SignpostingStatus.Open).ToListAsync(ct);
        db.RemoveRange(earlier);

        var age = Period.Between(s.DateOfBirth, s.On, PeriodUnits.Years).Years;
        if (CompulsorySchoolAge.On(s.DateOfBirth, s.On)) return await CheckRollsAsync(partnershipId, s, ct);
        if (age < NeetFrom || age > NeetTo) return EducationCheckOutcome.NotChecked;
        if (s.NamesASetting || s.InEmploymentOrTraining == true) return EducationCheckOutcome.InEducationEmploymentOrTraining;
        await RaiseOnceAsync(partnershipId, SignpostingKind.Neet, s, null, null, Clean(s.Advice), ct);
        return EducationCheckOutcome.Neet;
    }

    private async Task<EducationCheckOutcome> CheckRollsAsync(Guid partnershipId, EducationStatement s, CancellationToken ct)
    {
        var onRoll = (await db.Set<PupilRegistration>().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.PersonId == s.PersonId).ToListAsync(ct)).Where(r => r.IsOnRollOn(s.On)).ToList();
        var named = await NamedSettingAsync(partnershipId, s, ct);
        if (named is { } namedId && onRoll.Any(r => r.OrganisationId == namedId)) return EducationCheckOutcome.OnNamedRoll;
        if (onRoll.Count > 0)
        {
            foreach (var roll in onRoll.DistinctBy(r => r.OrganisationId))
                await RaiseOnceAsync(partnershipId, SignpostingKind.RollDifference, s, roll.OrganisationId, roll.LocalId, null, ct);
            return EducationCheckOutcome.RollDifference;
        }
        var homeEducated = (await db.Set<LearnerRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.PersonId == s.PersonId && e.Register == LearnerRegister.ElectiveHomeEducation).ToListAsync(ct))
            .Any(e => e.IsOpenOn(s.On));
        if (homeEducated) return EducationCheckOutcome.ElectivelyHomeEducated;
        await RaiseOnceAsync(partnershipId, SignpostingKind.PossibleCme, s, null, null, null, ct);
        return EducationCheckOutcome.PossibleCme;
    }

    /// <summary>The school or college named: by URN when given, else by its exact name.</summary>
    private async Task<Guid?> NamedSettingAsync(Guid partnershipId, EducationStatement s, CancellationToken ct)
    {
        var settings = db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && (o.Type == OrganisationType.School || o.Type == OrganisationType.College));
        if (Clean(s.SettingUrn) is { } urn) return await settings.Where(o => o.Urn == urn).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (Clean(s.SettingName) is { } name)
        {
            var lower = name.ToLowerInvariant();
            return await settings.Where(o => o.Name.ToLower() == lower).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    private async Task RaiseOnceAsync(Guid partnershipId, SignpostingKind kind, EducationStatement s, Guid? owner, string? rollLocalId, string? advice, CancellationToken ct)
    {
        var open = await db.Set<EducationSignposting>().AnyAsync(e => e.PartnershipId == partnershipId && e.PersonId == s.PersonId && e.Kind == kind
            && e.OwnerOrganisationId == owner && e.Status == SignpostingStatus.Open && e.RaisedFrom != s.RaisedFrom, ct);
        if (open) return;
        db.Add(new EducationSignposting
        {
            PartnershipId = partnershipId, Kind = kind, PersonId = s.PersonId, OwnerOrganisationId = owner, RollLocalId = rollLocalId, RaisedFrom = s.RaisedFrom,
            NamedOn = s.On, NamedSettingUrn = Clean(s.SettingUrn), NamedSettingName = Clean(s.SettingName), Advice = advice,
            RaisedAt = db.Clock.GetCurrentInstant(), Status = SignpostingStatus.Open,
        });
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
