using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Benchmarks.ArrivalsBench;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 4, the intake half: 10,000 police incidents with 25,000 children against a 150,000-pupil roll, through
/// <see cref="IncidentIntake.ReceiveManyAsync"/> (the file import's path), timed from the first incident received to
/// every notification Ready, then the counts checked against what the generator made. The roll (people, their school
/// records, registrations, a few children on the EHE and CME registers) and the matching model are loaded before the
/// clock starts; between runs the police's rows are deleted so that every run takes the same incidents in afresh.
/// Synthetic data only.
/// </summary>
public static class EncompassIntakeBench
{
    public static async Task RunAsync(string[] args)
    {
        var incidents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var children = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25_000;
        var pupils = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 150_000;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var which = args.Length > 4 ? args[4] : "both";
        DatabaseProvider[] providers = which switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"encompass-intake: {incidents:N0} incidents, {children:N0} children, {pupils:N0} pupils on 300 rolls, {runs} runs; "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var provider in providers) await RunOneAsync(provider, incidents, children, pupils, runs);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int incidentCount, int childCount, int pupilCount, int runs)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var load = Stopwatch.StartNew();
        var roll = await LoadRollAsync(database, pupilCount);
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await new PersonIndex(db).TrainAsync(roll.PartnershipId, ProcessContext.System("bench:encompass-intake", "train the matching model"));
            if (provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        load.Stop();
        Console.WriteLine($"[{provider}] loaded {pupilCount:N0} pupils (person, school record, registration) and trained the model in {load.Elapsed.TotalSeconds:F0} s (arrange, not measured)");

        var (items, expected) = Generate(roll, incidentCount, childCount);
        var actor = new Actor(roll.PartnershipId, roll.Police, "Police system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(),
            ApiScopes: new HashSet<string> { "incidents:write" });
        var process = new ProcessContext("bench:encompass-intake", actor, "benchmark police file", "local", SummariseWrites: true);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            await ResetAsync(database, roll);
            var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            IReadOnlyList<IntakeResult> results;
            string timings;
            await using (var db = database.NewContext())
            {
                using var meters = MeterCapture.Start(IntakeSteps.Meters);
                var intake = new IncidentIntake(db, new PersonIndex(db), new Quarantine(db));
                results = await intake.ReceiveManyAsync(new ReceiveIncidentsOptions([.. items.Select(raw => new IncidentToReceive(raw, IncidentRules.Parse(raw, out var problem), problem, "bench file"))]), process);
                timings = IntakeSteps.Describe(meters.All);
            }
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            foreach (var held in results.Where(r => r.Outcome == IntakeOutcome.Quarantined).Take(3))
                Console.WriteLine($"[{provider}]   quarantined {held.PoliceReference}: {string.Join("; ", held.Reasons)}");
            var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            await using var check = database.NewContext();
            var ready = await check.EncompassNotifications.CountAsync(n => n.Status == NotificationStatus.Ready);
            var stored = await check.DomesticIncidents.CountAsync();
            var storedChildren = await check.Set<IncidentChild>().CountAsync();
            var waiting = results.Sum(r => r.ChildrenWaitingForASetting);
            // Children for the Front Door who were not generated on no roll: which kind they were, and why they wait.
            var waitingChildren = await check.Set<IncidentChild>().Where(c => c.SettingOutcome == ChildSettingOutcome.NotFound || c.SettingOutcome == ChildSettingOutcome.Uncertain)
                .Select(c => new { c.GivenName, c.FamilyName, c.DateOfBirth, c.SettingOutcome }).ToListAsync();
            foreach (var c in waitingChildren)
            {
                var kind = expected.KindOf.GetValueOrDefault($"{c.GivenName}|{c.FamilyName}|{c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                if (kind != "on no roll") Console.WriteLine($"[{provider}]   for the Front Door though generated {kind ?? "(unknown)"}: {c.SettingOutcome}");
            }
            var ok = ready == expected.Notifications && stored == incidentCount && storedChildren == childCount && waiting == expected.Waiting;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{provider}] run {run}: {watch.Elapsed.TotalSeconds:F1} s ({incidentCount / watch.Elapsed.TotalSeconds:N0} incidents/s); {stored:N0} incidents, {storedChildren:N0} children, "
                + $"{ready:N0} notifications Ready (expected {expected.Notifications:N0}), {waiting:N0} children for the Front Door (expected {expected.Waiting:N0}) {(ok ? "OK" : "MISMATCH")}; load average {loadBefore} -> {loadAfter}; this process's CPU {cpu.TotalSeconds:F1} s; {timings}"));
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{provider}] median {times[times.Count / 2]:F1} s over {runs} runs (target 20 s); outcomes: {string.Join(", ", expected.Kinds.Select(k => $"{k.Key} {k.Value:N0}"))}"));
        await OneAtATimeAsync(database, provider, actor, process);
    }

    /// <summary>
    /// Then incidents one at a time, as the API takes them (the intake's single path, without HTTP), against the same
    /// city roll and the year the runs left: what one incident costs when every arrival is matched against 150,000 pupils.
    /// </summary>
    private static async Task OneAtATimeAsync(TestDatabase database, DatabaseProvider provider, Actor actor, ProcessContext process)
    {
        var (items, _) = Generate(new Roll(actor.PartnershipId, actor.OrganisationId, await RollPupilsAsync(database, actor.PartnershipId)), 220, 440);
        var times = new List<double>();
        for (var i = 0; i < items.Count; i++)
        {
            var raw = items[i].Replace("BENCH/", "SINGLE/", StringComparison.Ordinal);
            var watch = Stopwatch.StartNew();
            await using (var db = database.NewContext())
                await new IncidentIntake(db, new PersonIndex(db), new Quarantine(db)).ReceiveAsync(new ReceiveIncidentOptions(raw, "bench API"), process);
            watch.Stop();
            if (i >= 20) times.Add(watch.Elapsed.TotalMilliseconds); // the first 20 warm up, not counted
        }
        times.Sort();
        double At(double q) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{provider}] one incident at a time (the API's path without HTTP), {times.Count} incidents with 2 children each against the city roll: p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms"));
    }

    /// <summary>The roll's pupils as the generator needs them, read back from the database.</summary>
    private static async Task<List<(Facts Facts, bool OnRegister)>> RollPupilsAsync(TestDatabase database, Guid partnershipId)
    {
        await using var db = database.NewContext();
        var onRegister = (await db.LearnerRegisterEntries.Select(e => e.SourceRecordId).ToListAsync()).ToHashSet();
        var records = await db.SourceRecords.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.SourceSystem == "SIMS").OrderBy(r => r.LocalId).Take(5_000).ToListAsync();
        return [.. records.Select(r => (new Facts(r.GivenName!, r.FamilyName!, r.DateOfBirth!, r.Sex, r.Postcode!, r.Address!, null, null), onRegister.Contains(r.Id)))];
    }

    private sealed record Roll(Guid PartnershipId, Guid Police, List<(Facts Facts, bool OnRegister)> Pupils);

    private sealed record Expected(int Notifications, int Waiting, Dictionary<string, int> Kinds, Dictionary<string, string> KindOf);

    /// <summary>Schools with their rolls, as a roll import leaves them: a person, the school's record and a registration per pupil.</summary>
    private static async Task<Roll> LoadRollAsync(TestDatabase database, int pupilCount)
    {
        await using var db = database.NewContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Process = new ProcessContext("bench:encompass-intake load", null, "synthetic benchmark roll", "local", SummariseWrites: true);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288");
        var now = db.Clock.GetCurrentInstant();
        var today = now.InZone(SchoolDays.London).Date;
        var partnership = new Partnership { Name = "Benchmark Partnership", Code = "bench", CreatedAt = now };
        db.Partnerships.Add(partnership);
        Organisation Org(string name, OrganisationType type) => new() { PartnershipId = partnership.Id, Name = name, Type = type, CreatedAt = now };
        var schools = Enumerable.Range(1, 300).Select(n => Org($"Bench School {n}", OrganisationType.School)).ToList();
        var council = Org("Bench Council Learning Inclusion", OrganisationType.CouncilService);
        var police = Org("Bench Police", OrganisationType.PoliceForce);
        db.Organisations.AddRange([.. schools, council, police]);
        var first = today.Month >= 9 ? today.Year - 1 : today.Year - 2;
        db.SchoolCalendars.Add(new SchoolCalendar
        {
            PartnershipId = partnership.Id, DayStart = SchoolDays.DefaultDayStart, UpdatedAt = now,
            Terms = [.. Enumerable.Range(first, 4).SelectMany(DemoEncompass.AcademicYear).Select(t => new SchoolTerm { Start = t.Start, End = t.End })],
        });
        db.EncompassSettings.Add(new EncompassSettings { PartnershipId = partnership.Id, CouncilOrganisationId = council.Id, ContactName = "Bench Police hub" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var random = new Random(20261129);
        var all = new List<(Facts Facts, bool OnRegister)>(pupilCount);
        var startedOn = new LocalDate(first, 9, 3);
        while (all.Count < pupilCount)
        {
            // A household of school-age brothers and sisters at one school, aged 5 to 17.
            var school = schools[random.Next(schools.Count)];
            foreach (var f in Names.NewPerson(random, Math.Min(pupilCount - all.Count, 1 + random.Next(3))))
            {
                var dob = today.PlusDays(-(5 * 365 + random.Next(12 * 365))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var n = all.Count;
                var facts = f with { Dob = dob, Upn = $"P{n:0000000}" };
                var person = new Person
                {
                    PartnershipId = partnership.Id, RecordedByOrganisationId = school.Id, GivenName = facts.Given, FamilyName = facts.Family,
                    DateOfBirth = LocalDate.FromDateTime(DateTime.ParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture)), Sex = facts.Sex, CreatedAt = now,
                };
                var record = new SourceRecord
                {
                    PartnershipId = partnership.Id, OrganisationId = school.Id, SourceSystem = "SIMS", LocalId = $"SIMS-{n:0000000}", Received = "{}", ReceivedAt = now,
                    GivenName = facts.Given, FamilyName = facts.Family, DateOfBirth = dob, Sex = facts.Sex, Postcode = facts.Postcode, Address = facts.Address,
                    Upn = null, PersonId = person.Id, Outcome = LinkOutcome.NewPerson,
                };
                db.People.Add(person);
                db.SourceRecords.Add(record);
                // One child in a hundred has left for home education (or is missing education): the council's leads are told instead.
                var register = random.NextDouble() < 0.01 ? (random.Next(3) == 0 ? LearnerRegister.ChildrenMissingEducation : LearnerRegister.ElectiveHomeEducation) : (LearnerRegister?)null;
                if (register is { } r)
                    db.LearnerRegisterEntries.Add(new LearnerRegisterEntry { PartnershipId = partnership.Id, Register = r, PersonId = person.Id, SourceRecordId = record.Id, From = today.PlusDays(-90), RecordedAt = now });
                else
                {
                    db.PupilRegistrations.Add(new PupilRegistration
                    {
                        PartnershipId = partnership.Id, OrganisationId = school.Id, PersonId = person.Id, SourceRecordId = record.Id, LocalId = record.LocalId,
                        StartedOn = startedOn, EnrolStatus = "C", LastListedAt = now,
                    });
                }
                all.Add((facts, register is not null));
            }
            if (all.Count % 10_000 < 3 || all.Count >= pupilCount)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return new Roll(partnership.Id, police.Id, all);
    }

    /// <summary>
    /// The incidents, in the API's JSON shape, with what they must come to: most children are pupils on a roll (one
    /// notification each), one in a hundred is on the EHE or CME register (the council's lead is told), some are on no
    /// roll (the Front Door places them) and some are babies (recorded, nobody told).
    /// </summary>
    private static (List<string> Items, Expected Expected) Generate(Roll roll, int incidents, int children)
    {
        var random = new Random(4);
        var now = SystemClock.Instance.GetCurrentInstant();
        var kinds = new Dictionary<string, int>();
        var kindOf = new Dictionary<string, string>();
        int notifications = 0, waiting = 0;
        var items = new List<string>(incidents);
        var made = 0;
        for (var i = 0; i < incidents; i++)
        {
            var count = (int)((long)(i + 1) * children / incidents - (long)i * children / incidents);
            var kids = new List<Facts>();
            var json = new List<object>();
            string? family = null;
            for (var k = 0; k < count; k++)
            {
                var roll100 = random.Next(100);
                Facts child;
                string kind;
                if (roll100 < 88)
                {
                    // A different pupil each time within an incident: the same child listed twice is rightly refused.
                    var (pupil, onRegister) = roll.Pupils[random.Next(roll.Pupils.Count)];
                    while (kids.Any(c => c.Equals(pupil))) (pupil, onRegister) = roll.Pupils[random.Next(roll.Pupils.Count)];
                    child = pupil;
                    kind = onRegister ? "on the EHE or CME register" : "pupil on a roll";
                    notifications++;
                }
                else if (roll100 < 95)
                {
                    child = Names.NewPerson(random, 1)[0] with { Dob = new LocalDate(2012, 1, 1).PlusDays(random.Next(3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                    kind = "on no roll";
                    waiting++;
                }
                else
                {
                    child = Names.NewPerson(random, 1)[0] with { Dob = now.InUtc().Date.PlusDays(-random.Next(60, 1400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                    kind = "under school age";
                }
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                kindOf[$"{child.Given}|{child.Family}|{child.Dob}"] = kind;
                family ??= child.Family;
                kids.Add(child);
                json.Add(new
                {
                    givenName = child.Given, familyName = child.Family, dateOfBirth = child.Dob, sex = child.Sex.ToString(), postcode = child.Postcode, address = child.Address,
                    relationship = "child of victim", present = random.Next(2) == 0, sawOrHeard = true, resident = true, spokenTo = false,
                });
                made++;
            }
            var reported = now - Duration.FromMinutes(random.Next(30, 600));
            var adults = Names.NewPerson(random, 2);
            items.Add(JsonSerializer.Serialize(new
            {
                policeReference = $"BENCH/{i:000000}/26",
                occurredAt = Iso(reported - Duration.FromMinutes(20)), reportedAt = Iso(reported),
                postcode = adults[0].Postcode, address = adults[0].Address, category = "Physical", summary = "Synthetic benchmark incident.",
                adults = new object[]
                {
                    new { role = "Victim", givenName = adults[0].Given, familyName = family ?? adults[0].Family, dateOfBirth = $"{1975 + random.Next(25)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}" },
                    new { role = "PersonCausingHarm", givenName = adults[1].Given, familyName = adults[1].Family, dateOfBirth = $"{1972 + random.Next(28)}-{1 + random.Next(12):00}-{1 + random.Next(28):00}" },
                },
                children = json,
            }));
        }
        return (items, new Expected(notifications, waiting, kinds, kindOf));
    }

    private static string Iso(Instant instant) => NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(SchoolDays.London).ToOffsetDateTime());

    /// <summary>Takes out everything the intake made (incidents, notifications, the police's records of people), so the next run starts as the first did.</summary>
    private static async Task ResetAsync(TestDatabase database, Roll roll)
    {
        await using var db = database.NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.EncompassNotifications.ExecuteDeleteAsync();
        await db.Set<IncidentChild>().ExecuteDeleteAsync();
        await db.Set<IncidentAdult>().ExecuteDeleteAsync();
        await db.DomesticIncidents.ExecuteDeleteAsync();
        await db.QuarantinedRecords.ExecuteDeleteAsync();
        await db.MatchReviews.Where(r => db.SourceRecords.Any(s => s.Id == r.SourceRecordId && s.OrganisationId == roll.Police)).ExecuteDeleteAsync();
        await db.SourceRecords.Where(s => s.OrganisationId == roll.Police).ExecuteDeleteAsync();
        await db.PersonLinks.Where(l => db.People.Any(p => p.Id == l.PersonId && p.RecordedByOrganisationId == roll.Police)).ExecuteDeleteAsync();
        await db.People.Where(p => p.RecordedByOrganisationId == roll.Police).ExecuteDeleteAsync();
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}
