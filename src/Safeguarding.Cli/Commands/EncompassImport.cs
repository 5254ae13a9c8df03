using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard encompass import</c>: a police force's incident file (JSON or CSV) through the same intake as the
/// API, with a result for every record. A bad record is quarantined; the rest are taken.
/// </summary>
public static class EncompassImport
{
    public static Command Create(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "incidents.json (one incident or a list, in the API's shape) or incidents.csv (one row per child).", Required = true };
        var force = new Option<string?>("--force") { Description = "The sending police force's code (e.g. 13); needed only when the partnership has several forces." };
        var partnership = new Option<string?>("--partnership") { Description = "The partnership's code; needed only when there are several." };
        var command = new Command("import", "Import a police force's incident file: accepted, new version, unchanged or quarantined, record by record.");
        foreach (var o in new Option[] { file, force, partnership }) command.Options.Add(o);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists) throw new CliException($"{path.FullName}: no such file.");
            var text = await File.ReadAllTextAsync(path.FullName, ct);

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var owner = await UsersCreateAdmin.FindPartnershipAsync(db.Partnerships, parseResult.GetValue(partnership), ct);
            var code = parseResult.GetValue(force)?.Trim();
            var forces = await db.Organisations.AsNoTracking()
                .Where(o => o.PartnershipId == owner.Id && o.Type == OrganisationType.PoliceForce && (code == null || o.PoliceForceCode == code)).ToListAsync(ct);
            var sender = forces.Count == 1 ? forces[0]
                : throw new CliException(code is null ? "Name the sending force with --force CODE." : $"There is no police force with the code '{code}'.");

            // The command line acts as the force's own system, as its API client would.
            var actor = new Actor(owner.Id, sender.Id, $"{sender.Name} (command line import)", new HashSet<Role> { Role.PoliceDomesticAbuse });
            var intake = new IncidentIntake(db, new PersonIndex(db), new Quarantine(db));
            IReadOnlyList<FileRecordResult> results;
            try
            {
                results = await intake.ImportFileAsync(new ImportIncidentFileOptions(text, path.Name), new ProcessContext("cli:encompass import", actor, FromAddress: "cli"), ct);
            }
            catch (IncidentFileException e)
            {
                throw new CliException(e.Message.StartsWith(path.Name, StringComparison.Ordinal) ? path.FullName + e.Message[path.Name.Length..] : e.Message);
            }

            var table = new Table().AddColumns("Record", "Police reference", "Result");
            foreach (var r in results) table.AddRow(Markup.Escape(r.Where), Markup.Escape(r.Result.PoliceReference ?? ""), Markup.Escape(Describe(r.Result)));
            context.Console.Write(table);
            context.Console.MarkupLine(string.Join(", ", Enum.GetValues<IntakeOutcome>()
                .Select(o => $"{results.Count(r => r.Result.Outcome == o)} {Describe(o)}")) + $"; {results.Sum(r => r.Result.NotificationsMade)} notifications made.");
            return Cli.Ok;
        }));
        return command;
    }

    public static string Describe(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Accepted => "accepted",
        IntakeOutcome.NewVersion => "new version",
        IntakeOutcome.Unchanged => "unchanged",
        _ => "quarantined",
    };

    public static string Describe(IntakeResult r) => r.Outcome switch
    {
        IntakeOutcome.Quarantined => $"quarantined: {string.Join("; ", r.Reasons)}",
        IntakeOutcome.Unchanged => $"unchanged (version {r.Version} already held these facts)",
        _ => $"{Describe(r.Outcome)} (version {r.Version}), {r.NotificationsMade} notifications" +
             (r.ChildrenWaitingForASetting > 0 ? $", {r.ChildrenWaitingForASetting} children waiting for a setting" : ""),
    };
}
