using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// The home page's counts of possible matches and held links are scoped as their lists are: a sealed person's items only
/// for those who may read sealed records, and the same number the list gives as its total.
/// </summary>
public sealed class PeopleWorkTests
{
    [Theory, BothDatabases]
    public async Task A_sealed_persons_matches_and_held_links_are_counted_only_for_those_who_may_read_sealed_records(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await data.CreateOrganisationAsync(partnership.Id);
        var open = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var hidden = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        await data.SaveAsync(db => db.People.Where(p => p.Id == hidden.Id).ExecuteUpdate(s => s.SetProperty(p => p.IsSealed, true)));
        var frontDoor = await data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var manager = await data.CreateUserAsync(council, Role.TeamManager);
        await using (var db = database.NewContext())
        {
            var records = await db.SourceRecords.Where(r => r.PersonId == open.Id || r.PersonId == hidden.Id).ToListAsync(ct);
            foreach (var candidate in new[] { open, hidden })
            {
                var record = records.First(r => r.PersonId == candidate.Id);
                db.MatchReviews.Add(new MatchReview
                {
                    PartnershipId = partnership.Id, SourceRecordId = record.Id, CandidatePersonId = candidate.Id, MatchProbability = 0.8,
                    HeldBecause = "test", Evidence = "{}", CreatedAt = SystemClock.Instance.GetCurrentInstant(),
                });
                db.HeldLinks.Add(new HeldLink
                {
                    PartnershipId = partnership.Id, PersonId = candidate.Id, OrganisationId = school.Id, Kind = PersonLinkKind.RegisteredPupil,
                    SourceRecordId = record.Id, ProvisionalPersonId = candidate.Id, MatchProbability = 0.9, HeldBecause = "test", Evidence = "{}",
                    HeldAt = SystemClock.Instance.GetCurrentInstant(),
                });
            }
            db.Process = ProcessContext.System("test");
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.NewContext();
        var work = new PeopleWork(read);
        var forFrontDoor = await work.CountAsync(new("test", frontDoor.Actor), ct);
        var forManager = await work.CountAsync(new("test", manager.Actor), ct);
        var frontDoorList = await new MatchReviews(read, new PersonIndex(read)).WaitingAsync(new PageOptions(), new("test", frontDoor.Actor), ct);

        Assert.Equal((1, 1), (forFrontDoor.MatchesToReview!.Waiting, forFrontDoor.HeldLinksToDecide!.Waiting));
        Assert.Equal(frontDoorList.Total, forFrontDoor.MatchesToReview.Waiting);
        Assert.Equal((2, 2), (forManager.MatchesToReview!.Waiting, forManager.HeldLinksToDecide!.Waiting));
    }
}
