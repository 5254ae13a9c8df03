using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Contexts;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 13: the link map recomputes for a partnership in under 200 ms after each new link. A partnership-sized set of
/// links (5,000 by default: 1,500 children, 150 persons of concern, 120 contexts, three years) is stored; each run adds
/// one link through the service (with its alert check) and then recomputes the map for the three years: read the
/// links, find groups and connectors (LinkNetwork), lay them out. Also measured: the page's read for the three years
/// (more nodes than the map draws: the connectors and one page of the table named, checked by the policy and audited)
/// and for one area over one quarter (drawn: every node named, checked and audited). A new context each run; the median of the runs. Synthetic data.
/// </summary>
public static class LinkMapBench
{
    public static async Task RunAsync(string[] args)
    {
        var links = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
        var which = args.Length > 2 ? args[2] : "both";
        DatabaseProvider[] providers = which switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"link-map: {links:N0} links, {runs} runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var provider in providers) await RunOneAsync(provider, links, runs);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int linkCount, int runs)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (lead, children, contexts) = await LoadAsync(database, linkCount);
        var period = new LinkMapOptions(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31));
        var process = new ProcessContext("bench:link-map", lead.Actor, FromAddress: "bench");
        var add = new List<double>();
        var recompute = new List<double>();
        var page = new List<double>();
        var drawnPage = new List<double>();
        // One area's contexts over one quarter: a map small enough to draw, every node on it named and audited.
        var drawnPeriod = new LinkMapOptions(new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30), Area: "East");
        LinkMapView? map = null, whole = null, drawn = null;
        for (var r = 0; r < runs; r++)
        {
            await using (var db = database.NewContext())
            {
                var watch = Stopwatch.StartNew();
                await new LinkRecords(db, new ChildAllocations(db)).AddAsync(new AddLinkOptions(LinkEnd.Child, children[r * 7 % children.Count], LinkEnd.Context,
                    contexts[r % contexts.Count], new LocalDate(2026, 11, 1), "bench", LinkConfidence.Medium, ExploitationCategory.Cce), process);
                add.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                map = await new LinkMap(db).ComputeAsync(lead.User.PartnershipId, period);
                recompute.Add(watch.Elapsed.TotalMilliseconds);
            }
            await using (var db = database.NewContext())
            {
                var watch = Stopwatch.StartNew();
                whole = await new LinkMap(db).OpenAsync(period, process);
                page.Add(watch.Elapsed.TotalMilliseconds);
            }
            await using (var db = database.NewContext())
            {
                var watch = Stopwatch.StartNew();
                drawn = await new LinkMap(db).OpenAsync(drawnPeriod, process);
                drawnPage.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"[{provider}] map of {map!.LinkCount:N0} links, {map.NodeCount:N0} nodes, {map.GroupCount:N0} groups, {map.ConnectorCount:N0} connectors");
        Report(provider, "add one link (with its alert check)", add);
        Report(provider, "recompute the map (read, find, lay out)", recompute);
        Report(provider, $"the page's read, three years ({(whole!.Drawn ? "drawn" : "too many to draw")}; connectors and a page of the table named and audited)", page);
        Console.WriteLine($"[{provider}] one area, one quarter: {drawn!.LinkCount:N0} links, {drawn.NodeCount:N0} nodes, {(drawn.Drawn ? "drawn" : "too many to draw")}");
        Report(provider, "the page's read, one area and one quarter (every node named and audited)", drawnPage);
    }

    private static void Report(DatabaseProvider provider, string what, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"[{provider}] {what}: median {times[times.Count / 2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0})");
    }

    private static async Task<(TestUser Lead, List<Guid> Children, List<Guid> Contexts)> LoadAsync(TestDatabase database, int linkCount)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync("Benchmark partnership");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Benchmark police");
        var lead = await data.CreateUserAsync(police, Role.PoliceExploitationLead);
        var now = Instant.FromUtc(2026, 11, 10, 9, 30);
        var random = new Random(13);
        var childCount = Math.Max(10, linkCount * 3 / 10);
        var personCount = Math.Max(3, linkCount * 3 / 100);
        var contextCount = Math.Max(3, linkCount * 24 / 1000);
        await using var db = database.NewContext();
        db.WriteNewRowsInBulk = true;
        db.Process = ProcessContext.System("bench:link-map load", "benchmark data") with { SummariseWrites = true };
        var children = Enumerable.Range(0, childCount).Select(n => new Person
        {
            PartnershipId = partnership.Id, GivenName = $"Child{n}", FamilyName = "Bench", DateOfBirth = new LocalDate(2010, 1, 1), Sex = Sex.Male, CreatedAt = now,
        }).ToList();
        var adults = Enumerable.Range(0, personCount).Select(n => new Person
        {
            PartnershipId = partnership.Id, GivenName = $"Adult{n}", FamilyName = "Bench", DateOfBirth = new LocalDate(1990, 1, 1), Sex = Sex.Male, CreatedAt = now,
        }).ToList();
        db.People.AddRange(children);
        db.People.AddRange(adults);
        db.AddRange(adults.Select(a => new PersonOfConcern
        {
            PartnershipId = partnership.Id, PersonId = a.Id, Basis = ConcernBasis.PoliceIntelligence, RecordedByOrganisationId = police.Id, RecordedAt = now,
        }));
        var contexts = Enumerable.Range(0, contextCount).Select(n => new ExploitationContext
        {
            PartnershipId = partnership.Id, Kind = (ContextKind)(n % 6), Name = $"Context {n}", Area = (n % 3) switch { 0 => "East", 1 => "South", _ => "West" },
            CreatedByOrganisationId = police.Id, CreatedAt = now,
        }).ToList();
        db.AddRange(contexts);
        // Most links join a child to a context or a person of concern; a few join persons and contexts to each other.
        for (var n = 0; n < linkCount; n++)
        {
            var roll = random.Next(10);
            var (lk, li, rk, ri) = roll switch
            {
                < 6 => (LinkEnd.Child, children[random.Next(childCount)].Id, LinkEnd.Context, contexts[random.Next(contextCount)].Id),
                < 9 => (LinkEnd.Child, children[random.Next(childCount)].Id, LinkEnd.PersonOfConcern, adults[random.Next(personCount)].Id),
                _ => (LinkEnd.PersonOfConcern, adults[random.Next(personCount)].Id, LinkEnd.Context, contexts[random.Next(contextCount)].Id),
            };
            db.Add(new ExploitationLink
            {
                PartnershipId = partnership.Id, LeftKind = lk, LeftId = li, RightKind = rk, RightId = ri, ObservedOn = new LocalDate(2024, 1, 1).PlusDays(random.Next(1_090)),
                Source = "bench", Confidence = LinkConfidence.Medium, Category = ExploitationCategory.Cce, RecordedByOrganisationId = police.Id, RecordedAt = now,
            });
        }
        await db.SaveChangesAsync();
        if (database.Settings.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (lead, [.. children.Select(c => c.Id)], [.. contexts.Select(c => c.Id)]);
    }
}
