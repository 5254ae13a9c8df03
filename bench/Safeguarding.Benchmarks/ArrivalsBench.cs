using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Benchmarks;

/// <summary>
/// Issue 3: a new source record matched against the person index on arrival. Builds a synthetic index of N people
/// (1-3 agency records each, Zipf-like surnames so that Smith and Khan have thousands of records), trains the model,
/// then sends M records through <see cref="PersonIndex.ReceiveAsync"/>, each in a fresh DbContext like a web request.
/// All data are synthetic.
/// </summary>
public static class ArrivalsBench
{
    private const int Batch = 10_000;
    private const int WarmUp = 20;

    public static async Task RunAsync(string[] args)
    {
        var persons = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var arrivals = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var which = args.Length > 2 ? args[2] : "both";
        var providers = which switch
        {
            "sqlite" => new[] { DatabaseProvider.Sqlite },
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        Console.WriteLine($"arrivals: {persons:N0} persons, {arrivals} arrivals (+{WarmUp} warm-up, not counted); {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var provider in providers) await RunOneAsync(provider, persons, arrivals);
    }

    private static async Task RunOneAsync(DatabaseProvider provider, int persons, int arrivals)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var load = Stopwatch.StartNew();
        var (partnershipId, police, sample, records) = await LoadAsync(database, persons);
        load.Stop();
        Console.WriteLine($"[{provider}] loaded {persons:N0} persons and {records:N0} source records in {load.Elapsed.TotalSeconds:F0} s");

        var train = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await new PersonIndex(db).TrainAsync(partnershipId, ProcessContext.System("bench:arrivals", "train the matching model"));
        }
        train.Stop();
        Console.WriteLine($"[{provider}] trained the model on all {records:N0} records in {train.Elapsed.TotalSeconds:F0} s");
        if (provider == DatabaseProvider.Postgres)
        {
            await using var db = database.NewContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var actor = new Actor(partnershipId, police, "Police feed", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "people:write" });
        var process = new ProcessContext("bench:arrivals", actor, "benchmark police feed", "local");
        var random = new Random(3);
        var results = new List<(string Kind, double Ms, ArrivalSteps Timings, LinkOutcome Outcome)>();
        // Each arrival's steps, as the person index records them on its meter.
        using var meters = MeterCapture.Start(PeopleMetrics.MeterName);
        for (var i = 0; i < arrivals + WarmUp; i++)
        {
            var (kind, incoming) = NextArrival(i, random, police, sample);
            var watch = Stopwatch.StartNew();
            await using var db = database.NewContext();
            meters.Drain();
            var arrival = await new PersonIndex(db).ReceiveAsync(incoming, process);
            watch.Stop();
            if (i >= WarmUp) results.Add((kind, watch.Elapsed.TotalMilliseconds, ArrivalSteps.From(meters.Drain()), arrival.Outcome));
        }

        Console.WriteLine($"[{provider}] ReceiveAsync over {results.Count} arrivals (ms):");
        Report("all", results);
        foreach (var group in results.GroupBy(r => r.Kind)) Report(group.Key, group.ToList());
        var t = results.Select(r => r.Timings).ToList();
        Console.WriteLine($"    medians: lookup {Median(t.Select(x => x.Lookup))} settings+model {Median(t.Select(x => x.Model))} candidate query {Median(t.Select(x => x.CandidateQuery))}"
            + $" scoring {Median(t.Select(x => x.Scoring))} save {Median(t.Select(x => x.Save))}");
        Console.WriteLine($"    p95s:    lookup {P95(t.Select(x => x.Lookup))} settings+model {P95(t.Select(x => x.Model))} candidate query {P95(t.Select(x => x.CandidateQuery))}"
            + $" scoring {P95(t.Select(x => x.Scoring))} save {P95(t.Select(x => x.Save))}");
        Console.WriteLine("    outcomes: " + string.Join(", ", results.GroupBy(r => (r.Kind, r.Outcome)).OrderBy(g => g.Key.Kind).Select(g => $"{g.Key.Kind}/{g.Key.Outcome} {g.Count()}")));
    }

    private static string Median(IEnumerable<double> ms) => Percentile(ms.ToList(), 0.5).ToString("F1", CultureInfo.InvariantCulture);
    private static string P95(IEnumerable<double> ms) => Percentile(ms.ToList(), 0.95).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>Where one arrival's time went, in milliseconds, read from the person index's meter.</summary>
    private sealed record ArrivalSteps(int Candidates, double Lookup, double Model, double CandidateQuery, double Scoring, double Save)
    {
        public static ArrivalSteps From(IReadOnlyList<Measured> taken)
        {
            double Step(string step) => MeterCapture.Sum(taken, PeopleMetrics.ArrivalStep.Name, PeopleMetrics.StepTag, step);
            return new ArrivalSteps((int)MeterCapture.Sum(taken, PeopleMetrics.ArrivalCandidates.Name),
                Step("lookup"), Step("model"), Step("candidate query"), Step("scoring"), Step("save"));
        }
    }

    private static void Report(string label, List<(string Kind, double Ms, ArrivalSteps Timings, LinkOutcome Outcome)> rows)
    {
        var ms = rows.Select(r => r.Ms).ToList();
        var candidates = rows.Select(r => (double)r.Timings.Candidates).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-16} n={rows.Count,4}  p50 {Percentile(ms, 0.5),7:F1}  p95 {Percentile(ms, 0.95),7:F1}  p99 {Percentile(ms, 0.99),7:F1}  max {ms.Max(),7:F1}"
            + $"   candidates p50 {Percentile(candidates, 0.5),5:F0} p95 {Percentile(candidates, 0.95),5:F0} max {candidates.Max(),5:F0}"));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    // ---- The arrivals ------------------------------------------------------------------------------------------

    private static (string Kind, IncomingRecord Incoming) NextArrival(int i, Random random, Guid police, Sample sample)
    {
        var localId = $"INC-{i:000000}-C1";
        string kind;
        Facts f;
        string? given, family, dob, postcode, nhs = null;
        switch (i % 5)
        {
            case 0: // exact copy of a known person, sent by the police with the NHS number when they have one
                kind = "exact";
                f = sample.Anyone[random.Next(sample.Anyone.Count)];
                (given, family, dob, postcode, nhs) = (f.Given, f.Family, f.Dob, f.Postcode, f.Nhs);
                break;
            case 1: // a noisy copy: a typo or day and month swapped, no identifiers
                kind = "noisy";
                f = sample.Anyone[random.Next(sample.Anyone.Count)];
                (given, family, dob, postcode) = (f.Given, f.Family, f.Dob, f.Postcode);
                if (random.Next(2) == 0) given = Typo(given, random);
                else if (int.Parse(dob[8..10], CultureInfo.InvariantCulture) <= 12) dob = $"{dob[..4]}-{dob[8..10]}-{dob[5..7]}";
                else family = Typo(family, random);
                if (random.Next(3) == 0) postcode = null;
                break;
            case 2: // nobody the index knows
                kind = "unknown";
                f = Names.NewPerson(random, householdSize: 1).Single();
                (given, family, dob, postcode) = (f.Given, f.Family, f.Dob, f.Postcode);
                break;
            case 3: // a known Smith or Khan, no identifiers
                kind = "common-known";
                f = sample.Common[random.Next(sample.Common.Count)];
                (given, family, dob, postcode) = (f.Given, f.Family, f.Dob, f.Postcode);
                break;
            default: // a Smith or Khan nobody knows
                kind = "common-unknown";
                f = Names.NewPerson(random, householdSize: 1).Single();
                (given, family, dob, postcode) = (f.Given, random.Next(2) == 0 ? "Smith" : "Khan", f.Dob, f.Postcode);
                break;
        }
        var received = JsonSerializer.Serialize(new { given, family, dob, postcode, role = "child present" });
        return (kind, new IncomingRecord(police, "Niche-bench", localId, received, given, family, dob, f.Sex, postcode, f.Address, nhs, null));
    }

    private static string Typo(string s, Random random)
    {
        if (s.Length < 4) return s + "e";
        var at = 1 + random.Next(s.Length - 2);
        return s[..at] + s[at + 1] + s[at] + s[(at + 2)..];
    }

    // ---- The index -----------------------------------------------------------------------------------------------

    internal sealed record Facts(string Given, string Family, string Dob, Sex Sex, string Postcode, string Address, string? Nhs, string? Upn);

    private sealed class Sample
    {
        public List<Facts> Anyone { get; } = [];
        public List<Facts> Common { get; } = [];
    }

    private static async Task<(Guid PartnershipId, Guid Police, Sample Sample, long Records)> LoadAsync(TestDatabase database, int persons)
    {
        await using var db = database.NewContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Process = new ProcessContext("bench:arrivals load", null, "synthetic benchmark index", "local", SummariseWrites: true);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288");
        var now = db.Clock.GetCurrentInstant();
        var partnership = new Partnership { Name = "Benchmark Partnership", Code = "bench", CreatedAt = now };
        db.Partnerships.Add(partnership);
        Organisation Org(string name, OrganisationType type) => new() { PartnershipId = partnership.Id, Name = name, Type = type, CreatedAt = now };
        var schools = Enumerable.Range(1, 20).Select(n => Org($"Bench School {n}", OrganisationType.School)).ToList();
        var practices = Enumerable.Range(1, 20).Select(n => Org($"Bench Practice {n}", OrganisationType.GpPractice)).ToList();
        var council = Org("Bench Council Children's Services", OrganisationType.CouncilService);
        var police = Org("Bench Police", OrganisationType.PoliceForce);
        var hospital = Org("Bench Hospital Trust", OrganisationType.HospitalTrust);
        db.Organisations.AddRange([.. schools, .. practices, council, police, hospital]);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var random = new Random(20261129);
        var sample = new Sample();
        var nhs = new NhsNumbers();
        long records = 0;
        var made = 0;
        var inBatch = 0;
        while (made < persons)
        {
            foreach (var f in Names.NewPerson(random, householdSize: Math.Min(persons - made, 1 + random.Next(3))))
            {
                var facts = random.NextDouble() < 0.9 ? f with { Nhs = nhs.Next() } : f;
                if (made % 97 == 0) sample.Anyone.Add(facts);
                if (facts.Family is "Smith" or "Khan" && random.Next(10) == 0) sample.Common.Add(facts);
                var person = new Person
                {
                    PartnershipId = partnership.Id, GivenName = facts.Given, FamilyName = facts.Family,
                    DateOfBirth = LocalDate.FromDateTime(DateTime.ParseExact(facts.Dob, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    Sex = facts.Sex, NhsNumber = facts.Nhs, CreatedAt = now,
                };
                // 1-3 records from different agencies: a GP registration for most, a school roll for school-age children, some social care.
                var sources = new List<(Organisation Org, string System, bool Nhs, bool Upn)>();
                if (random.NextDouble() < 0.85) sources.Add((practices[random.Next(practices.Count)], "EMIS", true, false));
                if (facts.Dob.CompareTo("2022-09-01") < 0 && random.NextDouble() < 0.8 || sources.Count == 0)
                    sources.Add((schools[random.Next(schools.Count)], "SIMS", false, true));
                if (random.NextDouble() < 0.15) sources.Add((random.Next(3) == 0 ? hospital : council, "Mosaic", true, false));
                person.RecordedByOrganisationId = sources[0].Org.Id;
                db.People.Add(person);
                foreach (var (org, system, withNhs, withUpn) in sources)
                {
                    // A few agencies write the name a little differently, so that the model has something to learn.
                    var given = random.NextDouble() < 0.03 ? Typo(facts.Given, random) : facts.Given;
                    db.SourceRecords.Add(new SourceRecord
                    {
                        PartnershipId = partnership.Id, OrganisationId = org.Id, SourceSystem = system, LocalId = $"{system}-{made:0000000}",
                        Received = "{}", ReceivedAt = now, GivenName = given, FamilyName = facts.Family, DateOfBirth = facts.Dob, Sex = facts.Sex,
                        Postcode = random.NextDouble() < 0.95 ? facts.Postcode : null, Address = facts.Address,
                        NhsNumber = withNhs ? facts.Nhs : null, Upn = withUpn ? UpnFor(made, facts.Dob) : null,
                        PersonId = person.Id, Outcome = LinkOutcome.NewPerson,
                    });
                    records++;
                    inBatch++;
                }
                made++;
            }
            if (inBatch >= Batch || made >= persons)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                inBatch = 0;
                if (made % 100_000 < 3) Console.Error.WriteLine($"  {made:N0} persons");
            }
        }
        return (partnership.Id, police.Id, sample, records);
    }

    private static string UpnFor(int n, string dob)
    {
        var last12 = string.Create(CultureInfo.InvariantCulture, $"383{2000 + n / 1000:0000}{dob[2..4]}{n % 1000:000}");
        return Upn.CheckLetter(last12) + last12;
    }

    private sealed class NhsNumbers
    {
        private int _index;

        /// <summary>Numbers in the 999 test range; null when the range is used up (about 909,000 are valid).</summary>
        public string? Next()
        {
            while (_index < 1_000_000)
            {
                var nine = (999_000_000 + (int)((123_457L + (long)_index++ * 389_111) % 1_000_000)).ToString(CultureInfo.InvariantCulture);
                if (NhsNumber.TryCheckDigit(nine) is not null) return NhsNumber.WithCheckDigit(nine);
            }
            return null;
        }
    }

    /// <summary>Synthetic UK-ish names: surnames by a Zipf-like rank frequency (Smith about 1%), given names likewise.</summary>
    internal static class Names
    {
        private static readonly string[] Common =
        [
            "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Khan", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Ali",
            "Robinson", "Hussain", "Thompson", "Wright", "Walker", "Ahmed", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
            "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
            "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
            "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
            "Richards", "Begum", "Akhtar", "Mahmood", "Iqbal", "Rahman", "Nowak", "Kowalski", "Okafor", "Mensah", "Chen", "Nguyen", "Kaur", "Singh",
        ];

        private static readonly string[] Starts = ["Ash", "Brad", "Hol", "Kirk", "Thorn", "Brig", "Hal", "Mor", "Wal", "Crow", "Fair", "Ship", "Stan",
            "Wether", "Bram", "Calver", "Garfor", "Roth", "Pud", "Ot", "Bur", "Cal", "Dew", "Elm", "Fen", "Gos", "Hep", "Ick", "Lin", "Mel"];
        private static readonly string[] Ends = ["ley", "field", "wood", "ton", "by", "thorpe", "gate", "side", "hill", "dale", "bank", "well",
            "royd", "worth", "man", "son", "er", "ham", "ford", "stead", "more", "croft", "shaw", "cliffe", "house", "lock", "bourne", "wick"];
        private static readonly string[] Thirds = ["", "s", "e", "es", "er", "ing", "ett", "all", "ow", "in", "ey", "on", "ard", "ick", "ant", "ell",
            "ers", "ies", "ton", "by", "ley", "ham", "man", "son", "well", "field", "wood", "more", "gate", "worth", "dale", "croft", "hurst", "lake",
            "mead", "brook", "cott", "den", "low", "bury", "port", "stone", "ridge", "mere", "holme", "lands", "row", "ways", "ings", "gill"];

        private static readonly string[] Girls = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace",
            "Freya", "Poppy", "Evie", "Ella", "Florence", "Willow", "Daisy", "Sienna", "Matilda", "Emily", "Ruby", "Harper", "Phoebe", "Esme", "Aisha",
            "Maryam", "Fatima", "Zara", "Hafsa", "Amira", "Zainab", "Inaya", "Maja", "Zuzanna", "Amara", "Chioma", "Adaeze", "Niamh", "Megan",
            "Chloe", "Jessica", "Hannah", "Charlotte", "Layla", "Hana", "Lena", "Anaya", "Eva", "Alice"];
        private static readonly string[] Boys = ["Muhammad", "Noah", "Oliver", "George", "Leo", "Arthur", "Oscar", "Harry", "Jack", "Charlie",
            "Freddie", "Theo", "Archie", "Henry", "Alfie", "Thomas", "Jacob", "Isaac", "Joshua", "Ethan", "Yusuf", "Ibrahim", "Musa", "Ayaan",
            "Zayn", "Hamza", "Adam", "Ali", "Omar", "Jakub", "Szymon", "Filip", "Chidi", "Kwame", "Tobi", "Callum", "Liam", "Dylan", "Mason",
            "Logan", "Riley", "Finley", "Max", "Reuben", "Samuel", "Daniel", "Joseph", "Luca", "Elijah", "William"];
        private static readonly string[] Streets = ["Road", "Street", "Avenue", "Close", "Grove", "Lane", "Terrace", "Crescent", "Drive", "Mount"];

        private const int Surnames = 50_000;
        private static readonly double[] SurnameCumulative = Cumulative(Surnames, 10);
        private static readonly double[] GivenCumulative = Cumulative(50, 4);
        private static readonly LocalDate Today = new(2026, 11, 1);

        private static double[] Cumulative(int n, double offset)
        {
            var c = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++) c[k] = sum += 1 / (k + 1 + offset);
            for (var k = 0; k < n; k++) c[k] /= sum;
            return c;
        }

        private static int Rank(double[] cumulative, Random random)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(cumulative.Length - 1, at < 0 ? ~at : at);
        }

        private static string Surname(int rank)
        {
            if (rank < Common.Length) return Common[rank];
            var k = rank - Common.Length;
            return Starts[k % Starts.Length] + Ends[k / Starts.Length % Ends.Length] + Thirds[k / (Starts.Length * Ends.Length) % Thirds.Length];
        }

        /// <summary>Children of one household: one surname, postcode and address, different birth dates.</summary>
        public static List<Facts> NewPerson(Random random, int householdSize)
        {
            var family = Surname(Rank(SurnameCumulative, random));
            var postcode = string.Create(CultureInfo.InvariantCulture,
                $"LS{1 + random.Next(29)} {random.Next(10)}{(char)('A' + random.Next(20))}{(char)('A' + random.Next(20))}");
            var address = $"{1 + random.Next(150)} {Starts[random.Next(Starts.Length)]}{Ends[random.Next(Ends.Length)]} {Streets[random.Next(Streets.Length)]}";
            var people = new List<Facts>(householdSize);
            for (var i = 0; i < householdSize; i++)
            {
                var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
                var given = (sex == Sex.Female ? Girls : Boys)[Rank(GivenCumulative, random)];
                var dob = Today.PlusDays(-random.Next(18 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                people.Add(new Facts(given, family, dob, sex, postcode, address, null, null));
            }
            return people;
        }
    }
}
