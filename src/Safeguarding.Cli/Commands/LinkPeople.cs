using System.CommandLine;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Files;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard link</c>: finds the people two canonical person files have in common, with a model trained on the
/// files themselves (no labels). Needs no database and opens none.
/// </summary>
public static class LinkPeople
{
    public static Command Create(CliContext context)
    {
        var left = new Option<FileInfo>("--left") { Description = "The first canonical person CSV.", Required = true };
        var right = new Option<FileInfo>("--right") { Description = "The second canonical person CSV.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write pairs.csv (left_id,right_id,match_probability,match_weight).", Required = true };
        var threshold = ThresholdOption();
        var modelOut = new Option<FileInfo?>("--model-out") { Description = "Also save the trained model as JSON." };
        var modelIn = new Option<FileInfo?>("--model") { Description = "Score with a saved model instead of training one." };
        var many = new Option<bool>("--many") { Description = "Allow more than one partner per record (by default each record links to at most one)." };

        var command = new Command("link", "Link two person files: a row per predicted match, at most one partner per record unless --many.");
        foreach (var o in new Option[] { left, right, output, threshold, modelOut, modelIn, many }) command.Options.Add(o);
        command.SetAction(context.Guarded((parseResult, ct) =>
        {
            var result = Run(() => LinkJob.Link(parseResult.GetValue(left)!.FullName, parseResult.GetValue(right)!.FullName, parseResult.GetValue(output)!.FullName,
                new LinkOptions { Threshold = parseResult.GetValue(threshold), Many = parseResult.GetValue(many) },
                parseResult.GetValue(modelOut)?.FullName, parseResult.GetValue(modelIn)?.FullName));
            context.Console.MarkupLine($"Linked {result.LeftCount:N0} x {result.RightCount:N0} records: [bold]{result.Matches:N0}[/] pairs at probability {parseResult.GetValue(threshold)} or more, " +
                                       $"in {result.Elapsed.TotalSeconds:F1} s ({result.Statistics.PairsCompared:N0} pairs compared).");
            if (result.HeldForReview > 0)
                context.Console.MarkupLine($"{result.HeldForReview:N0} pairs were held back for review (possible twins or siblings, or different NHS numbers); they are not in the output.");
            context.Console.MarkupLine($"Wrote {Markup.Escape(parseResult.GetValue(output)!.FullName)}");
            return Task.FromResult(Cli.Ok);
        }));
        return command;
    }

    internal static Option<double> ThresholdOption()
    {
        var threshold = new Option<double>("--threshold") { Description = "Match probability at or above which a pair is a match (0 to 1).", DefaultValueFactory = _ => 0.9 };
        threshold.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double>();
            if (v is <= 0 or >= 1 || double.IsNaN(v)) r.AddError("--threshold must be between 0 and 1 (exclusive).");
        });
        return threshold;
    }

    /// <summary>Turns malformed input into one clear line: the file, line and column.</summary>
    internal static T Run<T>(Func<T> job)
    {
        try
        {
            return job();
        }
        catch (PersonCsvException e)
        {
            throw new CliException(e.Message);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"The model file cannot be read: {e.Message}");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new CliException($"The model file is not valid JSON: {e.Message}");
        }
    }
}
