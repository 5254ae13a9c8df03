using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

/// <summary>Which months: the 12 complete months before the one <paramref name="Today"/> is in (today in London when null).</summary>
public sealed record RegisterFiguresOptions(LocalDate? Today = null);

/// <summary>
/// One line of a monthly table: its count in each month, oldest first. With <paramref name="Bases"/> the line is a
/// percentage, <c>Counts[i]</c> of <c>Bases[i]</c> (the C(E)TR standards will be: admissions with a community C(E)TR
/// before them, of all admissions). <paramref name="IsTotal"/>: the total of a breakdown's parts, not one of them.
/// With <paramref name="Unit"/> (and <paramref name="Bases"/>) the line is a median in that unit ("days"), <c>Counts[i]</c>
/// being the median of <c>Bases[i]</c> children's figures (suppressed as a percentage is, by its base).
/// </summary>
public sealed record MonthlyRow(string Label, IReadOnlyList<int> Counts, IReadOnlyList<int>? Bases = null, bool IsTotal = false, string? Unit = null);

/// <summary>
/// A table of monthly figures. A <paramref name="Breakdown"/> splits the children on the register at each month's end
/// into parts (by rating, age band, need, area): where a part is suppressed, enough others are too that it cannot be
/// worked out from the rest. Otherwise each line counts something of its own (new entries, exits).
/// <paramref name="Standard"/>: the percentage a rate line is measured against (90 for community C(E)TRs), drawn as a line.
/// </summary>
public sealed record MonthlyTable(string Id, string Title, string CategoryHeading, IReadOnlyList<MonthlyRow> Rows, bool Breakdown, double? Standard = null);

/// <summary>The months counted (oldest first) and the register's tables over them.</summary>
public sealed record RegisterFiguresReport(YearMonth First, YearMonth Last, IReadOnlyList<MonthlyTable> Tables)
{
    public IReadOnlyList<YearMonth> Months => [.. Enumerable.Range(0, 12).Select(First.PlusMonths)];
}

/// <summary>
/// The register's monthly figures for the ICB and the partnership (docs/support-register.md, "Figures"): children on
/// the register at each month's end by their rating then (from the rating history), by age band, need and area, and
/// whether a keyworker is allocated; new entries (consent given) and exits (consent withdrawn) in each month. Counts
/// only, for the complex-needs unit and the partnership's figures readers; no child is named; reading is audited.
/// Small counts are suppressed by the page, by the shared rule, not here. Each topic is one table in
/// <see cref="BuildAsync"/>'s list: the C(E)TR figures (admissions and how many had a community C(E)TR before them against
/// the 90% standard, post-admission and inpatient C(E)TRs on time, length of stay) are built in RegisterFigures.Cetrs.cs.
/// </summary>
public sealed partial class RegisterFigures(SafeguardingDbContext db)
{
    public const string ResourceType = "SupportRegisterFigures";

    public static readonly (string Label, int From, int To)[] AgeBands = [("Under 10", 0, 9), ("10 to 13", 10, 13), ("14 to 15", 14, 15), ("16 to 17", 16, 17), ("18 and over", 18, 200)];
    public const string NotKnown = "Not known";

    /// <summary>
    /// Who may read the register's figures: the partnership's figures readers (AggregateFigures Read across the
    /// partnership) and who keeps the whole register (the complex-needs unit); not a lead practitioner or a school.
    /// </summary>
    public static bool MayRead(Actor actor) =>
        actor.SeesPartnershipFigures
        || actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership });

    public async Task<RegisterFiguresReport> BuildAsync(RegisterFiguresOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!MayRead(actor))
            throw new ForbiddenException(ResourceType, null, "the register's figures are for the complex-needs unit and the partnership's figures readers");
        var today = options.Today ?? SupportRegisterEntries.Today(db.Clock.GetCurrentInstant());
        var last = today.ToYearMonth().PlusMonths(-1);
        var first = last.PlusMonths(-11);
        var months = Enumerable.Range(0, 12).Select(first.PlusMonths).ToList();
        var lastDay = last.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        var partnershipId = actor.PartnershipId;

        // Every child who was ever on the register up to the last month's end: consent given (withdrawn or not).
        var entries = await db.Set<SupportRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.ConsentGivenOn != null && e.ConsentGivenOn <= lastDay)
            .Select(e => new { e.Id, e.PersonId, e.Need, ConsentGivenOn = e.ConsentGivenOn!.Value, e.ConsentWithdrawnOn, e.Keyworker }).ToListAsync(ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var keyworkers = await KeyworkerHistoryAsync(partnershipId, lastDay, ct);
        var end = EndOf(last);
        var ratings = (await db.Set<SupportRating>().AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.RatedAt < end)
                .Select(r => new { r.EntryId, r.Rating, r.RatedAt, r.Id }).ToListAsync(ct))
            .Where(r => entryIds.Contains(r.EntryId)).GroupBy(r => r.EntryId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RatedAt).ThenBy(r => r.Id).Select(r => (r.RatedAt, r.Rating)).ToList());
        var personIds = entries.Select(e => e.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.DateOfBirth, p.HouseholdId })
            .ToDictionaryAsync(p => p.Id, ct);
        var areas = await AreasAsync(personIds, people.Values.Where(p => p.HouseholdId != null).Select(p => (p.Id, p.HouseholdId!.Value)).ToList(), ct);

        // The children on the register at a month's end: consent given by then and not withdrawn by then (withdrawal takes
        // the child off on its day).
        var onRegister = months.Select(m =>
        {
            var day = m.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
            return entries.Where(e => e.ConsentGivenOn <= day && (e.ConsentWithdrawnOn is not { } w || w > day)).ToList();
        }).ToList();

        string RatingAt(Guid entryId, YearMonth month)
        {
            var before = EndOf(month);
            var rating = ratings.GetValueOrDefault(entryId)?.LastOrDefault(r => r.RatedAt < before);
            return rating is { } r ? Describe(r.Rating) : "Not yet rated";
        }
        string Band(Guid personId, YearMonth month)
        {
            if (people.GetValueOrDefault(personId)?.DateOfBirth is not { } dob) return NotKnown;
            var age = Period.Between(dob, month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1), PeriodUnits.Years).Years;
            return AgeBands.First(b => age >= b.From && age <= b.To).Label;
        }

        var ratingOrder = Enum.GetValues<SupportRatingLevel>().Select(Describe).Append("Not yet rated").ToList();
        List<MonthlyTable> tables =
        [
            Parts("ratings", "Children on the register at the month's end, by their rating then", "Rating", months, onRegister,
                (e, m) => RatingAt(e.Id, m), ratingOrder, total: "All children on the register"),
            new("new-and-exits", "New entries and exits in the month", "Change",
            [
                new("New entries (consent given)", [.. months.Select(m => entries.Count(e => e.ConsentGivenOn.ToYearMonth() == m))]),
                new("Exits (consent withdrawn)", [.. months.Select(m => entries.Count(e => e.ConsentWithdrawnOn?.ToYearMonth() == m))]),
            ], Breakdown: false),
            Parts("keyworkers", "Children on the register at the month's end, by keyworker allocation", "Keyworker", months, onRegister,
                (e, m) => KeyworkerAt(keyworkers.GetValueOrDefault(e.Id), e.Keyworker, m), KeyworkerParts),
            Parts("age", "Children on the register at the month's end, by age then", "Age", months, onRegister,
                (e, m) => Band(e.PersonId, m), [.. AgeBands.Select(b => b.Label), NotKnown]),
            Parts("need", "Children on the register at the month's end, by need", "Need", months, onRegister,
                (e, _) => Describe(e.Need), [.. Enum.GetValues<SupportNeed>().Select(Describe)]),
            Parts("area", "Children on the register at the month's end, by area (postcode district)", "Area", months, onRegister,
                (e, _) => areas.GetValueOrDefault(e.PersonId) ?? NotKnown, null),
            // The C(E)TR figures, each a table of its own (RegisterFigures.Cetrs.cs).
            .. await CetrTablesAsync(partnershipId, months, ct),
        ];

        db.QueueAudit(process, AuditActions.Read, ResourceType, $"{first:yyyy-MM}/{last:yyyy-MM}", AuditOutcome.Allowed, "figures only");
        await db.SaveChangesAsync(ct);
        return new RegisterFiguresReport(first, last, tables);
    }

    /// <summary>Records that the figures were downloaded (the CSV), beside the read.</summary>
    public async Task RecordExportAsync(RegisterFiguresReport report, ProcessContext process, CancellationToken ct = default)
    {
        db.QueueAudit(process, "export", ResourceType, $"{report.First:yyyy-MM}/{report.Last:yyyy-MM}", AuditOutcome.Allowed, "csv");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A breakdown of each month's children into parts: every listed part shown (zero or not) in the order given, else
    /// parts largest first over the year; with <paramref name="total"/>, a first line counting them all.
    /// </summary>
    private static MonthlyTable Parts<T>(string id, string title, string heading, List<YearMonth> months, List<List<T>> onRegister,
        Func<T, YearMonth, string> part, IReadOnlyList<string>? order, string? total = null)
    {
        var counts = months.Select((m, i) => onRegister[i].GroupBy(e => part(e, m)).ToDictionary(g => g.Key, g => g.Count())).ToList();
        var labels = order ?? [.. counts.SelectMany(c => c).GroupBy(c => c.Key).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
        var rows = labels.Select(l => new MonthlyRow(l, [.. counts.Select(c => c.GetValueOrDefault(l))])).ToList();
        if (total is not null) rows.Insert(0, new MonthlyRow(total, [.. onRegister.Select(c => c.Count)], IsTotal: true));
        return new MonthlyTable(id, title, heading, rows, Breakdown: true);
    }

    /// <summary>
    /// Each child's area: the postcode district of their household, else of the latest agency record that gave a
    /// postcode (as the line of sight report finds it).
    /// </summary>
    private async Task<Dictionary<Guid, string>> AreasAsync(List<Guid> personIds, List<(Guid Person, Guid Household)> households, CancellationToken ct)
    {
        var householdIds = households.Select(h => h.Household).Distinct().ToList();
        var postcodes = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Postcode, ct);
        var recorded = (await db.SourceRecords.AsNoTracking().Where(r => r.PersonId != null && personIds.Contains(r.PersonId.Value) && r.Postcode != null)
                .Select(r => new { PersonId = r.PersonId!.Value, r.Postcode, r.ReceivedAt }).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReceivedAt).First().Postcode);
        var byHousehold = households.ToDictionary(h => h.Person, h => District(postcodes.GetValueOrDefault(h.Household)));
        return personIds.Select(p => (p, Area: byHousehold.GetValueOrDefault(p) ?? District(recorded.GetValueOrDefault(p))))
            .Where(a => a.Area is not null).ToDictionary(a => a.p, a => a.Area!);
    }

    /// <summary>"LS8 4AB" is district "LS8"; a postcode written without its space keeps all but its last three characters.</summary>
    public static string? District(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var p = postcode.Trim().ToUpperInvariant();
        var space = p.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? p[..space] : p.Length > 4 ? p[..^3] : p;
    }

    /// <summary>The first instant after a month, in London.</summary>
    private static Instant EndOf(YearMonth month) => month.OnDayOfMonth(1).PlusMonths(1).AtStartOfDayInZone(ReferralClock.London).ToInstant();

    public static string Describe(SupportRatingLevel rating) => rating switch
    {
        SupportRatingLevel.Blue => "Blue",
        SupportRatingLevel.Red => "Red",
        SupportRatingLevel.Amber => "Amber",
        _ => "Green",
    };

    public static string Describe(SupportNeed need) => need switch
    {
        SupportNeed.LearningDisability => "Learning disability",
        SupportNeed.Autism => "Autism",
        SupportNeed.LearningDisabilityAndAutism => "Learning disability and autism",
        _ => "Awaiting assessment",
    };
}
