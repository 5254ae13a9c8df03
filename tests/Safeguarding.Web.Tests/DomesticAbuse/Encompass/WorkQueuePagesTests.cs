using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass;

/// <summary>Work queues page (GOV.UK pagination, page number in the query string), count truly and mark what is overdue.</summary>
public sealed class WorkQueuePagesTests
{
    [Theory, BothDatabases]
    public async Task Children_to_place_pages_counts_every_child_and_marks_the_overdue_in_red_with_how_late(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var force = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var incident = await host.Data.CreateIncidentAsync(force, Now - Duration.FromDays(3), children: 51);
        await host.Data.SaveAsync(db =>
        {
            foreach (var child in incident.Children)
            {
                db.Attach(child);
                child.SettingOutcome = ChildSettingOutcome.NotFound;
                child.ResolutionDeadline = Now - Duration.FromDays(2) - Duration.FromHours(1);
            }
        });
        var practitioner = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var client = await host.SignInAsync(practitioner);

        var first = await (await client.GetAsync("/domestic-abuse/encompass/children-to-place")).HtmlAsync();
        var second = await (await client.GetAsync("/domestic-abuse/encompass/children-to-place?page=2")).HtmlAsync();

        Assert.StartsWith("51 children waiting", first.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Overdue by 2 days", first.QuerySelector("tbody tr .govuk-tag--red")!.TextContent.Trim());
        Assert.Equal("/domestic-abuse/encompass/children-to-place?page=2", first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));
        Assert.Single(second.QuerySelectorAll("tbody tr"));
        Assert.Equal("2", second.QuerySelector(".govuk-pagination__item--current")!.TextContent.Trim());
    }

    [Theory, BothDatabases]
    public async Task Possible_matches_to_review_says_how_many_wait_in_all_not_how_many_fit_on_a_page(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var candidate = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var arrived = new List<Person>();
        for (var i = 0; i < 53; i++) arrived.Add(await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil)));
        List<Guid> records;
        await using (var db = host.NewContext())
        {
            var ids = arrived.Select(p => p.Id).ToList();
            records = await db.SourceRecords.Where(r => r.PersonId != null && ids.Contains(r.PersonId.Value)).Select(r => r.Id).ToListAsync();
        }
        await host.Data.SaveAsync(db => db.MatchReviews.AddRange(records.Select(r => new MatchReview
        {
            PartnershipId = partnership.Id, SourceRecordId = r, CandidatePersonId = candidate.Id, MatchProbability = 0.7, MatchWeight = 2,
            HeldBecause = "The evidence was not strong enough", Evidence = "[]", CreatedAt = Now,
        })));
        var practitioner = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var client = await host.SignInAsync(practitioner);

        var first = await (await client.GetAsync("/people/review")).HtmlAsync();
        var second = await (await client.GetAsync("/people/review?page=2")).HtmlAsync();

        Assert.StartsWith("53 waiting", first.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);
    }
}
