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
using Safeguarding.Core.Tests.Platform.Calendars;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.DomesticAbuse.IncidentJson;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// The batch path (files, the demo's year, the benchmark) and the one-at-a-time path (the API) are one set of rules:
/// the same incidents give the same outcomes and leave the same incidents, people and notifications, whether taken
/// one by one or in blocks, including a correction and an unchanged repeat of an incident earlier in the same batch.
/// </summary>
public sealed class BatchIntakeTests(EncompassFixture fixture) : IClassFixture<EncompassFixture>
{
    [Theory, BothDatabases]
    public async Task A_batch_gives_the_same_outcomes_and_notifications_as_the_same_incidents_sent_one_at_a_time(DatabaseProvider provider)
    {
        var model = await ModelAsync(provider);
        await using var oneByOne = await SmallWorld.CreateAsync(provider, model);
        await using var batched = await SmallWorld.CreateAsync(provider, model);
        var incidents = Incidents();

        var single = new List<IntakeResult>();
        foreach (var json in incidents)
        {
            await using var db = oneByOne.NewContext();
            single.Add(await oneByOne.Intake(db).ReceiveAsync(new ReceiveIncidentOptions(json, "test"), oneByOne.Process, TestContext.Current.CancellationToken));
        }
        IReadOnlyList<IntakeResult> many;
        await using (var db = batched.NewContext())
            many = await batched.Intake(db).ReceiveManyAsync(new ReceiveIncidentsOptions([.. incidents.Select(j => new IncidentToReceive(j, IncidentRules.Parse(j, out var p), p, "test"))]),
                batched.Process, TestContext.Current.CancellationToken);

        // The inputs cover every outcome, so that agreeing means something.
        Assert.Equal(
            [IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Unchanged, IntakeOutcome.NewVersion,
             IntakeOutcome.Accepted, IntakeOutcome.Quarantined, IntakeOutcome.NewVersion, IntakeOutcome.Accepted],
            single.Select(r => r.Outcome));
        Assert.Equal(single.Select(Outcome), many.Select(Outcome));
        Assert.Equal(await oneByOne.SnapshotAsync(), await batched.SnapshotAsync());
    }

    [Theory, BothDatabases]
    public async Task A_file_sent_again_is_unchanged_throughout_and_tells_nobody_twice(DatabaseProvider provider)
    {
        await using var world = await SmallWorld.CreateAsync(provider, await ModelAsync(provider));
        // Each incident's last account only: sending an earlier account again would rightly be a new version.
        var incidents = Incidents().Select(j => new IncidentToReceive(j, IncidentRules.Parse(j, out var p), p, "test"))
            .GroupBy(i => i.Report?.PoliceReference).Select(g => g.Last()).ToList();
        await using (var db = world.NewContext())
            await world.Intake(db).ReceiveManyAsync(new ReceiveIncidentsOptions(incidents, BlockSize: 3), world.Process, TestContext.Current.CancellationToken);
        var before = await world.SnapshotAsync();

        IReadOnlyList<IntakeResult> again;
        await using (var db = world.NewContext())
            again = await world.Intake(db).ReceiveManyAsync(new ReceiveIncidentsOptions(incidents, BlockSize: 3), world.Process, TestContext.Current.CancellationToken);

        Assert.Contains(again, r => r.Outcome != IntakeOutcome.Quarantined);
        Assert.All(again.Where(r => r.Outcome != IntakeOutcome.Quarantined), r => Assert.Equal(IntakeOutcome.Unchanged, r.Outcome));
        Assert.Equal(0, again.Sum(r => r.NotificationsMade));
        var after = await world.SnapshotAsync();
        Assert.Equal(before.Notifications, after.Notifications);
        Assert.Equal(before.Incidents, after.Incidents);
    }

    private static string Outcome(IntakeResult r) =>
        $"{r.Outcome} {r.PoliceReference} v{r.Version} notified {r.NotificationsMade} waiting {r.ChildrenWaitingForASetting} reasons {string.Join(";", r.Reasons)}";

    private async Task<string> ModelAsync(DatabaseProvider provider)
    {
        await using var db = (await fixture.GetAsync(provider)).NewContext();
        return (await db.LinkageSettings.Select(s => s.ModelJson).SingleAsync())!;
    }

    /// <summary>
    /// Ten incidents: a pupil on a roll; a dual-registered pupil with a child nobody knows; a home-educated child; a
    /// baby; the first again unchanged; the first corrected; the unknown child again in another incident (found as
    /// the person the earlier incident made); an invalid incident; the second with a pupil added; the first's adults again.
    /// </summary>
    private static List<string> Incidents()
    {
        string Pupil(int i, bool present = true) => $$"""{"givenName":"{{SmallWorld.Pupils[i].Given}}","familyName":"{{SmallWorld.Pupils[i].Family}}","dateOfBirth":"{{SmallWorld.Pupils[i].Dob}}","sex":"Female","postcode":"{{SmallWorld.Pupils[i].Postcode}}","present":{{(present ? "true" : "false")}},"sawOrHeard":true,"resident":true,"spokenTo":false}""";
        string Json(string reference, string summary, params string[] children) =>
            System.Text.Json.Nodes.JsonNode.Parse(Incident(reference, summary))!.AsObject() is var o && (o["children"] = System.Text.Json.Nodes.JsonNode.Parse($"[{string.Join(',', children)}]")) is not null
                ? o.ToJsonString() : "";
        const string unknown = """{"givenName":"Zebedee","familyName":"Nowhereknown","dateOfBirth":"2016-05-05","sex":"Male","postcode":"AV9 9ZZ","present":false,"sawOrHeard":true,"resident":true,"spokenTo":false}""";
        const string baby = """{"givenName":"Baby","familyName":"Youngchild","dateOfBirth":"2025-01-10","present":true,"sawOrHeard":false,"resident":true,"spokenTo":false}""";
        return
        [
            Json("AV-B-0001", "First account", Pupil(0, present: false)),
            Json("AV-B-0002", "Two children", Pupil(1), unknown),
            Json("AV-B-0003", "Home educated", Pupil(2)),
            Json("AV-B-0004", "A baby", baby),
            Json("AV-B-0001", "First account", Pupil(0, present: false)),
            Json("AV-B-0001", "First account", Pupil(0, present: true)),
            Json("AV-B-0005", "The unknown child again", unknown),
            Json("AV-B-0006", "Bad", Pupil(3)).Replace("\"Physical\"", "\"Shouting\"", StringComparison.Ordinal),
            Json("AV-B-0002", "Two children", Pupil(1), unknown, Pupil(3)),
            Json("AV-B-0007", "Same adults as the first", Pupil(4)),
        ];
    }

    /// <summary>A partnership of its own (a force, the council, three schools, five pupils) with the demo's trained model, on the intake tests' clock.</summary>
    private sealed class SmallWorld : TestWorld
    {
        public static readonly (string Given, string Family, string Dob, string Postcode)[] Pupils =
        [
            ("Imogen", "Ashworth", "2015-03-14", "AV1 2BC"), ("Priya", "Baldwin", "2013-07-02", "AV2 3CD"), ("Freya", "Calloway", "2014-11-20", "AV3 4DE"),
            ("Martha", "Dunmore", "2016-01-30", "AV4 5EF"), ("Ottilie", "Everard", "2012-09-09", "AV5 6FG"),
        ];

        private SmallWorld(TestWorld world) : base(world)
        {
        }

        public Actor Police { get; private set; } = null!;
        public ProcessContext Process => new("test:batch intake", Police, FromAddress: "test");

        public IncidentIntake Intake(SafeguardingDbContext db) => new(db, new PersonIndex(db), new Quarantine(db));

        public static async Task<SmallWorld> CreateAsync(DatabaseProvider provider, string model)
        {
            var world = new SmallWorld(await TestWorld.CreateAsync(provider, EncompassFixture.Now));
            var partnership = world.Partnership;
            var police = await world.OrganisationAsync(OrganisationType.PoliceForce, "Aire Valley Police");
            var council = await world.OrganisationAsync(OrganisationType.CouncilService, "Learning Inclusion");
            var schools = new[] { await world.OrganisationAsync(name: "Ashgrove Primary"), await world.OrganisationAsync(name: "Beckside Academy"),
                await world.OrganisationAsync(name: "Cragview School") };
            world.Police = world.PoliceSystemOf(police);
            await world.PublishCalendarAsync(DeadlineTests.CouncilYear());
            await world.SetUpEncompassAsync(council, contactName: "Police hub");

            await using var db = world.NewContext();
            db.Process = ProcessContext.System("test:arrange");
            // Beckside has an INSET day on Monday 9 November: its deadline differs from the others'.
            db.SchoolCalendars.Add(new SchoolCalendar { PartnershipId = partnership.Id, OrganisationId = schools[1].Id, Closures = [new SchoolClosure { Date = new LocalDate(2026, 11, 9), Reason = "INSET day" }] });
            db.LinkageSettings.Add(new LinkageSettings { PartnershipId = partnership.Id, ModelJson = model });
            for (var i = 0; i < Pupils.Length; i++)
            {
                var (given, family, dob, postcode) = Pupils[i];
                var school = schools[i % schools.Length];
                var person = new Person { PartnershipId = partnership.Id, GivenName = given, FamilyName = family, DateOfBirth = LocalDate.FromDateTime(DateTime.Parse(dob, System.Globalization.CultureInfo.InvariantCulture)), Sex = Sex.Female };
                var record = new SourceRecord
                {
                    PartnershipId = partnership.Id, OrganisationId = school.Id, SourceSystem = "SIMS", LocalId = $"pupil-{i}", Received = "{}", GivenName = given, FamilyName = family,
                    DateOfBirth = dob, Sex = Sex.Female, Postcode = postcode, PersonId = person.Id, Outcome = LinkOutcome.NewPerson,
                };
                db.People.Add(person);
                db.SourceRecords.Add(record);
                if (i == 2)
                {
                    // Freya left school for home education.
                    db.LearnerRegisterEntries.Add(new LearnerRegisterEntry { PartnershipId = partnership.Id, Register = LearnerRegister.ElectiveHomeEducation, PersonId = person.Id, SourceRecordId = record.Id, From = new LocalDate(2026, 1, 5) });
                    continue;
                }
                foreach (var at in i == 1 ? [schools[0], schools[1]] : new[] { school })
                    db.PupilRegistrations.Add(new PupilRegistration { PartnershipId = partnership.Id, OrganisationId = at.Id, PersonId = person.Id, SourceRecordId = record.Id, LocalId = $"roll-{i}-{at.Name[..4]}", StartedOn = new LocalDate(2024, 9, 1) });
            }
            await db.SaveChangesAsync();
            return world;
        }

        /// <summary>What the intake left, with nothing that differs between two databases by chance (ids, which person is which by id).</summary>
        public async Task<Snapshot> SnapshotAsync()
        {
            await using var db = NewContext();
            var records = await db.SourceRecords.AsNoTracking().ToListAsync();
            var personName = records.GroupBy(r => r.PersonId!.Value)
                .ToDictionary(g => g.Key, g => string.Join("+", g.Select(r => r.LocalId).Order(StringComparer.Ordinal)));
            var incidents = await db.DomesticIncidents.AsNoTracking().Include(i => i.Children).Include(i => i.Adults).ToListAsync();
            var incidentOf = incidents.ToDictionary(i => i.Id, i => $"{i.PoliceReference} v{i.Version}");
            var childOf = incidents.SelectMany(i => i.Children.Select(c => (c.Id, Name: $"{incidentOf[i.Id]} {c.GivenName}"))).ToDictionary(x => x.Id, x => x.Name);
            var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
            var notifications = await db.EncompassNotifications.AsNoTracking().ToListAsync();
            var notificationOf = notifications.ToDictionary(n => n.Id, n => $"{childOf[n.IncidentChildId]} to {organisations[n.RecipientOrganisationId]}");
            return new Snapshot(
                string.Join("\n", incidents.Select(i => $"{incidentOf[i.Id]} latest={i.IsLatest} {i.Summary} adults=[{string.Join(",", i.Adults.Select(a => personName[a.PersonId!.Value]).Order(StringComparer.Ordinal))}] children=[{string.Join(",", i.Children.Select(c => $"{c.GivenName}:{c.SettingOutcome}:{c.ResolutionDeadline}:{personName[c.PersonId!.Value]}").Order(StringComparer.Ordinal))}]").Order(StringComparer.Ordinal)),
                string.Join("\n", notifications.Select(n => $"{notificationOf[n.Id]} {n.Recipient} {n.Status} due {n.Deadline} follows [{(n.FollowsUpNotificationId is { } f ? notificationOf[f] : "")}] {n.Content}").Order(StringComparer.Ordinal)),
                string.Join("\n", records.Select(r => $"{r.LocalId} {r.Outcome} person {personName[r.PersonId!.Value]}").Order(StringComparer.Ordinal)),
                string.Join("\n", (await db.QuarantinedRecords.AsNoTracking().ToListAsync()).Select(q => q.Reason).Order(StringComparer.Ordinal)));
        }
    }

    private sealed record Snapshot(string Incidents, string Notifications, string People, string Quarantine);
}
