using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>
/// Publishes school calendars and works out each setting's school days: its own calendar over the council's
/// default one (see <see cref="SchoolCalendar"/> for what is inherited).
/// </summary>
public sealed class SchoolCalendars(SafeguardingDbContext db)
{
    /// <summary>The school days of a setting; pass null for the council's default calendar.</summary>
    public async Task<SchoolDays> ForSettingAsync(Guid partnershipId, Guid? organisationId, CancellationToken ct = default)
    {
        var calendars = await db.Set<SchoolCalendar>().AsNoTracking().Include(c => c.Terms).Include(c => c.Closures).AsSplitQuery()
            .Where(c => c.PartnershipId == partnershipId && (c.OrganisationId == null || c.OrganisationId == organisationId))
            .ToListAsync(ct);
        return Combine(calendars.SingleOrDefault(c => c.OrganisationId == null),
            organisationId is null ? null : calendars.SingleOrDefault(c => c.OrganisationId == organisationId));
    }

    /// <summary>The calendar as published (not combined with the default): the council's when <paramref name="organisationId"/> is null.</summary>
    public Task<SchoolCalendar?> PublishedAsync(Guid partnershipId, Guid? organisationId, CancellationToken ct = default) =>
        db.Set<SchoolCalendar>().AsNoTracking().Include(c => c.Terms).Include(c => c.Closures).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.PartnershipId == partnershipId && c.OrganisationId == organisationId, ct);

    /// <summary>Every setting's school days at once (for bulk intake): settings without a calendar of their own get the default's.</summary>
    public async Task<Func<Guid?, SchoolDays>> AllAsync(Guid partnershipId, CancellationToken ct = default)
    {
        var calendars = await db.Set<SchoolCalendar>().AsNoTracking().Include(c => c.Terms).Include(c => c.Closures).AsSplitQuery()
            .Where(c => c.PartnershipId == partnershipId).ToListAsync(ct);
        var defaultCalendar = calendars.SingleOrDefault(c => c.OrganisationId == null);
        var inherited = Combine(defaultCalendar, null);
        var own = calendars.Where(c => c.OrganisationId is not null).ToDictionary(c => c.OrganisationId!.Value, c => Combine(defaultCalendar, c));
        return organisationId => organisationId is { } id && own.TryGetValue(id, out var days) ? days : inherited;
    }

    internal static SchoolDays Combine(SchoolCalendar? defaults, SchoolCalendar? own)
    {
        var dayStart = own?.DayStart ?? defaults?.DayStart ?? SchoolDays.DefaultDayStart;
        var ownTerms = own?.Terms ?? [];
        // A setting that publishes its own terms has its own year; one that does not follows the council's, closures included.
        var terms = ownTerms.Count > 0 ? ownTerms : defaults?.Terms ?? [];
        var closures = (own?.Closures ?? []).Select(c => c.Date);
        if (ownTerms.Count == 0) closures = closures.Concat(defaults?.Closures.Select(c => c.Date) ?? []);
        return new SchoolDays(dayStart, terms.Select(t => new TermDates(t.Start, t.End)), closures);
    }

    /// <summary>Publishes (replaces) a calendar: the council's default when <paramref name="organisationId"/> is null.</summary>
    public async Task<SchoolCalendar> PublishAsync(Actor actor, Guid? organisationId, LocalTime? dayStart, IEnumerable<TermDates> terms,
        IEnumerable<LocalDate> closures, ProcessContext process, CancellationToken ct = default)
    {
        var mayPublish = organisationId is { } orgId
            ? AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(actor.PartnershipId, orgId)).Allowed
            : AccessPolicy.Decide(actor, Resource.PupilRoll, Operation.Update, new RecordFacts(actor.PartnershipId)).Allowed && actor.HasAny(Resource.PupilRoll, Operation.Update);
        if (!mayPublish) throw new UnauthorizedAccessException("Publishing this calendar is not granted.");
        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id && o.PartnershipId == actor.PartnershipId, ct))
            throw new KeyNotFoundException("No such setting in this partnership.");

        db.Process = process;
        var calendar = await db.Set<SchoolCalendar>().Include(c => c.Terms).Include(c => c.Closures).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.PartnershipId == actor.PartnershipId && c.OrganisationId == organisationId, ct);
        if (calendar is null)
        {
            calendar = new SchoolCalendar { PartnershipId = actor.PartnershipId, OrganisationId = organisationId };
            db.Add(calendar);
        }
        calendar.DayStart = dayStart;
        calendar.UpdatedAt = db.Clock.GetCurrentInstant();
        calendar.Terms.Clear();
        calendar.Terms.AddRange(terms.Distinct().OrderBy(t => t.Start).Select(t => new SchoolTerm { Start = t.Start, End = t.End }));
        calendar.Closures.Clear();
        calendar.Closures.AddRange(closures.Distinct().Order().Select(d => new SchoolClosure { Date = d }));
        await db.SaveChangesAsync(ct);
        return calendar;
    }
}
