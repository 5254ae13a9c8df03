using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

public enum CrashTarget
{
    /// <summary><c>safeguard encompass import</c> of a police force's batch file.</summary>
    EncompassImport,
    /// <summary><c>safeguard attendance import</c> of a roll and its register marks.</summary>
    AttendanceImport,
    /// <summary><c>safeguard outbox dispatch</c> delivering notifications and sending their emails.</summary>
    OutboxDispatch,
}

/// <param name="KilledMidWork">Trials whose kill left the work part-done (some but not all of it in the database).</param>
/// <param name="Resent">Emails the SMTP server got twice, with the same Message-ID: the one in flight at the kill.</param>
public sealed record CrashDrillResult(
    CrashTarget Target, DatabaseProvider Provider, int Seed, int Trials, int KilledMidWork, int Lost, int Duplicated, int ChainBroken,
    int Resent, TimeSpan Wall)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Target} on {Provider}: seed {Seed}, {Trials} trials ({KilledMidWork} killed mid-work), lost {Lost}, duplicated {Duplicated}, " +
        $"chain {(ChainBroken == 0 ? "intact" : $"BROKEN in {ChainBroken}")}, resent mails {Resent}, wall {Wall.TotalSeconds:0}s");
}

/// <summary>
/// The crash drill: each trial starts the real command as its own process, SIGKILLs it at a random point (from a
/// seeded generator, so a failing trial can be replayed with the same seed), runs the command again to completion
/// (the restart), and checks that every record is there once and the audit chain verifies. The kill point is "once
/// k of the trial's records are committed" (k random), or a random moment of startup when k is 0, so kills land
/// between records rather than mostly in process startup.
/// </summary>
public static class CrashDrill
{
    private const int RecordsPerTrial = 20;

    public static async Task<CrashDrillResult> RunAsync(CrashTarget target, DatabaseProvider provider, int trials, int seed, Action<string> log)
    {
        var wall = Stopwatch.StartNew();
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await World.CreateAsync(database, target);
        log($"{target} on {provider}: seed {seed}");

        int midWork = 0, lost = 0, duplicated = 0, broken = 0, resent = 0;
        for (var i = 0; i < trials; i++)
        {
            var trial = await world.ArrangeAsync(i);
            // The kill point: after k of the trial's records are committed, or (k = 0) at a random moment of startup.
            var k = random.Next(0, trial.Records);
            var startupKill = TimeSpan.FromMilliseconds(random.Next(0, 3000));
            using (var process = world.Start(trial))
            {
                var started = Stopwatch.StartNew();
                while (!process.HasExited && (k == 0 ? started.Elapsed < startupKill : await world.CountDoneAsync(trial) < k))
                    await Task.Delay(10);
                if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flushing
                await process.WaitForExitAsync();
            }
            var done = await world.CountDoneAsync(trial);
            if (done > 0 && done < trial.Records) midWork++;

            await world.FinishAsync(trial); // the restart
            var check = await world.CheckAsync(trial);
            lost += check.Lost;
            duplicated += check.Duplicated;
            resent += check.Resent;
            var verify = await new CliRunner(Cli.RunAsync, world.Settings).RunAsync("audit", "verify");
            if (verify.ExitCode != 0) broken++;
            if (check.Lost > 0 || check.Duplicated > 0 || verify.ExitCode != 0)
                log($"  trial {i} (kill point {(k == 0 ? $"{startupKill.TotalMilliseconds:0} ms" : $"{k} records")}): lost {check.Lost}, duplicated {check.Duplicated}, audit: {verify.Error.Trim()}");
        }
        var result = new CrashDrillResult(target, provider, seed, trials, midWork, lost, duplicated, broken, resent, wall.Elapsed);
        log(result.ToString());
        return result;
    }

    private sealed record Trial(int Index, int Records, string[] Args, IReadOnlyList<string> Keys);

    private sealed record Check(int Lost, int Duplicated, int Resent);

    /// <summary>One database per target, and in it what every trial shares; each trial's records are its own.</summary>
    private sealed class World
    {
        private readonly TestDatabase _database;
        private readonly CrashTarget _target;
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-crash-drill", Guid.NewGuid().ToString("N"))).FullName;
        private TestData _data = null!;
        private Organisation _force = null!;
        private Organisation _school = null!;
        private TestSmtpServer? _smtp;
        private readonly Dictionary<string, string> _more = [];

        private World(TestDatabase database, CrashTarget target) => (_database, _target) = (database, target);

        public IReadOnlyDictionary<string, string?> Settings => CliRunner.Settings(_database)
            .Concat(_more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))).ToDictionary();

        public static async Task<World> CreateAsync(TestDatabase database, CrashTarget target)
        {
            var world = new World(database, target) { _data = new TestData(() => database.NewContext()) };
            var partnership = await world._data.CreatePartnershipAsync();
            world._force = await world._data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
            world._school = await world._data.CreateOrganisationAsync(partnership.Id);
            if (target == CrashTarget.OutboxDispatch)
            {
                world._smtp = await TestSmtpServer.SharedAsync();
                world._more["Safeguarding:Smtp:Host"] = "127.0.0.1";
                world._more["Safeguarding:Smtp:Port"] = world._smtp.SmtpPort.ToString(CultureInfo.InvariantCulture);
                world._more["Safeguarding:Smtp:Security"] = "None";
                world._more["Safeguarding:Smtp:MessageIdDomain"] = "crash.example";
                world._more["Safeguarding:Outbox:BatchSize"] = "5";
                // A killed dispatcher's claims come back after this long; short, so the restart does not wait.
                world._more["Safeguarding:Outbox:LeaseSeconds"] = "1";
            }
            return world;
        }

        public Process Start(Trial trial) => CliRunner.Start(_database, _more, trial.Args);

        public async Task<Trial> ArrangeAsync(int index)
        {
            var tag = index < 0 ? "C" : index.ToString("D4", CultureInfo.InvariantCulture);
            var run = Guid.NewGuid().ToString("N")[..6];
            switch (_target)
            {
                case CrashTarget.EncompassImport:
                {
                    var references = Enumerable.Range(0, RecordsPerTrial).Select(k => $"CR-{run}-{tag}-{k:D2}").ToList();
                    var csv = new StringBuilder(string.Join(',', IncidentFiles.CsvColumns)).Append('\n');
                    foreach (var r in references)
                        csv.Append(r).Append(",2026-03-27T20:00:00+00:00,2026-03-27T20:30:00+00:00,AV1 1AA,1 Example Street,Physical,Shouting heard,Alex,Example,1990-02-03,,,,")
                            .Append(",Robin,Example,2016-05-06,Female,,AV1 1AA,child of victim,yes,yes,yes,no,,\n");
                    var file = Path.Combine(_folder, $"incidents-{tag}.csv");
                    await File.WriteAllTextAsync(file, csv.ToString());
                    return new Trial(index, RecordsPerTrial, ["encompass", "import", "--file", file], references);
                }
                case CrashTarget.AttendanceImport:
                {
                    var upns = Enumerable.Range(0, RecordsPerTrial).Select(k =>
                    {
                        var digits = (801200000000L + ((long)(index + 2) * 1000) + k).ToString(CultureInfo.InvariantCulture);
                        return Core.People.Upn.CheckLetter(digits) + digits;
                    }).ToList();
                    var pupils = Path.Combine(_folder, $"pupils-{tag}.csv");
                    var marks = Path.Combine(_folder, $"marks-{tag}.csv");
                    await File.WriteAllTextAsync(pupils, "upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm\n"
                        + string.Concat(upns.Select(u => $"{u},{_school.Urn},2015-03-01,F,4,N,,false\n")));
                    await File.WriteAllTextAsync(marks, "upn,urn,date,session,code\n"
                        + string.Concat(upns.Select(u => $"{u},{_school.Urn},2024-09-02,AM,/\n{u},{_school.Urn},2024-09-02,PM,N\n")));
                    return new Trial(index, RecordsPerTrial, ["attendance", "import", "--pupils", pupils, "--marks", marks], upns);
                }
                default:
                {
                    // A school of its own, so that its one Key Adult gets exactly this trial's alerts.
                    var school = await _data.CreateOrganisationAsync(_force.PartnershipId);
                    var keyAdult = await _data.CreateUserAsync(school, Role.SchoolKeyAdult);
                    var now = SystemClock.Instance.GetCurrentInstant();
                    var incident = await _data.CreateIncidentAsync(_force, now - Duration.FromHours(1), children: RecordsPerTrial, reference: $"CR-{run}-{tag}");
                    foreach (var child in incident.Children)
                        await _data.CreateReadyNotificationAsync(incident, child, school, now + Duration.FromHours(12));
                    return new Trial(index, RecordsPerTrial, ["outbox", "dispatch", "--until-all-sent"], [incident.Id.ToString(), keyAdult.Email]);
                }
            }
        }

        /// <summary>How much of the trial's work is in the database now.</summary>
        public async Task<int> CountDoneAsync(Trial trial)
        {
            await using var db = _database.NewContext();
            return _target switch
            {
                CrashTarget.EncompassImport => await db.DomesticIncidents.CountAsync(i => trial.Keys.Contains(i.PoliceReference)),
                CrashTarget.AttendanceImport => await db.Enrolments.CountAsync(e => trial.Keys.Contains(e.Upn)),
                _ => await OutboxOfAsync(db, Guid.Parse(trial.Keys[0])).CountAsync(m => m.Status == OutboxStatus.Delivered),
            };
        }

        private static IQueryable<OutboxMessage> OutboxOfAsync(SafeguardingDbContext db, Guid incidentId) =>
            db.OutboxMessages.Where(m => db.EncompassNotifications.Any(n => n.IncidentId == incidentId && n.Id == m.AboutId));

        /// <summary>The restart: the same command run again, to the end.</summary>
        public async Task FinishAsync(Trial trial)
        {
            var run = await new CliRunner(Cli.RunAsync, Settings).RunAsync(trial.Args);
            if (run.ExitCode != 0) throw new InvalidOperationException($"The restart of trial {trial.Index} failed: {run.Error}");
        }

        public async Task<Check> CheckAsync(Trial trial)
        {
            await using var db = _database.NewContext();
            switch (_target)
            {
                case CrashTarget.EncompassImport:
                {
                    var found = await db.DomesticIncidents.Where(i => trial.Keys.Contains(i.PoliceReference)).Select(i => i.PoliceReference).ToListAsync();
                    return new Check(trial.Keys.Except(found).Count(), found.Count - found.Distinct().Count(), 0);
                }
                case CrashTarget.AttendanceImport:
                {
                    var found = await db.Enrolments.Where(e => trial.Keys.Contains(e.Upn)).Select(e => e.Upn).ToListAsync();
                    // Once more: a run after the restart finds every row already there, every mark already held.
                    var again = await new CliRunner(Cli.RunAsync, Settings).RunAsync(trial.Args);
                    var missing = trial.Keys.Except(found).Count()
                        + (again.Output.Contains("0 enrolments added, 0 updated", StringComparison.Ordinal) && again.Output.Contains("0 new, 0 replaced", StringComparison.Ordinal) ? 0 : 1);
                    return new Check(missing, found.Count - found.Distinct().Count(), 0);
                }
                default:
                {
                    var incidentId = Guid.Parse(trial.Keys[0]);
                    var notifications = await db.EncompassNotifications.Where(n => n.IncidentId == incidentId).ToListAsync();
                    var ids = notifications.Select(n => n.Id).ToList();
                    var messages = await db.OutboxMessages.Where(m => m.AboutId != null && ids.Contains(m.AboutId.Value)).ToListAsync();
                    var mails = await _smtp!.WaitForAsync([trial.Keys[1]], RecordsPerTrial);
                    var expected = messages.Select(m => EmailChannel.MessageIdFor(m, "crash.example")).ToHashSet();
                    var lost = notifications.Count(n => n.Status != NotificationStatus.Delivered) + messages.Count(m => m.Status != OutboxStatus.Delivered)
                        + expected.Count(id => mails.All(m => m.MessageId != id)) + Math.Max(0, RecordsPerTrial - notifications.Count);
                    var duplicated = (notifications.Count - RecordsPerTrial > 0 ? notifications.Count - RecordsPerTrial : 0)
                        + (messages.Count - messages.Select(m => m.AboutId).Distinct().Count())
                        + mails.Count(m => !expected.Contains(m.MessageId!));
                    return new Check(lost, duplicated, mails.Count - mails.Select(m => m.MessageId).Distinct().Count());
                }
            }
        }
    }
}
