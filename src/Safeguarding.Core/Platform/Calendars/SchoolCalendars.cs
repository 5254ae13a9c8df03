using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>A calendar to publish (replacing the one published): a setting's own, or the council's default when <paramref name="OrganisationId"/> is null.</summary>
public sealed record PublishCalendarOptions(Guid? OrganisationId, LocalTime? DayStart, IReadOnlyList<TermDates> Terms, IReadOnlyList<LocalDate> Closures);

/// <summary>A calendar to open: a setting's own, or the council's default when <paramref name="OrganisationId"/> is null.</summary>
public sealed record OpenCalendarOptions(Guid? OrganisationId);

/// <summary>One calendar as its page shows it.</summary>
/// <param name="Setting">The school or college; null for the council's default.</param>
/// <param name="CanEdit">Whether the person opening it may publish it.</param>
/// <param name="Published">The calendar as published (not combined with the default), if it has been.</param>
/// <param name="Effective">The school days the setting follows: its own calendar over the council's.</param>
public sealed record CalendarOpening(Organisation? Setting, bool CanEdit, SchoolCalendar? Published, SchoolDays Effective);

/// <summary>The calendars a person may see: the council's default and the settings' (every one, or their own).</summary>
public sealed record CalendarList(bool SeesEverySetting, bool DefaultPublished, IReadOnlyList<CalendarListRow> Settings);

public sealed record CalendarListRow(Organisation Setting, bool HasOwnCalendar);

/// <summary>A calendar refused before publishing, with every problem found (see <see cref="CalendarRules"/>).</summary>
public sealed class InvalidCalendarException(IReadOnlyList<CalendarProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<CalendarProblem> Problems { get; } = problems;
}

/// <summary>
/// Publishes school calendars and works out each setting's school days: its own calendar over the council's
/// default one (see <see cref="SchoolCalendar"/> for what is inherited).
/// </summary>
public sealed class SchoolCalendars(SafeguardingDbContext db)
{
    /// <summary>What the audit trail calls a calendar.</summary>
    public const string ResourceType = "SchoolCalendar";

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

    /// <summary>
    /// A calendar for its page: a setting's calendar is seen by the setting and the council, the council's default by
    /// every setting (each follows it). Null when there is no such school or college in the partnership.
    /// </summary>
    public async Task<CalendarOpening?> OpenAsync(OpenCalendarOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnership = actor.PartnershipId;
        Organisation? setting = null;
        bool canEdit;
        if (options.OrganisationId is { } id)
        {
            setting = await db.Organisations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.Id == id && o.PartnershipId == partnership && (o.Type == OrganisationType.School || o.Type == OrganisationType.College), ct);
            if (setting is null) return null;
            if (!AccessPolicy.Decide(actor, Resource.SchoolCalendar, Operation.Read, new RecordFacts(partnership, id)).Allowed)
                throw new ForbiddenException(ResourceType, id.ToString(), "not this setting's calendar");
            canEdit = AccessPolicy.Decide(actor, Resource.SchoolCalendar, Operation.Update, new RecordFacts(partnership, id)).Allowed;
        }
        else
        {
            if (!actor.HasAny(Resource.SchoolCalendar, Operation.Read)) throw new ForbiddenException(ResourceType, null, "no role grants Read on SchoolCalendar");
            canEdit = AccessPolicy.Decide(actor, Resource.SchoolCalendar, Operation.Update, new RecordFacts(partnership)).Allowed;
        }
        return new CalendarOpening(setting, canEdit, await PublishedAsync(partnership, options.OrganisationId, ct),
            await ForSettingAsync(partnership, options.OrganisationId, ct));
    }

    /// <summary>The council's default and the settings' calendars the person may see: every school and college for the council, else their own.</summary>
    public async Task<CalendarList> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var every = actor.Grants.Any(g => g is { Resource: Resource.SchoolCalendar, Operation: Operation.Read, Scope: Scope.WholePartnership });
        var partnership = actor.PartnershipId;
        var settings = await db.Organisations.AsNoTracking().SettingsOf(partnership, every ? null : actor.OrganisationId).ToListAsync(ct);
        var withOwn = await db.SchoolCalendars.AsNoTracking().Where(c => c.PartnershipId == partnership)
            .Select(c => c.OrganisationId).ToListAsync(ct);
        return new CalendarList(every, withOwn.Contains(null), [.. settings.Select(s => new CalendarListRow(s, withOwn.Contains(s.Id)))]);
    }

    /// <summary>
    /// What is wrong with a calendar before it is published (<see cref="CalendarRules"/>): a setting's closures are
    /// checked against the council's terms when it has none of its own. The same checks whoever sends the calendar.
    /// </summary>
    public async Task<IReadOnlyList<CalendarProblem>> CheckAsync(Guid partnershipId, Guid? organisationId, IReadOnlyList<TermDates> terms,
        IReadOnlyList<LocalDate> closures, CancellationToken ct = default)
    {
        var inherited = organisationId is null ? [] : (await ForSettingAsync(partnershipId, null, ct)).Terms;
        return [.. CalendarRules.Check(terms, closures, inherited).Select(p => new CalendarProblem(p.Where, p.Message))];
    }

    /// <summary>
    /// Publishes (replaces) a calendar: the council's default when the options name no setting. A calendar with
    /// overlapping terms or closures outside every term is refused (<see cref="InvalidCalendarException"/>), saving nothing.
    /// </summary>
    public async Task<SchoolCalendar> PublishAsync(PublishCalendarOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (organisationId, dayStart, terms, closures) = options;
        var mayPublish = organisationId is { } orgId
            ? AccessPolicy.Decide(actor, Resource.SchoolCalendar, Operation.Update, new RecordFacts(actor.PartnershipId, orgId)).Allowed
            : AccessPolicy.Decide(actor, Resource.SchoolCalendar, Operation.Update, new RecordFacts(actor.PartnershipId)).Allowed && actor.HasAny(Resource.SchoolCalendar, Operation.Update);
        if (!mayPublish) throw new ForbiddenException(ResourceType, organisationId?.ToString(), "Publishing this calendar is not granted.");
        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id && o.PartnershipId == actor.PartnershipId, ct))
            throw new NotFoundException(nameof(Organisation), id.ToString());
        var problems = await CheckAsync(actor.PartnershipId, organisationId, terms, closures, ct);
        if (problems.Count > 0) throw new InvalidCalendarException(problems);

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
