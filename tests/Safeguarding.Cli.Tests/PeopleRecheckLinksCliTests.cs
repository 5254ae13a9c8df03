using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard people recheck-links</c>: the dry run counts and changes nothing; the run holds; a second run holds nothing more.</summary>
public sealed class PeopleRecheckLinksCliTests
{
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database).RunAsync(args);

    [Theory, BothDatabases]
    public async Task The_dry_run_counts_the_run_holds_and_running_again_holds_nothing_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var schoolA = await data.CreateOrganisationAsync(partnership.Id);
        var schoolB = await data.CreateOrganisationAsync(partnership.Id);
        var child = await data.CreatePersonAsync(partnership.Id, (schoolA, PersonLinkKind.RegisteredPupil), (schoolB, PersonLinkKind.RegisteredPupil));
        await data.SaveAsync(db => db.People.Where(p => p.Id == child.Id).ExecuteUpdate(s => s.SetProperty(p => p.IsSealed, true)));

        var dry = await RunAsync(database, "people", "recheck-links", "--dry-run");
        Assert.Equal((0, ""), (dry.ExitCode, dry.Error));
        Assert.Contains("2 links made by matching records checked; 2 would be held", dry.Output);
        Assert.Contains("2: sealed", dry.Output);
        await using (var db = database.NewContext())
            Assert.Equal(0, await db.HeldLinks.CountAsync());

        var run = await RunAsync(database, "people", "recheck-links");
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("2 now held", run.Output);
        var again = await RunAsync(database, "people", "recheck-links");
        Assert.Contains("0 links made by matching records checked; 0 now held", again.Output);
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.HeldLinks.CountAsync());
            Assert.False(await db.PersonLinks.AnyAsync(l => l.PersonId == child.Id));
        }
    }
}
