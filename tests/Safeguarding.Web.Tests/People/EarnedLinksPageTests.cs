using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.People;

/// <summary>
/// Relationships are earned, through the running app on the small demo partnership with its model trained: the attack
/// from issue 18 (a school's Key Adult claims a child on another school's roll), the held-links page, and the match
/// review pages limited on GET as on POST, with the seal.
/// </summary>
public sealed class EarnedLinksPageTests
{
    private static readonly Dictionary<DatabaseProvider, Task<TestHost>> Hosts = [];

    private static Task<TestHost> HostAsync(DatabaseProvider provider)
    {
        lock (Hosts)
        {
            if (!Hosts.TryGetValue(provider, out var host)) Hosts[provider] = host = SeedAsync(provider);
            return host;
        }
    }

    private static async Task<TestHost> SeedAsync(DatabaseProvider provider)
    {
        var (database, _) = await SmallDemo.CopyAsync(provider);
        var host = TestHost.Over(database);
        await using var db = host.NewContext();
        await new PersonIndex(db).TrainAsync((await db.Partnerships.SingleAsync()).Id, ProcessContext.System("test:train"));
        return host;
    }

    // The n-th pupil on a school roll with a UPN, and another school: each test takes its own child.
    private static async Task<(SourceRecord Pupil, Organisation OtherSchool)> PupilAsync(TestHost host, int n)
    {
        await using var db = host.NewContext();
        var pupil = await db.SourceRecords.Where(r => r.SourceSystem == "SIMS" && r.Upn != null && r.Postcode != null && r.Address != null)
            .OrderBy(r => r.LocalId).Skip(n).FirstAsync();
        var other = await db.Organisations.Where(o => o.Type == OrganisationType.School && o.Id != pupil.OrganisationId).OrderBy(o => o.Name).FirstAsync();
        return (pupil, other);
    }

    // A possible match waiting for review: the n-th pupil's record against the next pupil.
    private static async Task<MatchReview> ReviewAsync(TestHost host, int n)
    {
        var (record, _) = await PupilAsync(host, n);
        var (candidate, _) = await PupilAsync(host, n + 1);
        await using var db = host.NewContext();
        db.Process = ProcessContext.System("test:review");
        var review = new MatchReview
        {
            PartnershipId = record.PartnershipId, SourceRecordId = record.Id, CandidatePersonId = candidate.PersonId!.Value, MatchProbability = 0.9,
            MatchWeight = 3, HeldBecause = "between the partnership's thresholds", Evidence = "[]", CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.MatchReviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }

    private static async Task<Organisation> OrganisationAsync(TestHost host, OrganisationType type)
    {
        await using var db = host.NewContext();
        return await db.Organisations.Where(o => o.Type == type).OrderBy(o => o.Name).FirstAsync();
    }

    private static object Claim(SourceRecord p) => new
    {
        sourceSystem = "SIMS", localId = $"claim-{Guid.NewGuid():N}"[..20], givenName = p.GivenName, familyName = p.FamilyName,
        dateOfBirth = p.DateOfBirth, sex = p.Sex.ToString(), postcode = p.Postcode, address = p.Address, upn = p.Upn,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/source-records") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_who_sends_a_child_on_another_schools_roll_learns_no_person_and_cannot_open_them_or_their_attendance(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var (pupil, schoolB) = await PupilAsync(host, 40);
        var childId = pupil.PersonId!.Value;
        var (clientId, secret) = await host.Data.CreateApiClientAsync(schoolB, "people:write");
        var keyAdult = await host.Data.CreateUserAsync(schoolB, Role.SchoolKeyAdult);

        var response = await SendAsync(host.ApiClient(clientId, secret), Claim(pupil));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"received\"", body);
        Assert.DoesNotContain("personId", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(childId.ToString(), body);
        Assert.Null(response.Headers.Location);

        var client = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/{childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/learners/children/{childId}")).StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.PersonLinks.AnyAsync(l => l.PersonId == childId && l.OrganisationId == schoolB.Id));
        Assert.True(await db.HeldLinks.AnyAsync(h => h.PersonId == childId && h.OrganisationId == schoolB.Id && h.Decision == null));
    }

    [Theory, BothDatabases]
    public async Task The_front_door_or_the_education_lead_decides_a_held_link_and_a_key_adult_may_not_see_the_list(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var (pupil, schoolB) = await PupilAsync(host, 41);
        var childId = pupil.PersonId!.Value;
        var (clientId, secret) = await host.Data.CreateApiClientAsync(schoolB, "people:write");
        await SendAsync(host.ApiClient(clientId, secret), Claim(pupil));
        Guid heldId;
        await using (var db = host.NewContext())
            heldId = (await db.HeldLinks.SingleAsync(h => h.PersonId == childId && h.OrganisationId == schoolB.Id)).Id;
        var council = await OrganisationAsync(host, OrganisationType.CouncilService);
        var frontDoor = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var educationLead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var keyAdult = await host.Data.CreateUserAsync(schoolB, Role.SchoolKeyAdult);

        var asKeyAdult = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await asKeyAdult.GetAsync("/held-links")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asKeyAdult.GetAsync($"/held-links/{heldId}")).StatusCode);
        var asLead = await host.SignInAsync(educationLead);
        Assert.Equal(HttpStatusCode.OK, (await asLead.GetAsync($"/held-links/{heldId}")).StatusCode);
        var asFrontDoor = await host.SignInAsync(frontDoor);
        var list = await (await asFrontDoor.GetAsync("/held-links")).HtmlAsync();
        Assert.NotNull(list.QuerySelector($"a[href='/held-links/{heldId}']"));

        var decided = await asFrontDoor.PostFormAsync($"/held-links/{heldId}", new() { ["Decision"] = "Linked", ["Reason"] = "Both schools confirmed the move" });

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var read = host.NewContext();
        var link = await read.PersonLinks.SingleAsync(l => l.PersonId == childId && l.OrganisationId == schoolB.Id);
        Assert.Equal((LinkMade.HeldLinkApproved, (Guid?)frontDoor.User.Id), (link.Made, link.MadeByUserId));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.ResourceType == PersonIndex.HeldLinkResourceType && e.ResourceId == heldId.ToString()
            && e.ActorUserId == educationLead.User.Id && e.Outcome == AuditOutcome.Allowed));
        Assert.True(await read.AuditEntries.AnyAsync(e => e.ResourceType == PersonIndex.HeldLinkResourceType && e.ActorUserId == keyAdult.User.Id
            && e.Outcome == AuditOutcome.Denied));
    }

    [Theory, BothDatabases]
    public async Task A_role_that_may_update_only_its_own_people_cannot_see_the_review_queue_or_a_possible_match(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var council = await OrganisationAsync(host, OrganisationType.CouncilService);
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var reviewId = (await ReviewAsync(host, 50)).Id;

        var client = await host.SignInAsync(socialWorker);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/people/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/review/{reviewId}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_sealed_persons_possible_match_is_neither_listed_nor_opened_for_a_role_that_may_not_read_sealed_records(DatabaseProvider provider)
    {
        var host = await HostAsync(provider);
        var council = await OrganisationAsync(host, OrganisationType.CouncilService);
        var frontDoor = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var open = await ReviewAsync(host, 52);
        var review = await ReviewAsync(host, 54);
        await using (var db = host.NewContext())
            await db.People.Where(p => p.Id == review.CandidatePersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSealed, true));

        var client = await host.SignInAsync(frontDoor);
        var list = await (await client.GetAsync("/people/review")).HtmlAsync();

        Assert.NotNull(list.QuerySelector($"a[href='/people/review/{open.Id}']"));
        Assert.Null(list.QuerySelector($"a[href='/people/review/{review.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/review/{review.Id}")).StatusCode);
    }
}
