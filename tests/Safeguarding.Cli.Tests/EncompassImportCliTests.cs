using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

public sealed class EncompassImportCliTests
{
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database, width: 250).RunAsync(args);

    private static string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Row(string reference, string category) =>
        $"{reference},2026-03-27T20:00:00+00:00,2026-03-27T20:30:00+00:00,AV1 1AA,1 Example Street,{category},Shouting heard,Alex,Example,1990-02-03,,,," +
        ",Robin,Example,2016-05-06,Female,,AV1 1AA,child of victim,yes,yes,yes,no,,";

    [Theory, BothDatabases]
    public async Task Import_prints_a_result_per_incident_and_holds_the_bad_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var file = WriteFile("incidents.csv", string.Join('\n', string.Join(',', IncidentFiles.CsvColumns), Row("AV-1", "Physical"), Row("AV-2", "Shouting")));

        var run = await RunAsync(database, "encompass", "import", "--file", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("incidents.csv line 2", run.Output);
        Assert.Contains("accepted (version 1)", run.Output);
        Assert.Contains("quarantined: category:", run.Output);
        Assert.Contains("1 accepted, 0 new version, 0 unchanged, 1 quarantined", run.Output);
        await using var db = database.NewContext();
        Assert.Equal("AV-1", (await db.DomesticIncidents.SingleAsync(i => i.ForceOrganisationId == police.Id)).PoliceReference);
        Assert.Equal(1, await db.QuarantinedRecords.CountAsync(r => r.SentByOrganisationId == police.Id));

        var again = await RunAsync(database, "encompass", "import", "--file", file);
        Assert.Contains("0 accepted, 0 new version, 1 unchanged, 1 quarantined", again.Output);
    }

    [Theory, BothDatabases]
    public async Task A_file_that_cannot_be_read_is_named_by_line_and_column_and_nothing_is_taken(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var file = WriteFile("incidents.json", "[\n  {\"policeReference\": \"AV-1\" \"category\": 1}\n]");

        var run = await RunAsync(database, "encompass", "import", "--file", file);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{file}:2:", run.Error);
        await using var db = database.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync());
    }
}
