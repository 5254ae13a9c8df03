using System.Text.Json;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard report figures</c>: one JSON object of the period and every figure, printed and written; bad arguments refused with a reason.</summary>
public sealed class ReportFiguresCliTests
{
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database, width: 250).RunAsync(args);

    private static string OutFile() =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName, "figures.json");

    private static JsonElement Figure(JsonDocument json, string key) =>
        json.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    [Theory, BothDatabases]
    public async Task Figures_are_printed_and_written_as_one_JSON_object_with_value_comparison_definition_and_source(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var inPeriod = new LocalDateTime(2025, 6, 1, 12, 0).InZoneStrictly(SchoolDays.London).ToInstant();
        foreach (var reference in new[] { "R1", "R2", "R3", "R4", "R5", "R6" }) await data.CreateIncidentAsync(police, inPeriod, reference: reference);
        await data.CreateIncidentAsync(police, inPeriod - Duration.FromDays(365), reference: "R0");
        var file = OutFile();

        var run = await RunAsync(database, "report", "figures", "--from", "2025-04-01", "--to", "2026-03-31", "--out", file);

        Assert.Equal(0, run.ExitCode);
        using var printed = JsonDocument.Parse(run.Output);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal("2025-04-01", printed.RootElement.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2025-03-31", printed.RootElement.GetProperty("comparisonPeriod").GetProperty("to").GetString());
        var incidents = Figure(printed, "domestic-incidents");
        Assert.Equal((6, 1), (incidents.GetProperty("value").GetDouble(), incidents.GetProperty("comparison").GetDouble()));
        Assert.Contains("newest version", incidents.GetProperty("definition").GetString());
        Assert.Equal(["DomesticAbuse"], incidents.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("count", incidents.GetProperty("unit").GetString());
        Assert.Equal(6, Figure(written, "domestic-incidents").GetProperty("value").GetDouble());

        // As a published edition: the comparison's count of 1 is left out, and said to be.
        var published = await RunAsync(database, "report", "figures", "--from", "2025-04-01", "--to", "2026-03-31", "--published");
        using var suppressed = JsonDocument.Parse(published.Output);
        var shown = Figure(suppressed, "domestic-incidents");
        Assert.Equal(6, shown.GetProperty("value").GetDouble());
        Assert.False(shown.TryGetProperty("comparison", out _));
        Assert.True(shown.GetProperty("suppressed").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task A_date_that_is_not_one_or_a_period_that_ends_before_it_starts_is_refused_with_the_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);

        var notADate = await RunAsync(database, "report", "figures", "--from", "2025-02-30", "--to", "2026-03-31");
        var backwards = await RunAsync(database, "report", "figures", "--from", "2026-04-01", "--to", "2025-03-31");
        var missing = await RunAsync(database, "report", "figures", "--from", "2025-04-01");

        Assert.NotEqual(0, notADate.ExitCode);
        Assert.Contains("--from \"2025-02-30\" is not a date", notADate.Error);
        Assert.NotEqual(0, backwards.ExitCode);
        Assert.Contains("--to 2025-03-31 is before --from 2026-04-01", backwards.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--to", missing.Error + missing.Output);
    }
}
