using Safeguarding.Testing;


namespace Safeguarding.Cli.Tests;

public sealed class EncompassDeadlineCliTests
{
    private const string Calendar = """
        {"dayStart":"08:30",
         "terms":[{"start":"2026-09-03","end":"2026-10-23"},{"start":"2026-11-02","end":"2026-12-18"},{"start":"2027-01-05","end":"2027-02-12"}],
         "closures":["2026-09-03"]}
        """;

    private static Task<CliRun> RunAsync(params string[] args) => CliRunner.Unconfigured(Cli.RunAsync, width: 80).RunAsync(args);

    private static string WriteFile(string text)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName, "calendar.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Deadline_prints_only_the_start_of_the_next_school_day_with_the_uk_offset()
    {
        var run = await RunAsync("encompass", "deadline", "--reported-at", "2026-12-24T22:15:00+00:00", "--calendar", WriteFile(Calendar));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2027-01-05T08:30:00+00:00", run.Output.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Deadline_in_summer_time_carries_the_summer_offset()
    {
        var run = await RunAsync("encompass", "deadline", "--reported-at", "2026-09-03T07:00:00+01:00", "--calendar", WriteFile(Calendar));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2026-09-04T08:30:00+01:00", run.Output.Trim());
    }

    [Fact]
    public async Task Bad_date_in_the_calendar_is_named_by_file_line_and_column()
    {
        var path = WriteFile("{\n  \"terms\": [\n    {\"start\": \"2026-09-03\", \"end\": \"2026-13-23\"}\n  ]\n}");

        var run = await RunAsync("encompass", "deadline", "--reported-at", "2026-12-24T22:15:00+00:00", "--calendar", path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{path}:3:36: a term's end \"2026-13-23\" is not a date written yyyy-mm-dd", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Calendar_that_is_not_json_is_named_by_file_line_and_column()
    {
        var path = WriteFile("{\"dayStart\":\"08:30\",\n\"terms\": [ {\"start\" \"2026-09-03\"} ]}");

        var run = await RunAsync("encompass", "deadline", "--reported-at", "2026-12-24T22:15:00+00:00", "--calendar", path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(path)}:2:\\d+: not valid JSON", run.Error);
    }

    [Fact]
    public async Task Reported_time_without_an_offset_is_refused()
    {
        var run = await RunAsync("encompass", "deadline", "--reported-at", "2026-12-24T22:15:00", "--calendar", WriteFile(Calendar));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is not an ISO 8601 time with an offset", run.Error);
    }

    [Fact]
    public async Task No_school_day_after_the_last_term_is_an_error_not_a_guess()
    {
        var run = await RunAsync("encompass", "deadline", "--reported-at", "2027-02-12T10:00:00+00:00", "--calendar", WriteFile(Calendar));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("No school day in the calendar's terms comes after", run.Error);
    }
}
