using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.People;

/// <summary>
/// A chronology line leads to its record: a police incident to the incident's page, a health flag to the flags on the
/// person's record, each only for a reader whom that page lets in (never a link that ends in a refusal).
/// </summary>
public sealed class ChronologyLinkTests
{
    private static async Task<Setting> WithFlagAsync(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var start = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(3);
        await s.Host.Data.SaveAsync(db => db.HealthFlags.Add(new HealthFlag
        {
            PartnershipId = s.Police.PartnershipId, ChildPersonId = s.Child.Id, Kind = HealthFlagKind.ChildAtRiskOfDomesticAbuse, Status = HealthFlagStatus.Active,
            Start = start, ContactOrganisationId = s.Council.Id, ContactName = "Front Door", ContactTelephone = "0113 496 0000", SourceType = "TriageDecision",
            SourceId = Guid.NewGuid(), UpdatedAt = start,
        }));
        return s;
    }

    /// <summary>Each line of the child's chronology that starts with the words, with where it links (null when it does not).</summary>
    private static async Task<List<string?>> LinksAsync(HttpClient client, Setting s, string startingWith)
    {
        var html = await (await client.GetAsync($"/people/{s.Child.Id}/chronology")).HtmlAsync();
        return [.. html.QuerySelectorAll("#chronology tbody tr")
            .Where(r => r.TextContent.Contains(startingWith, StringComparison.Ordinal))
            .Select(r => r.QuerySelector("a")?.GetAttribute("href"))];
    }

    private static IElement? FlagsSection(IDocument record) => record.QuerySelector("#health-flags");

    [Theory, BothDatabases]
    public async Task The_front_door_follows_an_incident_line_to_the_incident_page_and_a_flag_line_to_the_flags_on_the_record(DatabaseProvider provider)
    {
        var s = await WithFlagAsync(provider);
        var client = await s.Host.SignInAsync(s.FrontDoor);

        var incident = Assert.Single(await LinksAsync(client, s, $"Domestic incident {s.Incident.PoliceReference}"));
        var flag = Assert.Single(await LinksAsync(client, s, "Health record flag raised"));

        Assert.Equal($"/domestic-abuse/dramm/incidents/{s.Incident.Id}", incident);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(incident)).StatusCode);
        Assert.Equal($"/people/{s.Child.Id}#health-flags", flag);
        var record = await (await client.GetAsync(flag)).HtmlAsync();
        Assert.Equal("Health record flags", FlagsSection(record)!.TextContent.Trim());
        var shown = record.QuerySelector("#health-flags + dl")!.TextContent;
        Assert.Contains("At risk of domestic abuse (DRAMM decision)", shown);
        Assert.Contains("Contact: Front Door, 0113 496 0000", shown);
    }

    [Theory, BothDatabases]
    public async Task The_childs_GP_practice_follows_the_flag_line_and_sees_no_police_incident(DatabaseProvider provider)
    {
        var s = await WithFlagAsync(provider);
        var client = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(s.Gp, Role.GpPractice));

        var flag = Assert.Single(await LinksAsync(client, s, "Health record flag raised"));
        var record = await (await client.GetAsync(flag)).HtmlAsync();

        Assert.Equal($"/people/{s.Child.Id}#health-flags", flag);
        Assert.NotNull(FlagsSection(record));
        Assert.Empty(await LinksAsync(client, s, "Domestic incident"));
    }

    [Theory, BothDatabases]
    public async Task A_reader_without_the_grants_gets_no_link_and_the_record_shows_no_flags(DatabaseProvider provider)
    {
        var s = await WithFlagAsync(provider);
        // A team manager opens every person's record, but reads neither police incidents nor health flags.
        var client = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(s.Council, Role.TeamManager));

        var chronology = await (await client.GetAsync($"/people/{s.Child.Id}/chronology")).HtmlAsync();
        var record = await (await client.GetAsync($"/people/{s.Child.Id}")).HtmlAsync();

        Assert.DoesNotContain(chronology.QuerySelectorAll("#chronology a"),
            a => a.GetAttribute("href")!.StartsWith("/domestic-abuse/dramm/incidents/", StringComparison.Ordinal) || a.GetAttribute("href")!.EndsWith("#health-flags", StringComparison.Ordinal));
        Assert.Null(FlagsSection(record));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/domestic-abuse/dramm/incidents/{s.Incident.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_incident_whose_victim_is_sealed_from_the_reader_is_listed_without_a_link_because_its_page_would_refuse_them(DatabaseProvider provider)
    {
        var s = await WithFlagAsync(provider);
        await s.Host.Data.SaveAsync(db => db.People.Where(p => p.Id == s.Victim.Id).ExecuteUpdate(u => u.SetProperty(p => p.IsSealed, true)));
        var client = await s.Host.SignInAsync(s.FrontDoor);

        var incident = Assert.Single(await LinksAsync(client, s, $"Domestic incident {s.Incident.PoliceReference}"));

        Assert.Null(incident);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/domestic-abuse/dramm/incidents/{s.Incident.Id}")).StatusCode);
    }
}
