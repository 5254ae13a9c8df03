using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 18, the load drill: the web host started as its own process (Kestrel on 127.0.0.1, Production settings) on a
/// fresh PostgreSQL database holding a synthetic person index (people, their agencies' records and their schools, bulk
/// loaded by COPY), with signed-in users (password and authenticator code, through the real pages) and API clients
/// working at once over a mix: person search, opening a record, the DRAMM list, the Key Adult's Encompass inbox, a
/// child's attendance page, and source records POSTed to the API. Each user waits 0.5-1.5 s between requests (a
/// person reading a page). Reports p50/p95/p99 per kind of request and every error. Synthetic data only.
/// </summary>
public static class LoadBench
{
    private const int Schools = 20;

    public static async Task RunAsync(string[] args)
    {
        var persons = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        // One or more counts of users, measured one after another on the same host and data ("5,50": a nearly idle baseline, then the load).
        var userCounts = (args.Length > 1 ? args[1] : "50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();
        var users = userCounts.Max();
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 120;
        var thinkMs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        Console.WriteLine($"load: {persons:N0} persons, {string.Join(" then ", userCounts)} users, {seconds} s measured after 20 s warm-up, think time {thinkMs} ms +/- 50%; "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var world = await SeedAsync(database, persons);

        var port = FreePort();
        using var host = StartHost(database, port);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1000 };
            using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
            await WaitReadyAsync(http, host);

            var clients = await SignInAsync(http, world, users);
            Console.WriteLine($"signed in {clients.Count(c => c.Api is null)} users and {clients.Count(c => c.Api is not null)} API clients");
            foreach (var count in userCounts)
            {
                host.Refresh();
                var cpuBefore = host.TotalProcessorTime;
                var samples = await DriveAsync(clients.Take(count).ToList(), world, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(seconds), thinkMs);
                host.Refresh();
                // The host's own CPU over warm-up and measurement, per request: what one request costs it, queueing aside.
                var cpu = (host.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                Console.WriteLine($"{count} users: web host CPU {cpu / 1000:F0} s over {20 + seconds} s, about {cpu / Math.Max(1, samples.Count * (20.0 + seconds) / seconds):F1} ms per request");
                Report(samples, seconds);
            }
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    // ---------------------------------------------------------------- the world

    private sealed record Pupil(Guid PersonId, string Given, string Family, int School);

    private sealed class World
    {
        public Guid PartnershipId;
        public Organisation Council = null!;
        public List<Organisation> Schools = [];
        public List<TestUser> FrontDoor = [];
        public List<TestUser> KeyAdults = [];
        public List<(string Id, string Secret, int School)> ApiClients = [];
        public List<Pupil> Sample = [];
        public int Persons;
    }

    private static async Task<World> SeedAsync(TestDatabase database, int persons)
    {
        var data = new TestData(() => database.NewContext());
        var world = new World();
        var partnership = await data.CreatePartnershipAsync("Load partnership");
        world.PartnershipId = partnership.Id;
        world.Council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Load Council Front Door");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Load Police");
        for (var i = 0; i < Schools; i++) world.Schools.Add(await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School, $"Load School {i + 1}"));
        for (var i = 0; i < 30; i++) world.FrontDoor.Add(await data.CreateUserAsync(world.Council, Role.FrontDoorPractitioner));
        for (var i = 0; i < 20; i++) world.KeyAdults.Add(await data.CreateUserAsync(world.Schools[i % Schools], Role.SchoolKeyAdult));
        for (var i = 0; i < 10; i++)
        {
            var (id, secret) = await data.CreateApiClientAsync(world.Schools[i % Schools], "people:write");
            world.ApiClients.Add((id, secret, i % Schools));
        }

        var load = Stopwatch.StartNew();
        var (records, links) = await BulkLoadAsync(database, world, persons);
        Console.WriteLine($"loaded {world.Persons:N0} persons, {records:N0} source records and {links:N0} school links by COPY in {load.Elapsed.TotalSeconds:F0} s");

        // Each school's inbox holds notifications, as after a few weeks of Operation Encompass; incidents feed the DRAMM list.
        var now = SystemClock.Instance.GetCurrentInstant();
        for (var i = 0; i < 40; i++)
        {
            var incident = await data.CreateIncidentAsync(police, now - Duration.FromHours(3 + i * 6), children: 1);
            var notification = await data.CreateReadyNotificationAsync(incident, incident.Children[0], world.Schools[i % Schools], now + Duration.FromDays(1));
            await data.SaveAsync(db => db.EncompassNotifications.Where(n => n.Id == notification.Id)
                .ExecuteUpdate(u => u.SetProperty(n => n.Status, NotificationStatus.Delivered)));
        }

        var train = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            await new PersonIndex(db).TrainAsync(partnership.Id, ProcessContext.System("bench:load", "train the matching model"));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        Console.WriteLine($"trained the matching model in {train.Elapsed.TotalSeconds:F0} s");
        return world;
    }

    /// <summary>People, a GP or school record for each (and some a second), and the school link, written by COPY.</summary>
    private static async Task<(long Records, long Links)> BulkLoadAsync(TestDatabase database, World world, int persons)
    {
        await using var db = database.NewContext();
        var now = SystemClock.Instance.GetCurrentInstant();
        var random = new Random(20261206);
        var people = new List<Person>();
        var records = new List<SourceRecord>();
        var links = new List<PersonLink>();
        long recordCount = 0, linkCount = 0;
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        var made = 0;
        // Generation is capped at 14 minutes on a busy machine: the run then measures at the size reached, and says so.
        var clock = Stopwatch.StartNew();
        while (made < persons && clock.Elapsed < TimeSpan.FromMinutes(14))
        {
            foreach (var f in ArrivalsBench.Names.NewPerson(random, householdSize: Math.Min(persons - made, 1 + random.Next(3))))
            {
                var school = random.Next(Schools);
                var person = new Person
                {
                    PartnershipId = world.PartnershipId, GivenName = f.Given, FamilyName = f.Family,
                    DateOfBirth = LocalDatePattern.Iso.Parse(f.Dob).Value, Sex = f.Sex, CreatedAt = now,
                    RecordedByOrganisationId = world.Schools[school].Id,
                };
                people.Add(person);
                records.Add(new SourceRecord
                {
                    PartnershipId = world.PartnershipId, OrganisationId = world.Schools[school].Id, SourceSystem = "SIMS", LocalId = $"SIMS-{made:0000000}",
                    Received = "{}", ReceivedAt = now, GivenName = f.Given, FamilyName = f.Family, DateOfBirth = f.Dob, Sex = f.Sex,
                    Postcode = f.Postcode, Address = f.Address, PersonId = person.Id, Outcome = LinkOutcome.NewPerson,
                });
                if (random.NextDouble() < 0.6)
                    records.Add(new SourceRecord
                    {
                        PartnershipId = world.PartnershipId, OrganisationId = world.Council.Id, SourceSystem = "Mosaic", LocalId = $"MOS-{made:0000000}",
                        Received = "{}", ReceivedAt = now, GivenName = f.Given, FamilyName = f.Family, DateOfBirth = f.Dob, Sex = f.Sex,
                        Postcode = f.Postcode, Address = f.Address, PersonId = person.Id, Outcome = LinkOutcome.LinkedAutomatically,
                    });
                links.Add(new PersonLink
                {
                    PartnershipId = world.PartnershipId, PersonId = person.Id, OrganisationId = world.Schools[school].Id,
                    Kind = PersonLinkKind.RegisteredPupil, From = new LocalDate(2025, 9, 1),
                });
                if (made % 97 == 0) world.Sample.Add(new Pupil(person.Id, f.Given, f.Family, school));
                made++;
            }
            if (people.Count >= 50_000 || made >= persons || clock.Elapsed >= TimeSpan.FromMinutes(14))
            {
                await CopyAsync(connection, db, people);
                await CopyAsync(connection, db, records);
                await CopyAsync(connection, db, links);
                recordCount += records.Count;
                linkCount += links.Count;
                people.Clear();
                records.Clear();
                links.Clear();
                Console.Error.WriteLine($"  {made:N0} persons");
            }
        }
        if (people.Count > 0)
        {
            await CopyAsync(connection, db, people);
            await CopyAsync(connection, db, records);
            await CopyAsync(connection, db, links);
            recordCount += records.Count;
            linkCount += links.Count;
        }
        world.Persons = made;
        return (recordCount, linkCount);
    }

    /// <summary>Rows of one entity through COPY, every mapped column converted as EF would write it.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, SafeguardingDbContext db, IReadOnlyList<T> rows)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.PropertyInfo is not null).ToList();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""));
        await using var writer = await connection.BeginTextImportAsync($"COPY \"{entity.GetTableName()}\" ({names}) FROM STDIN");
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) line.Append('\t');
                var value = columns[i].PropertyInfo!.GetValue(row);
                var converter = columns[i].GetTypeMapping().Converter;
                if (converter is not null && value is not null) value = converter.ConvertToProvider(value);
                line.Append(Text(value));
            }
            line.Append('\n');
            await writer.WriteAsync(line.ToString());
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "\\N",
        string s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
        bool b => b ? "t" : "f",
        Instant i => InstantPattern.ExtendedIso.Format(i),
        LocalDate d => LocalDatePattern.Iso.Format(d),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    // ---------------------------------------------------------------- the host

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A self-signed certificate for the host's data-protection keys, as a deployment names one.</summary>
    private static string KeysCertificate(string folder)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=safeguarding-hub load benchmark keys", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    }

    private static Process StartHost(TestDatabase database, int port)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Safeguarding.Web"))) root = root.Parent;
        var web = Path.Combine(root!.FullName, "src", "Safeguarding.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Safeguarding.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the web host first: dotnet build src/Safeguarding.Web -c Release ({dll})");
        var log = Path.Combine(database.Settings.DataDirectory, "host.log");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        // As a deployment sizes its pool: enough for every user at once.
        start.Environment["ConnectionStrings__Safeguarding"] = database.Settings.ConnectionString + ";Maximum Pool Size=60";
        start.Environment["Safeguarding__DataDirectory"] = database.Settings.DataDirectory;
        start.Environment["Safeguarding__DemoMode"] = "false";
        start.Environment["Safeguarding__MigrateOnStart"] = "false";
        start.Environment["Safeguarding__SeedDemoOnStart"] = "false";
        // Only the requests are measured: no outbox, deadlines or webhooks running beside them.
        start.Environment["Safeguarding__BackgroundWork__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // A production host refuses unsafe settings (Hosting/FailClosed): give it what a deployment would, so that the
        // measured host is the production one.
        start.Environment["AllowedHosts"] = "127.0.0.1";
        // Fifty users sign in from one address within seconds, faster than the sign-in limit lets one address try.
        start.Environment["Safeguarding__RateLimits__SignInPerWindow"] = "100000";
        start.Environment["Safeguarding__Smtp__Security"] = "StartTls";
        start.Environment["Safeguarding__DataProtection__CertificatePath"] = KeysCertificate(database.Settings.DataDirectory);
        var process = Process.Start(start)!;
        var sink = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (sink) sink.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (sink) sink.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.WriteLine($"web host: pid {process.Id}, http://127.0.0.1:{port}, log {log}");
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process host)
    {
        for (var i = 0; i < 240; i++)
        {
            if (host.HasExited) throw new InvalidOperationException($"The web host exited with {host.ExitCode}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The web host did not become ready in 2 minutes");
    }

    // ---------------------------------------------------------------- the users

    private sealed class Client(HttpClient http, string kind)
    {
        private readonly Dictionary<string, string> _cookies = [];
        public string Kind { get; } = kind;
        public int School { get; init; }
        public (string Id, string Secret)? Api { get; init; }
        public string? SearchToken { get; set; }

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            if (Api is { } api)
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{api.Id}:{api.Secret}")));
            var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';')[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0) _cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            return response;
        }

        public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        public async Task<string> TokenAsync(string page)
        {
            using var response = await GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
            if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {page} ({(int)response.StatusCode})");
            return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        }

        public async Task<HttpResponseMessage> PostFormAsync(string url, string token, params (string Key, string Value)[] fields) =>
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
                    new("__RequestVerificationToken", token)]),
            });
    }

    private static async Task<List<Client>> SignInAsync(HttpClient http, World world, int users)
    {
        // Of every 5 users: 2 at the Front Door, 2 Key Adults, 1 an API client; as many of each as were seeded.
        var clients = new List<Client>();
        for (var i = 0; clients.Count < users; i++)
        {
            var kind = (i % 5) switch { 0 or 1 => "frontdoor", 2 or 3 => "keyadult", _ => "api" };
            if (kind == "api")
            {
                var (id, secret, school) = world.ApiClients[(i / 5) % world.ApiClients.Count];
                clients.Add(new Client(http, kind) { Api = (id, secret), School = school });
                continue;
            }
            var list = kind == "frontdoor" ? world.FrontDoor : world.KeyAdults;
            var user = list[(i / 5 * 2 + i % 5 % 2) % list.Count];
            var client = new Client(http, kind) { School = world.Schools.FindIndex(s => s.Id == user.Organisation.Id) };
            using (var password = await client.PostFormAsync("/account/sign-in", await client.TokenAsync("/account/sign-in"),
                ("Input.Email", user.Email), ("Input.Password", TestData.Password)))
                if (password.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)password.StatusCode}");
            using (var code = await client.PostFormAsync("/account/sign-in/code", await client.TokenAsync("/account/sign-in/code"),
                ("Code", OneTimeCodes.Next(user.TotpSecret))))
                if (code.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"code answered {(int)code.StatusCode}");
            if (kind == "frontdoor") client.SearchToken = await client.TokenAsync("/people");
            clients.Add(client);
        }
        return clients;
    }

    // ---------------------------------------------------------------- the mix

    private sealed record Sample(string Kind, double Ms, int Status, bool Error);

    private static async Task<List<Sample>> DriveAsync(List<Client> clients, World world, TimeSpan warmUp, TimeSpan measured, int thinkMs)
    {
        var samples = new List<Sample>();
        var started = Stopwatch.StartNew();
        var end = warmUp + measured;
        var byKind = world.Sample.GroupBy(p => p.School).ToDictionary(g => g.Key, g => g.ToList());
        await Task.WhenAll(clients.Select((client, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            var posted = 0;
            while (started.Elapsed < end)
            {
                await Task.Delay(thinkMs / 2 + random.Next(thinkMs + 1));
                var (kind, request) = Next(client, world, byKind, random, n, ref posted);
                var watch = Stopwatch.StartNew();
                int status;
                bool error;
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    status = (int)response.StatusCode;
                    // A partner system is told only that its record was received (202): it never learns the match (issue 18).
                    error = status >= 400 || (kind == "api post" ? status is not (200 or 201 or 202) : status != 200);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                    error = true;
                }
                watch.Stop();
                if (started.Elapsed > warmUp && started.Elapsed < end)
                    lock (samples) samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds, status, error));
            }
        })));
        return samples;
    }

    private static (string Kind, HttpRequestMessage Request) Next(Client client, World world, Dictionary<int, List<Pupil>> bySchool,
        Random random, int n, ref int posted)
    {
        var anyone = world.Sample[random.Next(world.Sample.Count)];
        switch (client.Kind)
        {
            case "frontdoor":
                var roll = random.Next(10);
                if (roll < 4)
                    return ("search", new HttpRequestMessage(HttpMethod.Post, "/people")
                    {
                        Content = new FormUrlEncodedContent([new("GivenName", anyone.Given), new("FamilyName", anyone.Family),
                            new("__RequestVerificationToken", client.SearchToken!)]),
                    });
                if (roll < 8) return ("open a record", new HttpRequestMessage(HttpMethod.Get, $"/people/{anyone.PersonId}"));
                return ("DRAMM list", new HttpRequestMessage(HttpMethod.Get, "/domestic-abuse/dramm"));
            case "keyadult":
                if (random.Next(2) == 0) return ("Encompass inbox", new HttpRequestMessage(HttpMethod.Get, "/domestic-abuse/encompass/inbox"));
                var pupils = bySchool[client.School];
                return ("attendance page", new HttpRequestMessage(HttpMethod.Get, $"/learners/children/{pupils[random.Next(pupils.Count)].PersonId}"));
            default:
                var f = ArrivalsBench.Names.NewPerson(random, 1)[0];
                var body = new SourceRecordRequestBody("SIMS", $"LOAD-{n}-{posted++}-{Guid.NewGuid():N}"[..40], f.Given, f.Family, f.Dob, f.Sex.ToString(),
                    f.Postcode, f.Address, null, null);
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/source-records") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                return ("api post", request);
        }
    }

    private sealed record SourceRecordRequestBody(string SourceSystem, string LocalId, string GivenName, string FamilyName, string DateOfBirth,
        string Sex, string Postcode, string Address, string? NhsNumber, string? Upn);

    private static void Report(List<Sample> samples, int seconds)
    {
        Console.WriteLine($"{samples.Count:N0} requests in {seconds} s ({samples.Count / (double)seconds:F1}/s), {samples.Count(s => s.Error)} errors");
        Console.WriteLine("| request | count | p50 ms | p95 ms | p99 ms | max ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(samples.GroupBy(_ => "all").Single()))
        {
            var ms = group.Select(s => s.Ms).Order().ToList();
            string P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)].ToString("F1", CultureInfo.InvariantCulture);
            var errors = group.Where(s => s.Error).GroupBy(s => s.Status).Select(g => $"{g.Count()} x {g.Key}");
            Console.WriteLine($"| {group.Key} | {ms.Count:N0} | {P(0.50)} | {P(0.95)} | {P(0.99)} | {ms[^1]:F1} | {(group.Any(s => s.Error) ? string.Join(", ", errors) : "0")} |");
        }
    }
}
