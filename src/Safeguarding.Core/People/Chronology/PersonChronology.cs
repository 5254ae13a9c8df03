using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People.Chronology;

/// <summary>The kinds of record a chronology can be filtered by, in the users' words on the page.</summary>
public enum ChronologyModule
{
    /// <summary>Police domestic incidents and the Operation Encompass notifications to the child's settings.</summary>
    IncidentsAndNotifications,
    /// <summary>DASH results, DRAMM decisions, MARAC referrals and meetings.</summary>
    RiskAndMarac,
    HealthFlags,
    /// <summary>Attendance (summarised per school and year), suspensions, and the CME and EHE registers.</summary>
    AttendanceAndRegisters,
    ChildProtection,
    /// <summary>Police intelligence (PIM), missing episodes and return interviews, exploitation screenings and the VRMP.</summary>
    Exploitation,
}

/// <summary>Where a line leads: the page of the record, drawn by Web (Core knows records, not addresses).</summary>
public enum ChronologyLinkKind
{
    Notification,
    RiskAssessment,
    DrammDay,
    Meeting,
    Attendance,
    ChildProtectionPlan,
    /// <summary>A police incident's page (every version, the people, the DASH and the notifications).</summary>
    Incident,
    /// <summary>The health record flags section of the person's record (no page of its own; the FHIR read is for health systems).</summary>
    HealthFlags,
    IntelligenceItem,
    MissingEpisode,
    ExploitationScreening,
    /// <summary>The child's VRMP page (the id is the child's).</summary>
    Vrmp,
    /// <summary>A Risk Outside The Home case's page.</summary>
    RothCase,
    /// <summary>An A&amp;E Navigator referral's page.</summary>
    NavigatorReferral,
}

public sealed record ChronologyLink(ChronologyLinkKind Kind, Guid Id, string? Detail = null);

/// <summary>
/// One dated event about the person, as a module found it. <see cref="Visible"/> is the module's access decision for
/// this reader (made by <see cref="AccessPolicy"/> with the record's facts); <see cref="Resource"/> is the kind of
/// record the policy governs it as, and <see cref="Sensitive"/> says whether that the record exists is itself a
/// disclosure (MARAC, health flags, child protection plans, meetings): such a record is never counted when hidden
/// (ADR-019). <see cref="Link"/> is set only when the reader's policy opens that page.
/// </summary>
public sealed record ChronologyEntry(
    LocalDate On,
    Instant? At,
    ChronologyModule Module,
    Guid AgencyId,
    string What,
    AuditRecordKey Record,
    Resource Resource,
    bool Visible,
    bool Sensitive = false,
    ChronologyLink? Link = null);

/// <summary>What a module is asked for: the opened person, the reader and the window (both ends inclusive).</summary>
public sealed record ChronologyQuery(Actor Actor, Person Person, LocalDate? From, LocalDate? To, IReadOnlySet<ChronologyModule> Modules)
{
    /// <summary>Whether the reader asked for this module: a source queries only for the modules asked for.</summary>
    public bool Wants(ChronologyModule module) => Modules.Contains(module);

    public bool Includes(LocalDate on) => (From is null || on >= From) && (To is null || on <= To);
}

/// <summary>
/// One module's events about a person, each with its access decision. A source costs a fixed number of queries
/// whatever the person has (never one per row); the window is applied in the query where the date is a column.
/// </summary>
public interface IChronologySource
{
    IReadOnlyCollection<ChronologyModule> Modules { get; }

    Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(ChronologyQuery query, CancellationToken ct);
}

public sealed record ChronologyOptions(Person Person, LocalDate? From = null, LocalDate? To = null, IReadOnlySet<ChronologyModule>? Modules = null);

/// <summary>A line as shown: its agency named.</summary>
public sealed record ChronologyLine(LocalDate On, Instant? At, ChronologyModule Module, string Agency, string What, ChronologyLink? Link);

/// <summary>
/// The lines the reader may see, newest first, and how many they may not see. <see cref="HiddenCounted"/> is false
/// when nothing may be counted at all (a person sealed from the reader, who reached them by break-glass).
/// </summary>
public sealed record PersonChronologyView(Person Person, IReadOnlyList<ChronologyLine> Lines, int Hidden, bool HiddenCounted, ChronologyOptions Options);

/// <summary>
/// The multi-agency chronology social work expects: one dated line per event, newest first, from every module the
/// reader may see. What the reader may not see is counted, not shown, unless counting it would itself disclose
/// something (ADR-019). Each line shown is named in the audit trail; an export is audited with its filters.
/// </summary>
public sealed class PersonChronology(SafeguardingDbContext db, IEnumerable<IChronologySource> sources)
{
    public const string ResourceType = "Chronology";
    public const string ExportAction = "export";

    /// <summary>The chronology of a person the caller has opened (<see cref="PersonRecords.OpenAsync"/> audits that read).</summary>
    public async Task<PersonChronologyView> ReadAsync(ChronologyOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var view = await BuildAsync(options, process, ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, options.Person.Id.ToString(), AuditOutcome.Allowed, Describe(options));
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>The same chronology for a PDF: audited as an export (who exported which person's chronology, with which filters).</summary>
    public async Task<PersonChronologyView> ExportAsync(ChronologyOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var view = await BuildAsync(options, process with { Purpose = "chronology exported" }, ct);
        db.QueueAudit(process, ExportAction, ResourceType, options.Person.Id.ToString(), AuditOutcome.Allowed, Describe(options));
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>The filters in words, for the audit trail: which modules and which dates, never what was found.</summary>
    public static string Describe(ChronologyOptions options) =>
        $"modules: {(options.Modules is { Count: > 0 } m && m.Count < Enum.GetValues<ChronologyModule>().Length ? string.Join(", ", m.Order()) : "all")}; " +
        $"from: {options.From?.ToString("yyyy-MM-dd", null) ?? "any"}; to: {options.To?.ToString("yyyy-MM-dd", null) ?? "any"}";

    /// <summary>
    /// Whether a hidden entry may be counted for this reader (ADR-019): never for a sensitive kind of record, never when
    /// the person is sealed from the reader, and only for a kind of record the reader's role reads somewhere (a GP
    /// practice is not told that police incidents exist; a social worker is told that another agency's DASH does).
    /// </summary>
    public static bool Countable(Actor actor, Person person, ChronologyEntry entry) =>
        !entry.Sensitive && !(person.IsSealed && !SealedPeople.MaySee(actor)) && actor.HasAny(entry.Resource, Operation.Read);

    private async Task<PersonChronologyView> BuildAsync(ChronologyOptions options, ProcessContext process, CancellationToken ct)
    {
        var actor = process.RequireActor();
        var person = options.Person;
        if (person.PartnershipId != actor.PartnershipId) throw new NotFoundException(PersonRecords.ResourceType, person.Id.ToString());
        var wanted = options.Modules is { Count: > 0 } m ? m : Enum.GetValues<ChronologyModule>().ToHashSet();
        var query = new ChronologyQuery(actor, person, options.From, options.To, wanted);
        var entries = new List<ChronologyEntry>();
        foreach (var source in sources.Where(s => s.Modules.Any(wanted.Contains)))
            entries.AddRange((await source.EntriesAsync(query, ct)).Where(e => wanted.Contains(e.Module) && query.Includes(e.On)));

        var shown = entries.Where(e => e.Visible).ToList();
        var hidden = entries.Count(e => !e.Visible && Countable(actor, person, e));
        var agencyIds = shown.Select(e => e.AgencyId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => agencyIds.Contains(o.Id) && o.PartnershipId == actor.PartnershipId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var lines = shown
            .OrderByDescending(e => e.On).ThenByDescending(e => e.At).ThenBy(e => e.Module).ThenBy(e => e.What, StringComparer.Ordinal)
            .Select(e => new ChronologyLine(e.On, e.At, e.Module, names.GetValueOrDefault(e.AgencyId, "Unknown organisation"), e.What, e.Link))
            .ToList();
        foreach (var type in shown.GroupBy(e => e.Record.ResourceType))
            foreach (var id in type.Select(e => e.Record.ResourceId).Distinct())
                db.QueueAudit(process, AuditActions.List, type.Key, id, AuditOutcome.Allowed, "chronology");
        return new PersonChronologyView(person, lines, hidden, !(person.IsSealed && !SealedPeople.MaySee(actor)), options with { Modules = wanted });
    }
}
