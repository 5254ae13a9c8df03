using System.CommandLine;
using Safeguarding.Core.DomesticAbuse.Checklists;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard dash score</c>: scores a completed risk checklist from a JSON file and prints the result as JSON.
/// Needs no database and opens none.
/// </summary>
public static class DashScore
{
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input") { Description = "The assessment: answers, professionalJudgement, incidentDate, previousIncidentDates, lastMaracReferralDate, thresholds (optional).", Required = true };
        var checklist = new Option<string>("--checklist") { Description = $"Which checklist the answers are for: {ChecklistDefinition.Adult} or {ChecklistDefinition.YoungPeople}.", DefaultValueFactory = _ => ChecklistDefinition.Adult };
        checklist.AcceptOnlyFromAmong([.. ShippedChecklists.List.Where(c => c.Bands is null).Select(c => c.Code)]);

        var command = new Command("score", "Score a DASH checklist: yes count and the four MARAC criteria, printed as JSON.");
        command.Options.Add(input);
        command.Options.Add(checklist);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var file = parseResult.GetValue(input)!;
            if (!file.Exists) throw new CliException($"{file.FullName}: there is no such file.");
            var definition = ShippedChecklists.Get(parseResult.GetValue(checklist)!);
            RiskResult result;
            try
            {
                var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
                // A byte-order mark is not JSON; editors on Windows add one.
                var span = bytes.AsSpan();
                if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
                result = RiskScoring.Score(RiskScoringInputReader.Read(span, definition, definition.Thresholds));
            }
            catch (RiskScoringInputException e)
            {
                throw new CliException($"{file.FullName}:{e.Line}:{e.Column}: {e.Problem}");
            }
            // Written straight to the output, so that no console width wraps the JSON.
            await context.Console.Profile.Out.Writer.WriteLineAsync(Format(result));
            return Cli.Ok;
        }));
        return command;
    }

    /// <summary>The result in the documented shape and key order.</summary>
    public static string Format(RiskResult r) =>
        $"{{\"yesCount\": {r.YesCount}, \"visibleHighRisk\": {Bool(r.VisibleHighRisk)}, \"potentialEscalation\": {Bool(r.PotentialEscalation)}, " +
        $"\"repeatMarac\": {Bool(r.RepeatMarac)}, \"professionalJudgement\": {Bool(r.ProfessionalJudgement)}, \"refer\": {Bool(r.Refer)}}}";

    private static string Bool(bool b) => b ? "true" : "false";
}
