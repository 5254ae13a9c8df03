using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard report figures --from YYYY-MM-DD --to YYYY-MM-DD [--out figures.json] [--published]</c>: every figure of the
/// yearly report's catalogue for the period, as one JSON object (the period, and each figure with its value, comparison,
/// definition and source), printed and, with <c>--out</c>, written to a file. The command acts as the partnership's
/// analyst (figures only, no person) and its read is audited as theirs would be. <c>--published</c> leaves out counts of
/// 1 to 4, as a published edition does.
/// </summary>
public static class ReportFiguresCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "The first day of the period, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "The last day of the period, YYYY-MM-DD.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write figures.json as well." };
        var published = new Option<bool>("--published") { Description = "Leave out counts of 1 to 4, as a published edition does." };
        var partnershipCode = new Option<string?>("--partnership") { Description = "The partnership's code; needed only when there are several." };
        var command = new Command("figures", "The yearly report's figures for a period, each with its comparison, definition and source, as JSON.");
        foreach (var o in new Option[] { from, to, output, published, partnershipCode }) command.Options.Add(o);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var first = Date("--from", parseResult.GetValue(from)!);
            var last = Date("--to", parseResult.GetValue(to)!);
            if (last < first) throw new CliException($"--to {last:uuuu-MM-dd} is before --from {first:uuuu-MM-dd}: the period ends on or after the day it starts.");
            var file = parseResult.GetValue(output);
            if (file?.Directory is { Exists: false } folder) throw new CliException($"--out: there is no folder {folder.FullName}.");

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var partnership = await UsersCreateAdmin.FindPartnershipAsync(db.Partnerships, parseResult.GetValue(partnershipCode)?.Trim(), ct);
            var council = await db.Organisations.Where(o => o.PartnershipId == partnership.Id && o.Type == OrganisationType.CouncilService)
                .OrderBy(o => o.Name).FirstOrDefaultAsync(ct) ?? throw new CliException($"The partnership {partnership.Code} has no council service to act for.");
            var actor = new Actor(partnership.Id, council.Id, $"{council.Name} (command line report figures)", new HashSet<Role> { Role.Analyst });
            var figures = await new FigureCatalogue(db).BuildAsync(new FigureOptions(first, last),
                new ProcessContext("cli:report figures", actor, "the yearly report's figures", "cli"), ct);

            var text = JsonSerializer.Serialize(Document(figures, parseResult.GetValue(published)), Json);
            if (file is not null) await File.WriteAllTextAsync(file.FullName, text + "\n", ct);
            // Written as it is, not through the console's word wrapping: the output is for scripts.
            await context.Console.Profile.Out.Writer.WriteLineAsync(text);
            return Cli.Ok;
        }));
        return command;
    }

    private static LocalDate Date(string option, string text) =>
        LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed
            ? parsed.Value
            : throw new CliException($"{option} \"{text}\" is not a date: write it as YYYY-MM-DD, such as 2024-03-31.");

    private sealed record FigureJson(string Key, string Title, string Definition, IReadOnlyList<string> Source, FigureUnit Unit,
        string From, string To, double? Value, string ComparisonFrom, string ComparisonTo, double? Comparison, bool? Suppressed,
        IReadOnlyList<FigurePoint>? Series);

    private static object Document(FigureSet set, bool published) => new
    {
        Period = new { From = Iso(set.From), To = Iso(set.To) },
        ComparisonPeriod = new { From = Iso(set.ComparisonFrom), To = Iso(set.ComparisonTo) },
        Published = published,
        Figures = set.Figures.Select(f =>
        {
            double? Shown(double? v) => published ? ReportFigure.Publishable(v, f.Unit) : v;
            var (value, comparison) = published ? (f.PublishedValue, f.PublishedComparison) : (f.Value, f.Comparison);
            var suppressed = published && (value != f.Value || comparison != f.Comparison);
            return new FigureJson(f.Key, f.Title, f.Definition, f.Sources, f.Unit, Iso(f.From), Iso(f.To), value,
                Iso(f.ComparisonFrom), Iso(f.ComparisonTo), comparison, suppressed ? true : null,
                f.Series?.Select(p => p with { Value = Shown(p.Value) }).ToList());
        }).ToList(),
    };

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
