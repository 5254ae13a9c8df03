using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

public sealed record DemoEncompassSummary(int Incidents, int WithChildren, int Notifications, int ChildrenToPlace);

/// <summary>
/// Operation Encompass in the demo partnership: the council's term calendar (and some schools' own INSET days and
/// day starts), a roll for every school and college from the pupils their records already name, a few children on
/// the EHE and CME registers, and police incidents at the seed's rate (about 60 a day, 24.4% with children) sent
/// through the same intake as the API. Deterministic: the same seed gives the same partnership.
/// </summary>
public sealed class DemoEncompass(SafeguardingDbContext db, PersonIndex index)
{
    public const double IncidentsPerDay = 60;
    public const double ShareWithChildren = 0.244;

    public async Task<DemoEncompassSummary> SeedAsync(Guid partnershipId, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        if (await db.DomesticIncidents.AnyAsync(i => i.PartnershipId == partnershipId, ct)) return new(0, 0, 0, 0);
        var random = new Random(20261129);
        var now = db.Clock.GetCurrentInstant();
        var today = now.InZone(SchoolDays.London).Date;
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).ToListAsync(ct);
        var police = orgs.First(o => o.Type == OrganisationType.PoliceForce);
        var council = orgs.Where(o => o.Type == OrganisationType.CouncilService).OrderBy(o => o.Name.Contains("Learning Inclusion", StringComparison.Ordinal) ? 0 : 1).First();
        var settings = orgs.Where(o => o.Type is OrganisationType.School or OrganisationType.College).OrderBy(o => o.Name).ToList();
        var system = ProcessContext.System("demo:encompass", "demonstration data");

        db.Process = system;
        db.EncompassSettings.Add(new EncompassSettings
        {
            PartnershipId = partnershipId, CouncilOrganisationId = council.Id,
            ContactName = "Aire Valley Police Safeguarding Hub", ContactDetails = "0113 496 0000 (demonstration number), 8am to 6pm",
        });
        SeedCalendars(partnershipId, settings, today, random);
        await db.SaveChangesAsync(ct);
        await SeedRollsAsync(partnershipId, settings, council, today, random, ct);

        // Four days at the seed's rate, one incident at a time as the police feed sends them; SeedYearAsync writes the rest
        // of the year behind them through the batch intake (the small demo's web host later, the city's seed at once:
        // one at a time, the city's year took hours).
        return await SeedIncidentsAsync(partnershipId, police, now, RecentDays, random, progress, ct);
    }

    /// <summary>An English council's academic year: six terms around October, February and May half-terms, Christmas and Easter.</summary>
    public static IEnumerable<TermDates> AcademicYear(int startYear)
    {
        static LocalDate LastMonday(int year, int month)
        {
            var d = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
            while (d.DayOfWeek != IsoDayOfWeek.Monday) d = d.PlusDays(-1);
            return d;
        }
        static LocalDate OnOrAfter(LocalDate d, IsoDayOfWeek day) { while (d.DayOfWeek != day) d = d.PlusDays(1); return d; }
        static LocalDate OnOrBefore(LocalDate d, IsoDayOfWeek day) { while (d.DayOfWeek != day) d = d.PlusDays(-1); return d; }

        var autumnStart = OnOrAfter(new LocalDate(startYear, 9, 2), IsoDayOfWeek.Wednesday);
        var october = LastMonday(startYear, 10);
        yield return new(autumnStart, october.PlusDays(-3));
        yield return new(october.PlusDays(7), OnOrBefore(new LocalDate(startYear, 12, 19), IsoDayOfWeek.Friday));
        var y = startYear + 1;
        var february = OnOrAfter(new LocalDate(y, 2, 15), IsoDayOfWeek.Monday);
        var easter = Easter(y);
        yield return new(OnOrAfter(new LocalDate(y, 1, 5), IsoDayOfWeek.Monday), february.PlusDays(-3));
        yield return new(february.PlusDays(7), easter.PlusDays(-9));
        var may = LastMonday(y, 5);
        yield return new(easter.PlusDays(8), may.PlusDays(-3));
        yield return new(may.PlusDays(7), OnOrBefore(new LocalDate(y, 7, 22), IsoDayOfWeek.Friday));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm).</summary>
    public static LocalDate Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    private void SeedCalendars(Guid partnershipId, List<Organisation> settings, LocalDate today, Random random)
    {
        var first = today.Month >= 9 ? today.Year - 1 : today.Year - 2;
        var terms = Enumerable.Range(first, 4).SelectMany(AcademicYear).ToList();
        db.SchoolCalendars.Add(new SchoolCalendar
        {
            PartnershipId = partnershipId, DayStart = SchoolDays.DefaultDayStart, UpdatedAt = db.Clock.GetCurrentInstant(),
            Terms = [.. terms.Select(t => new SchoolTerm { Start = t.Start, End = t.End })],
        });
        // Each school its INSET days (the first day of the year and the day after a half-term, mostly); some start later.
        foreach (var setting in settings)
        {
            var inset = terms.Where(t => t.Start.Month is 9 or 11 or 1 && random.NextDouble() < 0.5).Select(t => t.Start).ToList();
            db.SchoolCalendars.Add(new SchoolCalendar
            {
                PartnershipId = partnershipId, OrganisationId = setting.Id, UpdatedAt = db.Clock.GetCurrentInstant(),
                DayStart = setting.Type == OrganisationType.College ? new LocalTime(9, 0) : random.NextDouble() < 0.2 ? new LocalTime(8, 45) : null,
                Closures = [.. inset.Select(d => new SchoolClosure { Date = d, Reason = "INSET day" })],
            });
        }
    }

    /// <summary>Rolls from the pupils each setting's records already name; a few children left school for home education or went missing.</summary>
    private async Task SeedRollsAsync(Guid partnershipId, List<Organisation> settings, Organisation council, LocalDate today, Random random, CancellationToken ct)
    {
        var ids = settings.Select(s => s.Id).ToList();
        var pupils = await db.SourceRecords.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && ids.Contains(r.OrganisationId) && r.PersonId != null)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.OrganisationId, r.LocalId, PersonId = r.PersonId!.Value, r.DateOfBirth }).ToListAsync(ct);
        var listed = db.Clock.GetCurrentInstant();
        var registrations = pupils.Select(p => new PupilRegistration
        {
            PartnershipId = partnershipId, OrganisationId = p.OrganisationId, PersonId = p.PersonId, SourceRecordId = p.Id, LocalId = p.LocalId,
            StartedOn = new LocalDate(today.Month >= 9 ? today.Year - 1 : today.Year - 2, 9, 3), EnrolStatus = "C", LastListedAt = listed,
        }).ToList();
        // Some children are on two rolls (dual registration): mark them M at one and S at the other.
        foreach (var dual in registrations.GroupBy(r => r.PersonId).Where(g => g.Count() > 1))
        {
            var (main, subsidiary) = (dual.First(), dual.Skip(1));
            main.EnrolStatus = "M";
            foreach (var s in subsidiary) s.EnrolStatus = "S";
        }
        db.PupilRegistrations.AddRange(registrations);

        var leftOn = today.PlusDays(-60);
        foreach (var (register, count) in new[] { (LearnerRegister.ElectiveHomeEducation, 6), (LearnerRegister.ChildrenMissingEducation, 3) })
        {
            foreach (var child in registrations.Where(r => r.LeftOn is null).OrderBy(_ => random.Next()).Take(count).ToList())
            {
                foreach (var r in registrations.Where(r => r.PersonId == child.PersonId)) r.LeftOn = leftOn;
                db.LearnerRegisterEntries.Add(new LearnerRegisterEntry
                {
                    PartnershipId = partnershipId, Register = register, PersonId = child.PersonId, SourceRecordId = child.SourceRecordId,
                    From = leftOn.PlusDays(1), RecordedAt = listed,
                });
            }
        }
        db.Process = ProcessContext.System("demo:encompass", "demonstration rolls") with { SummariseWrites = true };
        await db.SaveChangesAsync(ct);
        _ = council;
    }

    private async Task<DemoEncompassSummary> SeedIncidentsAsync(Guid partnershipId, Organisation police, Instant now, int days, Random random,
        IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var actor = await PoliceFeedAsync(partnershipId, police, ct);
        var process = new ProcessContext(IntakeProcess, actor, "demonstration police incident feed", "local");
        var intake = new IncidentIntake(db, index, new Quarantine(db));
        var children = await ChildrenOnRollsAsync(partnershipId, ct);
        var total = (int)(days * IncidentsPerDay);
        int withChildren = 0, notifications = 0, waiting = 0, sent = 0;
        // One transaction per simulated day: each incident is still taken in by itself, without a disk flush for every one.
        for (var day = days; day >= 1; day--)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var count = (int)Math.Round(IncidentsPerDay + (random.NextDouble() - 0.5) * 20);
            for (var n = 0; n < count; n++)
            {
                var report = NewReport(random, now, day, sent, children);
                var kids = report.Children!;
                var result = await intake.ReceiveAsync(new ReceiveIncidentOptions(JsonSerializer.Serialize(report, IncidentReport.Json), "demonstration police feed"), process, ct);
                db.ChangeTracker.Clear();
                sent++;
                if (kids.Count > 0) withChildren++;
                notifications += result.NotificationsMade;
                waiting += result.ChildrenWaitingForASetting;
                if (sent % 50 == 0) progress?.Report(new DemoProgress("Police incidents (Operation Encompass)", sent, total));
            }
            await transaction.CommitAsync(ct);
        }
        progress?.Report(new DemoProgress("Police incidents (Operation Encompass)", total, total));
        await ReceivedAsReportedAsync(partnershipId, now, ct);
        return new DemoEncompassSummary(sent, withChildren, notifications, waiting);
    }

    /// <summary>One incident of the demo's police feed, reported on the given day before now: most in the evening or at night, a quarter with children.</summary>
    private static IncidentReport NewReport(Random random, Instant now, int day, int sent, List<SourceRecord> children, int firstReference = 100000)
    {
        var categories = Enum.GetNames<DomesticAbuseCategory>();
        // Most incidents are reported in the evening and at night.
        var hour = random.NextDouble() < 0.7 ? 17 + random.Next(9) : random.Next(24);
        var reported = now - Duration.FromDays(day) + Duration.FromHours(hour - 12) + Duration.FromMinutes(random.Next(60));
        if (reported > now) reported = now - Duration.FromMinutes(5);
        var occurred = reported - Duration.FromMinutes(10 + random.Next(180));
        var group = DemoNames.Groups[random.Next(DemoNames.Groups.Length)];
        var family = group.Surnames[random.Next(group.Surnames.Length)];
        var kids = new List<ReportedChild>();
        if (random.NextDouble() < ShareWithChildren && children.Count > 0)
        {
            var child = children[random.Next(children.Count)];
            family = child.FamilyName!;
            kids.Add(Child(child, random));
            if (random.NextDouble() < 0.3)
            {
                // A brother or sister the index knows, or a child nobody has on a roll.
                var sibling = children.FirstOrDefault(c => c.FamilyName == child.FamilyName && c.Postcode == child.Postcode && c.Id != child.Id);
                kids.Add(sibling is not null ? Child(sibling, random)
                    : new ReportedChild { GivenName = random.Next(2) == 0 ? "Tobiah" : "Marisol", FamilyName = family,
                        DateOfBirth = $"{2012 + random.Next(8)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}", Present = false, Resident = true,
                        Relationship = "sibling" });
            }
            if (random.NextDouble() < 0.1)
            {
                // A baby in the household: under school age, recorded not notified.
                var born = now.InUtc().Date.PlusDays(-random.Next(60, 1400));
                kids.Add(new ReportedChild { GivenName = "Baby", FamilyName = family, DateOfBirth = born.ToString("uuuu-MM-dd", null), Present = true, Resident = true, Relationship = "child of both adults" });
            }
        }
        var victimGirl = random.NextDouble() < 0.8;
        return new IncidentReport
        {
            PoliceReference = $"AV-{reported.InUtc().Year}-{firstReference + sent:000000}",
            OccurredAt = Iso(occurred), ReportedAt = Iso(reported),
            Postcode = $"AV{1 + random.Next(9)} {random.Next(10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
            Address = $"{1 + random.Next(120)} {DemoNames.Places[random.Next(DemoNames.Places.Length)]} {DemoNames.StreetKinds[random.Next(DemoNames.StreetKinds.Length)]}",
            Category = categories[random.Next(categories.Length)],
            Summary = Summaries[random.Next(Summaries.Length)],
            Adults =
            [
                new ReportedAdult { Role = "Victim", GivenName = victimGirl ? group.Girls[random.Next(group.Girls.Length)] : group.Boys[random.Next(group.Boys.Length)],
                    FamilyName = family, DateOfBirth = $"{1975 + random.Next(25)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}" },
                new ReportedAdult { Role = "PersonCausingHarm", GivenName = victimGirl ? group.Boys[random.Next(group.Boys.Length)] : group.Girls[random.Next(group.Girls.Length)],
                    FamilyName = random.NextDouble() < 0.6 ? family : group.Surnames[random.Next(group.Surnames.Length)],
                    DateOfBirth = $"{1972 + random.Next(28)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}" },
            ],
            Children = kids,
        };
    }

    /// <summary>Days before now that the first start seeds one incident at a time; <see cref="SeedYearAsync"/> writes the rest of the year behind them.</summary>
    public const int RecentDays = 4;

    public const int YearDays = 365;

    /// <summary>
    /// The rest of the demo's year behind the recent days: incidents at the seed's rate from a year ago,
    /// through the batch intake, so that the timeliness dashboard has a year of weeks. Deterministic (its own seed, and
    /// times counted from when the recent days were seeded), and safe to run again: incidents already held are
    /// Unchanged, and once the year's last incident is held it does nothing. The caller then writes the notifications'
    /// history (<see cref="DemoEncompassDelivery"/>).
    /// </summary>
    public async Task<DemoEncompassSummary> SeedYearAsync(Guid partnershipId, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        // When the recent days were taken in: the audit's first entry of their intake (their received times follow the
        // incidents since, and the audit is never changed).
        if (!await db.DomesticIncidents.AnyAsync(i => i.PartnershipId == partnershipId, ct)) return new(0, 0, 0, 0);
        var seededAt = await db.AuditEntries.Where(e => e.PartnershipId == partnershipId && e.Process == IntakeProcess).OrderBy(e => e.Sequence)
            .Select(e => (Instant?)e.At).FirstOrDefaultAsync(ct);
        if (seededAt is not { } anchor) return new(0, 0, 0, 0);
        // Whole minutes, as the times in the reports are written.
        var now = Instant.FromUnixTimeSeconds(anchor.ToUnixTimeSeconds() / 60 * 60);
        var random = new Random(20261130);
        var children = await ChildrenOnRollsAsync(partnershipId, ct);
        var reports = new List<(int Day, IncidentReport Report)>();
        for (var day = YearDays; day > RecentDays; day--)
        {
            var count = (int)Math.Round(IncidentsPerDay + (random.NextDouble() - 0.5) * 20);
            for (var n = 0; n < count; n++) reports.Add((day, NewReport(random, now, day, reports.Count, children, firstReference: 300000)));
        }
        var last = reports.Count == 0 ? null : reports[^1].Report.PoliceReference;
        if (last is null || await db.DomesticIncidents.AnyAsync(i => i.PartnershipId == partnershipId && i.PoliceReference == last, ct))
            return new(0, 0, 0, 0);

        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.PoliceForce).ToListAsync(ct);
        var actor = await PoliceFeedAsync(partnershipId, orgs.First(), ct);
        var process = new ProcessContext(IntakeProcess, actor, "demonstration police incident history", "local", SummariseWrites: true);
        var intake = new IncidentIntake(db, index, new Quarantine(db));
        var started = db.Clock.GetCurrentInstant();
        int sent = 0, notifications = 0, waiting = 0;
        // A month at a time, so that progress can be shown.
        foreach (var month in reports.Chunk(1_800))
        {
            var results = await intake.ReceiveManyAsync(new ReceiveIncidentsOptions([.. month.Select(r => JsonSerializer.Serialize(r.Report, IncidentReport.Json))
                .Select(json => new IncidentToReceive(json, IncidentRules.Parse(json, out var problem), problem, "demonstration police feed"))]), process, ct);
            sent += results.Count;
            notifications += results.Sum(r => r.NotificationsMade);
            waiting += results.Sum(r => r.ChildrenWaitingForASetting);
            progress?.Report(new DemoProgress("A year of police incidents (Operation Encompass)", sent, reports.Count));
        }
        await ReceivedAsReportedAsync(partnershipId, started, ct);
        return new DemoEncompassSummary(sent, reports.Count(r => r.Report.Children!.Count > 0), notifications, waiting);
    }

    private const string IntakeProcess = "demo:police incidents";

    /// <summary>
    /// The demo takes in days or a year of incidents at once, so the intake marks them all received now, and the whole
    /// year landed on one day's DRAMM list. A police feed sends each soon after it is reported: each incident received
    /// since <paramref name="since"/> is marked received 5 to 90 minutes after it was reported (never after now), so
    /// that a day's list holds a day's incidents.
    /// </summary>
    private async Task ReceivedAsReportedAsync(Guid partnershipId, Instant since, CancellationToken ct)
    {
        var random = new Random(20261206);
        var now = db.Clock.GetCurrentInstant();
        db.Process = new ProcessContext("demo:received times", null, "demonstration police incident feed", "local", SummariseWrites: true);
        db.ChangeTracker.Clear();
        while (true)
        {
            // A block at a time, oldest first, to keep the change tracker light; a block moved is no longer received since.
            var block = await db.DomesticIncidents.Where(i => i.PartnershipId == partnershipId && i.ReceivedAt >= since)
                .OrderBy(i => i.ReportedAt).ThenBy(i => i.PoliceReference).Take(2_000).ToListAsync(ct);
            var moved = 0;
            foreach (var incident in block)
            {
                var received = incident.ReportedAt + Duration.FromMinutes(random.Next(5, 91));
                if (received >= since) continue;
                incident.ReceivedAt = received;
                moved++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (moved == 0) return;
        }
    }

    private async Task<Actor> PoliceFeedAsync(Guid partnershipId, Organisation police, CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().FirstAsync(c => c.OrganisationId == police.Id, ct);
        return new Actor(partnershipId, police.Id, $"API client {client.ClientId}", new HashSet<Role>(), ApiClientId: client.Id,
            ApiScopes: new HashSet<string> { "incidents:write" });
    }

    private Task<List<SourceRecord>> ChildrenOnRollsAsync(Guid partnershipId, CancellationToken ct) =>
        db.PupilRegistrations.AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => s)
            .Where(s => s.GivenName != null && s.FamilyName != null && s.DateOfBirth != null)
            .OrderBy(s => s.Id).ToListAsync(ct);

    private static ReportedChild Child(SourceRecord s, Random random) => new ReportedChild
    {
        GivenName = s.GivenName, FamilyName = s.FamilyName, DateOfBirth = s.DateOfBirth, Sex = s.Sex.ToString(), Postcode = s.Postcode, Address = s.Address,
        Relationship = random.Next(2) == 0 ? "child of victim" : "child of both adults", Present = random.NextDouble() < 0.6, SawOrHeard = random.NextDouble() < 0.7,
        Resident = true, SpokenTo = random.NextDouble() < 0.3,
    } is var c && c.SpokenTo ? c with { WhatTheySaid = Said[random.Next(Said.Length)] } : c;

    private static string Iso(Instant instant) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(SchoolDays.London).ToOffsetDateTime());

    private static readonly string[] Summaries =
    [
        "Neighbour called police after hearing shouting and a door slam. Officers attended; both adults spoken to.",
        "Verbal argument escalated; victim reports being pushed. Person causing harm left before officers arrived.",
        "Ongoing controlling behaviour reported by the victim; phone checked and money withheld.",
        "Breach of a non-molestation order: person causing harm attended the address at night.",
        "Argument over child contact arrangements at handover; police called by the victim.",
        "Victim reports threats made by text message through the evening.",
    ];

    private static readonly string[] Said = ["I went to my room and put my headphones on.", "Mum was crying.", "I was scared they were going to fight again.", "I didn't see anything."];
}
