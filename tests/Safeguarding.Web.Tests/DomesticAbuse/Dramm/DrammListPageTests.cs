using System.Net;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Dramm;

/// <summary>The DRAMM list as the Front Door works it: a day at a time, in pages, returning to the day after each decision.</summary>
public sealed class DrammListPageTests
{
    /// <summary>Tuesday 10 November 2026: its list holds what arrived from Monday 09:00 to Tuesday 09:00.</summary>
    private const string Tuesday = "2026-11-10";

    private static DomesticIncident Incident(Setting s, int n, Instant receivedAt, int version = 1, string? reference = null) => new()
    {
        PartnershipId = s.Police.PartnershipId, ForceOrganisationId = s.Police.Id, PoliceReference = reference ?? $"DA/{TestData.Next()}", Version = version,
        OccurredAt = receivedAt - Duration.FromHours(1), ReportedAt = receivedAt - Duration.FromHours(1), ReceivedAt = receivedAt,
        Category = DomesticAbuseCategory.Physical, Received = "{}",
        Adults = [new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = $"Victim{n}", FamilyName = "Testlist" }],
    };

    [Theory, BothDatabases]
    public async Task A_long_list_shows_fifty_cases_a_page_with_the_true_total_and_pages_through_the_rest(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await s.Host.Data.SaveAsync(db => db.DomesticIncidents.AddRange(
            Enumerable.Range(0, 60).Select(n => Incident(s, n, Instant.FromUtc(2026, 11, 9, 12, 0) + Duration.FromMinutes(n)))));
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var first = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}")).HtmlAsync();
        Assert.StartsWith("60 cases", first.QuerySelector("#dramm-list caption")!.TextContent.Trim());
        Assert.Equal(DrammList.PageSize, first.QuerySelectorAll("#dramm-list tbody tr").Length);
        var next = first.QuerySelector("nav[aria-label='Pages of this list'] a[rel=next]")!.GetAttribute("href");
        Assert.Equal($"/domestic-abuse/dramm?day={Tuesday}&page=2", next);

        var second = await (await frontDoor.GetAsync(next)).HtmlAsync();
        Assert.Equal(10, second.QuerySelectorAll("#dramm-list tbody tr").Length);
        Assert.Contains("Showing 51 to 60", second.QuerySelector("#dramm-list caption")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task After_a_decision_the_page_returns_to_the_day_being_worked(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var incident = Incident(s, 1, Instant.FromUtc(2026, 11, 9, 12, 0));
        await s.Host.Data.SaveAsync(db => db.DomesticIncidents.Add(incident));
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);
        var list = await (await frontDoor.GetAsync($"/domestic-abuse/dramm?day={Tuesday}")).HtmlAsync();
        var decide = list.QuerySelector("#dramm-list td[data-label=Decision] a.govuk-link")!.GetAttribute("href")!;

        var response = await frontDoor.PostFormAsync(decide, [new("Decisions", "nfa"), new("NoFurtherActionReason", "Known to services; no new risk.")], decide);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/domestic-abuse/dramm?day={Tuesday}", response.Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task A_correction_of_a_decided_incident_shows_as_changed_since_decided_on_the_day_it_arrives(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var first = Incident(s, 1, Instant.FromUtc(2026, 11, 9, 12, 0));
        first.IsLatest = false;
        var correction = Incident(s, 1, Instant.FromUtc(2026, 11, 10, 12, 0), version: 2, reference: first.PoliceReference);
        (correction.OccurredAt, correction.ReportedAt, correction.Summary) = (first.OccurredAt, first.ReportedAt, "Corrected: a weapon was used.");
        await s.Host.Data.SaveAsync(db =>
        {
            db.DomesticIncidents.AddRange(first, correction);
            db.TriageDecisions.Add(new TriageDecision
            {
                PartnershipId = first.PartnershipId, IncidentId = first.Id, DecidedOn = new LocalDate(2026, 11, 10), DecidedAt = Instant.FromUtc(2026, 11, 10, 10, 0),
                DecidedByOrganisationId = s.Council.Id, NoFurtherAction = true, NoFurtherActionReason = "No new risk.",
            });
        });
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var wednesday = await (await frontDoor.GetAsync("/domestic-abuse/dramm?day=2026-11-11")).HtmlAsync();

        var row = Assert.Single(wednesday.QuerySelectorAll("#dramm-list tbody tr"));
        Assert.Contains("No further action: No new risk.", row.TextContent);
        Assert.Contains("Changed since decided", row.TextContent);
        Assert.Contains("Police version 2 changed the officer's summary.", row.TextContent);
    }
}
