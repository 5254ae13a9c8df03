using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 12, defect 9: one day's DRAMM list holding a whole demo year of incidents (the demo once marked the year as
/// received at start, and the page took 11 minutes). Each incident has its own linked victim in a household with a
/// child, an earlier incident, and one in ten a completed checklist and a decision; a corrected version of one in twenty
/// arrived the same day. Measured: the first page and the last page of the day's list (the service the page calls),
/// a new context each run, the median of the runs. Target: under 1 s on both databases. Synthetic data.
/// </summary>
public static class DrammListBench
{
    private static readonly LocalDate Tuesday = new(2026, 11, 10);

    public static async Task RunAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var which = args.Length > 2 ? args[2] : "both";
        DatabaseProvider[] providers = which switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"dramm-list: {cases:N0} cases on one day's list, {runs} runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var provider in providers) await RunOneAsync(provider, cases, runs);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int cases, int runs)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var load = Stopwatch.StartNew();
        var frontDoor = await LoadAsync(database, cases);
        load.Stop();
        Console.WriteLine($"[{provider}] loaded {cases:N0} cases in {load.Elapsed.TotalSeconds:F1} s (arrange, not measured)");

        var process = new ProcessContext("bench:dramm", frontDoor.Actor, FromAddress: "bench");
        var last = (cases + DrammList.PageSize - 1) / DrammList.PageSize;
        // The page as the Front Door also works it: the highest risk first, only what is still to decide, with criteria met.
        foreach (var (name, options) in new[]
                 {
                     ("first page", new DrammDayOptions(Tuesday, 1)), ("last page", new DrammDayOptions(Tuesday, last)),
                     ("highest risk first, to decide", new DrammDayOptions(Tuesday, 1, Sort: DrammSort.Risk, Decided: false)),
                     ("MARAC criteria met", new DrammDayOptions(Tuesday, 1, Risk: DrammRisk.MaracCriteriaMet)),
                 })
        {
            var page = options.Page;
            var times = new List<double>();
            var total = 0;
            for (var r = 0; r < runs; r++)
            {
                await using var db = database.NewContext();
                var watch = Stopwatch.StartNew();
                var day = await new DrammList(db).ForDayAsync(options, process);
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                total = day.Total;
            }
            times.Sort();
            Console.WriteLine($"[{provider}] today's list, {name} ({page}) of {total:N0} cases: median {times[times.Count / 2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0})");
        }
    }

    private static async Task<TestUser> LoadAsync(TestDatabase database, int cases)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync("Benchmark partnership");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Benchmark police");
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Benchmark Front Door");
        var frontDoor = await data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var now = Instant.FromUtc(2026, 11, 10, 9, 30);
        var windowStart = Instant.FromUtc(2026, 11, 9, 9, 0);
        var process = ProcessContext.System("bench:dramm load", "benchmark data") with { SummariseWrites = true };
        const int block = 2_000;
        for (var from = 0; from < cases; from += block)
        {
            await using var db = database.NewContext();
            db.WriteNewRowsInBulk = true;
            db.Process = process;
            for (var n = from; n < Math.Min(cases, from + block); n++)
            {
                var household = new Household { PartnershipId = partnership.Id, Address = $"{n} Bench Street", Postcode = "BE1 1NC" };
                var victim = new Person { PartnershipId = partnership.Id, GivenName = $"Victim{n}", FamilyName = "Bench", DateOfBirth = new LocalDate(1990, 1, 1), Sex = Sex.Female, HouseholdId = household.Id, CreatedAt = now };
                var child = new Person { PartnershipId = partnership.Id, GivenName = $"Child{n}", FamilyName = "Bench", DateOfBirth = new LocalDate(2016, 1, 1), Sex = Sex.Male, HouseholdId = household.Id, CreatedAt = now };
                db.Households.Add(household);
                db.People.AddRange(victim, child);
                DomesticIncident Incident(string reference, int version, Instant received, bool latest) => new()
                {
                    PartnershipId = partnership.Id, ForceOrganisationId = police.Id, PoliceReference = reference, Version = version, IsLatest = latest,
                    OccurredAt = received - Duration.FromHours(2), ReportedAt = received - Duration.FromHours(1), ReceivedAt = received,
                    Category = DomesticAbuseCategory.Physical, Summary = "Benchmark incident.", Received = "{}",
                    Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = victim.GivenName, FamilyName = victim.FamilyName, PersonId = victim.Id }],
                    Children = [new IncidentChild { GivenName = child.GivenName, FamilyName = child.FamilyName, DateOfBirth = child.DateOfBirth, PersonId = child.Id, ChildKey = $"c{n}" }],
                };
                db.DomesticIncidents.Add(Incident($"BE/EARLIER/{n}", 1, Instant.FromUtc(2026, 6, 1, 12, 0) + Duration.FromSeconds(n), true));
                var received = windowStart + Duration.FromSeconds(n % 86_000);
                var corrected = n % 20 == 0;
                var today = Incident($"BE/{n}", 1, received, !corrected);
                db.DomesticIncidents.Add(today);
                if (corrected) db.DomesticIncidents.Add(Incident($"BE/{n}", 2, received + Duration.FromMinutes(5), true));
                if (n % 10 == 0)
                {
                    var dash = new RiskAssessment
                    {
                        PartnershipId = partnership.Id, ChecklistCode = Safeguarding.Core.DomesticAbuse.Checklists.ChecklistDefinition.Adult, ChecklistVersion = 1, VictimPersonId = victim.Id, IncidentId = today.Id,
                        AssessedByOrganisationId = police.Id, IncidentDate = Households.LondonDate(today.OccurredAt), Status = AssessmentStatus.Completed,
                        StartedAt = received, CompletedAt = received + Duration.FromMinutes(30), YesCount = 8,
                    };
                    db.RiskAssessments.Add(dash);
                    db.TriageDecisions.Add(new TriageDecision
                    {
                        PartnershipId = partnership.Id, IncidentId = today.Id, RiskAssessmentId = dash.Id, VictimPersonId = victim.Id, DecidedOn = Tuesday,
                        DecidedAt = now, DecidedByOrganisationId = council.Id, NoFurtherAction = true, NoFurtherActionReason = "Benchmark.",
                    });
                }
            }
            await db.SaveChangesAsync();
        }
        // A live database's statistics are kept by autovacuum; a table loaded a moment ago has none yet.
        if (database.Settings.Provider == DatabaseProvider.Postgres)
        {
            await using var db = database.NewContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return frontDoor;
    }
}
