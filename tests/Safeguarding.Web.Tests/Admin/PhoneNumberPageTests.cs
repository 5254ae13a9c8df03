using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.Admin;

/// <summary>Organisations and users have phone numbers, checked as UK numbers, and the Front Door sees them where it must call.</summary>
public sealed class PhoneNumberPageTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_gives_a_school_a_phone_number_and_a_number_that_is_not_a_uk_one_is_refused_with_a_govuk_error(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator));
        var page = $"/admin/organisations/{school.Id}";

        var refused = await (await client.PostFormAsync(page, new Dictionary<string, string> { ["PhoneNumber"] = "ring the office" })).HtmlAsync();
        var saved = await client.PostFormAsync(page, new Dictionary<string, string> { ["PhoneNumber"] = " 0113  496 0000 " });
        var added = await client.PostFormAsync("/admin/organisations/add",
            new Dictionary<string, string> { ["Name"] = "Brookfield Primary", ["Type"] = "School", ["Urn"] = "139876", ["PhoneNumber"] = "12345" });

        Assert.Equal((UkPhoneNumbers.Error, "#PhoneNumber"), (refused.QuerySelector(".govuk-error-summary__list a")!.TextContent, refused.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href")));
        Assert.Equal($"Error: {UkPhoneNumbers.Error}", refused.QuerySelector("#PhoneNumber-error")!.TextContent.Trim());
        Assert.StartsWith("Error:", refused.Title);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(UkPhoneNumbers.Error, (await added.HtmlAsync()).QuerySelector(".govuk-error-summary__list a")!.TextContent);
        await using var db = host.NewContext();
        Assert.Equal("0113 496 0000", (await db.Organisations.SingleAsync(o => o.Id == school.Id)).PhoneNumber);
        Assert.False(await db.Organisations.AnyAsync(o => o.PartnershipId == partnership.Id && o.Name == "Brookfield Primary"));
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_may_not_change_their_schools_phone_number(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/organisations/{school.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_administrator_records_a_users_work_phone_number_checked_as_a_uk_number(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator));
        var page = $"/admin/users/{keyAdult.User.Id}";

        var refused = await (await client.PostFormAsync(page, [new("Roles", nameof(Role.SchoolKeyAdult)), new("PhoneNumber", "0113 496")], page)).HtmlAsync();
        var saved = await client.PostFormAsync(page, [new("Roles", nameof(Role.SchoolKeyAdult)), new("PhoneNumber", "07700 900982")], page);

        Assert.Equal(UkPhoneNumbers.Error, refused.QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal("07700 900982", (await db.Users.SingleAsync(u => u.Id == keyAdult.User.Id)).PhoneNumber);
    }

    [Theory, BothDatabases]
    public async Task Phone_the_school_shows_the_settings_number_and_its_safeguarding_leads(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, missed) = await ReadyAsync(host, partnership.Id, Duration.FromMinutes(10));
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        await host.Data.SaveAsync(db =>
        {
            db.Attach(missed);
            // Past its deadline without an acknowledgement: the Front Door is to phone (no delay set).
            missed.Deadline = Now - Duration.FromMinutes(1);
        });
        await RunAsync<EncompassEscalation>(host, e => e.RunAsync());
        var dsl = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var teacher = await host.Data.CreateUserAsync(school, Role.SettingDataManager);
        await host.Data.SaveAsync(db =>
        {
            db.Attach(school);
            school.PhoneNumber = "0113 496 0000";
            db.Attach(dsl.User);
            dsl.User.PhoneNumber = "07700 900982";
        });
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner));

        var list = await (await client.GetAsync("/domestic-abuse/encompass/phone-the-school")).HtmlAsync();

        var numbers = list.QuerySelectorAll("#calls tbody tr .app-phone-list li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Setting: 0113 496 0000", $"{dsl.User.DisplayName} (safeguarding lead): 07700 900982"], numbers);
        Assert.Equal(["tel:01134960000", "tel:07700900982"], list.QuerySelectorAll("#calls .app-phone-list a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(teacher.User.DisplayName, list.Body!.TextContent);
    }
}
