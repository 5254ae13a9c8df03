using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 4: one incident through the API, as a police system sends it. The real web host (the test server the page
/// tests use, in process) on the small demo partnership, an API client with incidents:write, then incidents with one
/// to three of the demo's pupils POSTed one after another, each with its own Idempotency-Key, after a warm-up.
/// Reports p50, p95 and p99 of the whole request. Background work is off, so only the intake is measured. Synthetic data.
/// </summary>
public static class EncompassApiBench
{
    private const int WarmUp = 20;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var which = args.Length > 1 ? args[1] : "both";
        DatabaseProvider[] providers = which switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"encompass-api: {count} incidents POSTed one at a time (+{WarmUp} warm-up); {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var provider in providers) await RunOneAsync(provider, count);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int count)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seed = Stopwatch.StartNew();
        // The web project's folder, found from here (the test projects get it from a build attribute; this is not one).
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Safeguarding.Web"))) root = root.Parent;
        if (root is not null) Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SAFEGUARDING_WEB", Path.Combine(root.FullName, "src", "Safeguarding.Web"));
        // Any public type of the web assembly names its entry point (the benchmark's own Program would shadow the host's).
        await using var factory = new WebApplicationFactory<Safeguarding.Web.Hosting.DemoYear>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Test");
            b.UseSetting("Database:Provider", provider.ToString());
            b.UseSetting("ConnectionStrings:Safeguarding", database.Settings.ConnectionString);
            b.UseSetting("Safeguarding:DataDirectory", database.Settings.DataDirectory);
            b.UseSetting("Safeguarding:KeysDirectory", Path.Combine(database.Settings.DataDirectory, "keys"));
            b.UseSetting("Safeguarding:DemoMode", "true");
            b.UseSetting("Safeguarding:MigrateOnStart", "false");
            b.UseSetting("Safeguarding:SeedDemoOnStart", "true");
            b.UseSetting("Safeguarding:DemoYearInBackground", "false");
            b.UseSetting("Safeguarding:BackgroundWork:Enabled", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        _ = factory.Server;
        seed.Stop();

        var data = new TestData(() => database.NewContext());
        List<Core.People.SourceRecord> pupils;
        Organisation police;
        await using (var db = database.NewContext())
        {
            var partnershipId = await db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => p.Id).SingleAsync();
            police = await db.Organisations.AsNoTracking().FirstAsync(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.PoliceForce);
            pupils = await db.PupilRegistrations.AsNoTracking().Where(r => r.PartnershipId == partnershipId)
                .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => s)
                .Where(s => s.GivenName != null && s.FamilyName != null && s.DateOfBirth != null).OrderBy(s => s.Id).ToListAsync();
        }
        var (clientId, secret) = await data.CreateApiClientAsync(police, "incidents:write");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        Console.WriteLine($"[{provider}] host started and the small demo seeded in {seed.Elapsed.TotalSeconds:F0} s ({pupils.Count:N0} pupils on rolls; arrange, not measured)");

        var random = new Random(5);
        var now = SystemClock.Instance.GetCurrentInstant();
        var times = new List<double>();
        var statuses = new Dictionary<int, int>();
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        for (var i = 0; i < count + WarmUp; i++)
        {
            var children = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => pupils[random.Next(pupils.Count)]).DistinctBy(p => p.Id).Select(p => new
            {
                givenName = p.GivenName, familyName = p.FamilyName, dateOfBirth = p.DateOfBirth, sex = p.Sex.ToString(), postcode = p.Postcode, address = p.Address,
                relationship = "child of victim", present = true, sawOrHeard = true, resident = true, spokenTo = false,
            }).ToList();
            var reported = now - Duration.FromMinutes(random.Next(30, 600));
            var body = JsonSerializer.Serialize(new
            {
                policeReference = $"API-BENCH/{i:000000}", occurredAt = Iso(reported - Duration.FromMinutes(20)), reportedAt = Iso(reported),
                postcode = children[0].postcode, address = children[0].address, category = "Physical", summary = "Synthetic benchmark incident.",
                adults = new object[]
                {
                    new { role = "Victim", givenName = "Alex", familyName = children[0].familyName, dateOfBirth = $"{1975 + random.Next(25)}-0{1 + random.Next(9)}-1{random.Next(9)}" },
                    new { role = "PersonCausingHarm", givenName = "Sam", familyName = children[0].familyName, dateOfBirth = $"{1972 + random.Next(25)}-0{1 + random.Next(9)}-2{random.Next(9)}" },
                },
                children,
            });
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/domestic-abuse/incidents") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (i < WarmUp) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        }
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{provider}] {times.Count} POSTs: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {times[^1]:F1} ms (target p95 < 200 ms); "
            + $"statuses {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}; load average {loadBefore} -> {loadAfter}"));
    }

    private static string Iso(Instant instant) => NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(SchoolDays.London).ToOffsetDateTime());
}
