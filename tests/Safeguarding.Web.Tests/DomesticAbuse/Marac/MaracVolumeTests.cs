using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.DomesticAbuse.Marac;

/// <summary>The MARAC volume figures under small-number suppression: counts of 1 to 4 hidden, with what would give them back.</summary>
public sealed class MaracVolumeTests
{
    private static async Task<Dictionary<string, string>> VolumeAsync(DatabaseProvider provider, int cases, int repeats)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var victims = new List<Guid>();
        for (var i = 0; i < cases; i++) victims.Add((await host.Data.CreatePersonAsync(partnership.Id)).Id);
        var now = SystemClock.Instance.GetCurrentInstant();
        await host.Data.SaveAsync(db =>
        {
            db.DomesticAbuseSettings.Add(new DomesticAbuseSettings { PartnershipId = partnership.Id, WomenAged16Plus = 10_000 });
            db.MaracReferrals.AddRange(victims.Select((v, i) => new MaracReferral
            {
                PartnershipId = partnership.Id, VictimPersonId = v, ReferredByOrganisationId = council.Id, ReferredAt = now,
                ReferralDate = Households.LondonDate(now), VisibleHighRisk = true, RepeatMarac = i < repeats, Status = MaracReferralStatus.Waiting,
            }));
        });
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorManager));
        var html = await (await client.GetAsync("/domestic-abuse/marac", TestContext.Current.CancellationToken)).HtmlAsync();
        return html.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent.Trim());
    }

    [Theory, BothDatabases]
    public async Task Repeats_of_one_to_four_are_hidden_and_so_are_they_when_the_first_time_cases_are_few(DatabaseProvider provider)
    {
        var twoRepeats = await VolumeAsync(provider, cases: 7, repeats: 2);
        var twoFirstTime = await VolumeAsync(provider, cases: 7, repeats: 5);

        Assert.Equal("7", twoRepeats["Cases (repeats included)"]);
        Assert.Equal("x", twoRepeats["Repeats"]);
        Assert.Equal("x", twoFirstTime["Repeats"]); // seven cases less five repeats would name the two first-time cases
    }

    [Theory, BothDatabases]
    public async Task Cases_of_one_to_four_are_hidden_with_the_percentage_of_expected(DatabaseProvider provider)
    {
        var volume = await VolumeAsync(provider, cases: 3, repeats: 0);

        Assert.Equal("x", volume["Cases (repeats included)"]);
        Assert.Equal("x", volume["Cases as a percentage of expected"]);
        Assert.Equal("0", volume["Repeats"]);
    }
}
