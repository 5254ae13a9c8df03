using System.CommandLine;
using NodaTime.Text;
using Safeguarding.Core.Platform.Calendars;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard encompass deadline</c>: when a setting must be told about an incident reported at a given time,
/// from a calendar file. Prints the deadline alone (ISO 8601, London offset) so scripts can use it; opens no database.
/// </summary>
public static class EncompassDeadline
{
    public static Command Create(CliContext context)
    {
        var reportedAt = new Option<string>("--reported-at")
        {
            Description = "When the incident was reported to police, ISO 8601 with an offset (2026-12-24T22:15:00+00:00).", Required = true,
        };
        var calendar = new Option<FileInfo>("--calendar")
        {
            Description = "The setting's calendar: {\"dayStart\":\"08:30\",\"terms\":[{\"start\":\"2026-09-03\",\"end\":\"2026-10-23\"}],\"closures\":[\"2026-09-03\"]}.",
            Required = true,
        };
        var command = new Command("deadline", "The start of the setting's next school day after an incident was reported: the Operation Encompass deadline.");
        command.Options.Add(reportedAt);
        command.Options.Add(calendar);
        command.SetAction(context.Guarded((parseResult, _) =>
        {
            var text = parseResult.GetValue(reportedAt)!;
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (!parsed.Success)
                throw new CliException($"--reported-at \"{text}\" is not an ISO 8601 time with an offset, such as 2026-12-24T22:15:00+00:00.");
            SchoolDays days;
            try { days = CalendarFile.Read(parseResult.GetValue(calendar)!.FullName); }
            catch (CalendarFileException e) { throw new CliException(e.Message); }

            var deadline = days.NextDayStartAfter(parsed.Value.ToInstant())
                ?? throw new CliException($"No school day in the calendar's terms comes after {text}: the last term ends on {days.LastDay:uuuu-MM-dd}.");
            context.Console.WriteLine(SchoolDays.FormatInLondon(deadline));
            return Task.FromResult(Cli.Ok);
        }));
        return command;
    }
}
