using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.People;

/// <summary>The possible-match page explains the evidence in the users' words, and warns of twins rather than scoring them.</summary>
public sealed class MatchReviewInWordsTests
{
    private static FieldEvidence Evidence(LinkageField field, byte level, double weight) =>
        new(field, Levels.FieldName(field), Levels.Names[(int)field][level], level, weight);

    [Theory, BothDatabases]
    public async Task Twins_are_a_warning_not_a_certain_match_and_the_evidence_reads_as_words(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var frontDoor = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var candidate = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var provisional = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        IReadOnlyList<FieldEvidence> twins =
        [
            Evidence(LinkageField.GivenName, Levels.Given.Else, -4.1), Evidence(LinkageField.FamilyName, Levels.Family.Exact, 6.2),
            Evidence(LinkageField.DateOfBirth, Levels.Dob.Exact, 9.3), Evidence(LinkageField.Postcode, Levels.Postcode.Exact, 5.0),
        ];
        var review = new MatchReview
        {
            PartnershipId = partnership.Id, CandidatePersonId = candidate.Id, MatchProbability = 0.9996, MatchWeight = 16.4,
            HeldBecause = "could be a twin or sibling, or the NHS numbers differ", Evidence = JsonSerializer.Serialize(twins, PersonIndex.EvidenceJson),
        };
        await host.Data.SaveAsync(db => review.SourceRecordId = db.SourceRecords.Single(r => r.PersonId == provisional.Id).Id);
        await host.Data.SaveAsync(db => db.MatchReviews.Add(review));
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(frontDoor, Role.FrontDoorPractitioner));

        var html = await (await client.GetAsync($"/people/review/{review.Id}")).HtmlAsync();

        var text = string.Concat(html.QuerySelectorAll("main p.govuk-body, main table, main .govuk-warning-text").Select(e => e.TextContent));
        Assert.Contains("Possible twins", html.QuerySelector(".govuk-warning-text")!.TextContent);
        Assert.DoesNotContain("100", text);
        Assert.DoesNotContain("given_name", text);
        Assert.DoesNotContain("else", text);
        Assert.DoesNotContain("Weight", text);
        var rows = html.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Contains(("Given name", $"differs: {provisional.GivenName}, {candidate.GivenName}"), rows);
        Assert.Contains(("Date of birth", "the same"), rows);
    }
}
