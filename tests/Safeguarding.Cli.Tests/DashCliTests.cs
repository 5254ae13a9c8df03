using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard dash score</c>: a file in, the result as JSON out, and no database at all.</summary>
public sealed class DashCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-dash-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.WithoutDatabase(Cli.RunAsync, _folder, width: 80).RunAsync(args);

    private string Input(string json)
    {
        var path = Path.Combine(_folder, "assessment.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Answers(int yes) =>
        "{" + string.Join(", ", Enumerable.Range(1, 24).Select(i => $"\"{i}\": {(i <= yes ? "true" : i == 24 ? "null" : "false")}")) + "}";

    [Fact]
    public async Task Fifteen_yes_prints_the_documented_result_on_one_line()
    {
        var path = Input($$$"""
            {"answers": {{{Answers(15)}}}, "professionalJudgement": false, "incidentDate": "2026-11-01",
             "previousIncidentDates": ["2026-05-01"], "lastMaracReferralDate": null,
             "thresholds": {"visibleHighRisk": 14, "escalationCount": 3, "escalationWindowMonths": 12}}
            """);

        var run = await RunAsync("dash", "score", "--input", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("""{"yesCount": 15, "visibleHighRisk": true, "potentialEscalation": false, "repeatMarac": false, "professionalJudgement": false, "refer": true}""",
            run.Output.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task Thresholds_are_optional_and_a_partnership_threshold_in_the_file_is_used()
    {
        var withDefault = await RunAsync("dash", "score", "--input", Input($$"""{"answers": {{Answers(15)}}, "incidentDate": "2026-11-01"}"""));
        Assert.Contains("\"visibleHighRisk\": true", withDefault.Output);

        var seventeen = await RunAsync("dash", "score", "--input",
            Input($$$"""{"answers": {{{Answers(15)}}}, "incidentDate": "2026-11-01", "thresholds": {"visibleHighRisk": 17}}"""));
        Assert.Contains("\"visibleHighRisk\": false", seventeen.Output);
        Assert.Contains("\"refer\": false", seventeen.Output);
    }

    [Fact]
    public async Task Professional_judgement_and_a_recent_marac_each_refer_below_the_threshold()
    {
        var judged = await RunAsync("dash", "score", "--input",
            Input($$"""{"answers": {{Answers(2)}}, "professionalJudgement": true, "incidentDate": "2026-11-01"}"""));
        Assert.Equal("""{"yesCount": 2, "visibleHighRisk": false, "potentialEscalation": false, "repeatMarac": false, "professionalJudgement": true, "refer": true}""",
            judged.Output.Trim());

        var repeat = await RunAsync("dash", "score", "--input",
            Input($$"""{"answers": {{Answers(2)}}, "incidentDate": "2026-11-01", "previousIncidentDates": ["2026-10-01", "2025-11-02"], "lastMaracReferralDate": "2025-11-02"}"""));
        Assert.Equal("""{"yesCount": 2, "visibleHighRisk": false, "potentialEscalation": true, "repeatMarac": true, "professionalJudgement": false, "refer": true}""",
            repeat.Output.Trim());
    }

    [Fact]
    public async Task An_answer_to_a_question_the_checklist_lacks_is_named_with_its_file_line_and_column()
    {
        var path = Input("{\n  \"answers\": {\"1\": true,\n    \"25\": true},\n  \"incidentDate\": \"2026-11-01\"\n}");

        var run = await RunAsync("dash", "score", "--input", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:3:5:", run.Error);
        Assert.Contains("no question \"25\"", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("{\"answers\": {\"1\": \"yes\"}, \"incidentDate\": \"2026-11-01\"}", "1:19:", "must be true, false or null")]
    [InlineData("{\"answers\": {}, \"incidentDate\": \"1 Nov 2026\"}", "1:33:", "YYYY-MM-DD")]
    [InlineData("{\"answers\": {}}", "1:1:", "\"incidentDate\" is needed")]
    [InlineData("{\"answers\": {},\n \"incidentdate\": \"2026-11-01\"}", "2:2:", "is not part of a scoring input")]
    [InlineData("{\"answers\": {\"1\": true,}, \"incidentDate\": \"2026-11-01\"}", "1:", "not valid JSON")]
    [InlineData("{\"answers\": {}, \"incidentDate\": \"2026-11-01\", \"thresholds\": {\"visibleHighRisk\": 0}}", "1:61:", "at least 1")]
    public async Task Bad_input_is_refused_with_where_and_why(string json, string where, string why)
    {
        var path = Input(json);

        var run = await RunAsync("dash", "score", "--input", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:{where}", run.Error);
        Assert.Contains(why, run.Error);
    }

    [Fact]
    public async Task The_young_peoples_checklist_has_its_own_questions()
    {
        var path = Input("""{"answers": {"22": true, "23": true}, "incidentDate": "2026-11-01"}""");

        var run = await RunAsync("dash", "score", "--checklist", "dash-young-people", "--input", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no question \"23\"", run.Error);
    }
}
