using System.CommandLine;
using Safeguarding.Linkage;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard dedupe</c>: clusters the records of one canonical person file that are the same person. Twins and
/// siblings, and records with different NHS numbers, are never put in one cluster. Needs no database.
/// </summary>
public static class DedupePeople
{
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input") { Description = "The canonical person CSV.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write clusters.csv (id,cluster_id).", Required = true };
        var threshold = LinkPeople.ThresholdOption();
        var modelOut = new Option<FileInfo?>("--model-out") { Description = "Also save the trained model as JSON." };
        var modelIn = new Option<FileInfo?>("--model") { Description = "Score with a saved model instead of training one." };

        var command = new Command("dedupe", "Find the records in one person file that are the same person: a cluster id for every record.");
        foreach (var o in new Option[] { input, output, threshold, modelOut, modelIn }) command.Options.Add(o);
        command.SetAction(context.Guarded((parseResult, ct) =>
        {
            var result = LinkPeople.Run(() => LinkJob.Dedupe(parseResult.GetValue(input)!.FullName, parseResult.GetValue(output)!.FullName,
                new LinkOptions { Threshold = parseResult.GetValue(threshold) }, parseResult.GetValue(modelOut)?.FullName, parseResult.GetValue(modelIn)?.FullName));
            context.Console.MarkupLine($"{result.Records:N0} records form [bold]{result.Clusters:N0}[/] people ({result.Matches:N0} pairs at probability {parseResult.GetValue(threshold)} or more), in {result.Elapsed.TotalSeconds:F1} s.");
            if (result.HeldForReview > 0)
                context.Console.MarkupLine($"{result.HeldForReview:N0} joins were held back for review (possible twins or siblings, or different NHS numbers).");
            context.Console.MarkupLine($"Wrote {Markup.Escape(parseResult.GetValue(output)!.FullName)}");
            return Task.FromResult(Cli.Ok);
        }));
        return command;
    }
}
