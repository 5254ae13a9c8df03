using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Model;
using Safeguarding.Testing;
using Safeguarding.Web.Pages.People;

namespace Safeguarding.Web.Tests.People;

/// <summary>Find a person: every match in pages with the true count, dates as GOV.UK date inputs, and reasons in words.</summary>
public sealed class FindAPersonTests
{
    private static Dictionary<string, string> Search(string family, string? day = null, string? month = null, string? year = null, int? page = null)
    {
        var fields = new Dictionary<string, string> { ["FamilyName"] = family };
        if (day is not null) fields["DateOfBirth.Day"] = day;
        if (month is not null) fields["DateOfBirth.Month"] = month;
        if (year is not null) fields["DateOfBirth.Year"] = year;
        if (page is not null) fields["ResultsPage"] = page.ToString()!;
        return fields;
    }

    [Theory, BothDatabases]
    public async Task Every_match_is_listed_a_page_at_a_time_with_how_many_matched(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var frontDoor = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        for (var i = 0; i < IndexModel.PageSize + 5; i++) await host.Data.CreatePersonAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(frontDoor, Role.FrontDoorPractitioner));

        var first = await (await client.PostFormAsync("/people", Search("Testperson"))).HtmlAsync();
        var second = await (await client.PostFormAsync("/people", Search("Testperson", page: 2))).HtmlAsync();

        Assert.Equal($"{IndexModel.PageSize + 5} people match", first.QuerySelector("h2.govuk-heading-m")!.TextContent);
        Assert.Equal(IndexModel.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Page 2 of 2", second.Body!.TextContent);
        var names = first.QuerySelectorAll("tbody a").Concat(second.QuerySelectorAll("tbody a")).Select(a => a.TextContent).ToList();
        Assert.Equal(IndexModel.PageSize + 5, names.Distinct().Count());
        // The next page is asked for by POST with the terms in the form, never in a link.
        Assert.DoesNotContain(first.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("Testperson", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, BothDatabases]
    public async Task An_impossible_or_future_date_of_birth_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var frontDoor = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(frontDoor, Role.FrontDoorPractitioner));
        var nextYear = (DateTime.UtcNow.Year + 1).ToString();

        foreach (var (fields, message) in new[]
        {
            (Search("Testperson", "31", "2", "2015"), "Date of birth must be a real date"),
            (Search("Testperson", "1", "1", nextYear), "Date of birth must be today or in the past"),
            (Search("Testperson", "3", "", ""), "Date of birth must include a year"),
        })
        {
            var html = await (await client.PostFormAsync("/people", fields)).HtmlAsync();

            Assert.StartsWith("Error:", html.Title);
            Assert.Equal(message, html.QuerySelector(".govuk-error-summary a")!.TextContent);
            Assert.Empty(html.QuerySelectorAll("tbody tr"));
        }
    }

    [Theory, BothDatabases]
    public async Task No_match_says_what_to_try_next(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var frontDoor = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(frontDoor, Role.FrontDoorPractitioner));

        var html = await (await client.PostFormAsync("/people", Search("Zzyzxnobody", "", "", "2015"))).HtmlAsync();

        Assert.Equal("No matching people", html.QuerySelector("h2.govuk-heading-m")!.TextContent);
        Assert.Contains("check the spelling", html.QuerySelector(".govuk-list")!.TextContent);
    }

    private static FieldEvidence Evidence(LinkageField field, int level) => new(field, field.ToString(), "level", level, 1.0);

    [Fact]
    public void One_detail_alone_is_a_weak_match_however_high_its_percentage()
    {
        IReadOnlyList<FieldEvidence> familyOnly = [Evidence(LinkageField.GivenName, 0), Evidence(LinkageField.FamilyName, Levels.Family.Exact), Evidence(LinkageField.DateOfBirth, 0)];

        Assert.Equal("Family name only: a weak match", MatchInWords.Strength(0.97, familyOnly));
    }

    [Fact]
    public void The_reasons_read_as_a_sentence_in_the_users_words()
    {
        IReadOnlyList<FieldEvidence> evidence =
        [
            Evidence(LinkageField.GivenName, Levels.Given.OneEdit), Evidence(LinkageField.FamilyName, Levels.Family.Exact),
            Evidence(LinkageField.DateOfBirth, Levels.Dob.Exact), Evidence(LinkageField.Postcode, 0),
        ];

        var why = MatchInWords.Why(evidence, f => f == LinkageField.GivenName ? ("Grace", "Gracie") : (null, null));

        Assert.Equal("same family name and date of birth; given name spelt a little differently: Grace, Gracie", why);
        Assert.Equal("Strong match (98%)", MatchInWords.Strength(0.98, evidence));
    }
}
