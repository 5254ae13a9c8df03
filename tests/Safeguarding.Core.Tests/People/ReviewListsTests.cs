using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// The council's review lists record which items they listed, one entry each, and nothing else: the held links (paged,
/// with the true total) and the possible matches.
/// </summary>
public sealed class ReviewListsTests
{
    [Theory, BothDatabases]
    public async Task The_held_links_list_is_paged_with_the_true_total_and_records_which_links_each_page_listed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var schoolA = await data.CreateOrganisationAsync(partnership.Id);
        var schoolB = await data.CreateOrganisationAsync(partnership.Id);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var frontDoor = await data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var child = await data.CreatePersonAsync(partnership.Id, (schoolA, PersonLinkKind.RegisteredPupil));
        var total = PageOptions.DefaultSize + 3;
        await data.CreateHeldLinksAsync(child, schoolB, total);

        Paged<WaitingHeldLink> first, second;
        await using (var db = database.NewContext())
        {
            var index = new PersonIndex(db);
            first = await index.WaitingHeldLinksAsync(new PageOptions(1), new ProcessContext("test:page1", frontDoor.Actor), ct);
            second = await index.WaitingHeldLinksAsync(new PageOptions(2), new ProcessContext("test:page2", frontDoor.Actor), ct);
        }

        Assert.Equal((total, 2, PageOptions.DefaultSize), (first.Total, first.Pages, first.Items.Count));
        Assert.Equal((total, 3), (second.Total, second.Items.Count));
        Assert.Empty(first.Items.Select(l => l.Link.Id).Intersect(second.Items.Select(l => l.Link.Id)));
        await using var read = database.NewContext();
        foreach (var (process, page) in new[] { ("test:page1", first), ("test:page2", second) })
        {
            var entries = await read.AuditEntries.Where(e => e.Process == process).ToListAsync(ct);
            Assert.All(entries, e => Assert.Equal((AuditActions.List, nameof(HeldLink), "held links"), (e.Action, e.ResourceType, e.Details)));
            Assert.Equal(page.Items.Select(l => l.Link.Id.ToString()).Order(), entries.Select(e => e.ResourceId!).Order());
        }
    }

    [Theory, BothDatabases]
    public async Task The_possible_matches_list_records_which_matches_it_listed_and_no_second_count_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var frontDoor = await data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var candidate = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var arrived = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        MatchReview review = null!;
        await using (var db = database.NewContext())
        {
            var record = await db.SourceRecords.SingleAsync(r => r.PersonId == arrived.Id, ct);
            review = new MatchReview
            {
                PartnershipId = partnership.Id, SourceRecordId = record.Id, CandidatePersonId = candidate.Id, MatchProbability = 0.9, MatchWeight = 3,
                HeldBecause = "between the partnership's thresholds", Evidence = "[]", CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            };
        }
        await data.SaveAsync(db => db.MatchReviews.Add(review));

        await using (var db = database.NewContext())
            Assert.Single((await new MatchReviews(db, new PersonIndex(db)).WaitingAsync(new PageOptions(), new ProcessContext("test:matches", frontDoor.Actor), ct)).Items);

        await using var read = database.NewContext();
        var entry = Assert.Single(await read.AuditEntries.Where(e => e.Process == "test:matches").ToListAsync(ct));
        Assert.Equal((AuditActions.List, nameof(MatchReview), review.Id.ToString()), (entry.Action, entry.ResourceType, entry.ResourceId));
    }
}
