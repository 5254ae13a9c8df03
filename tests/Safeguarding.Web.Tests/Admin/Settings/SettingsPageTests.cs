using Safeguarding.Core.Data;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.Settings;

public sealed class SettingsPageTests
{
    private const string Page = "/admin/settings";

    /// <summary>The form's fields as the page filled them in: what a browser would post if nothing were changed.</summary>
    private static Dictionary<string, string> FieldsOf(IHtmlDocument html)
    {
        var form = html.QuerySelector("main form[method=post]")!;
        var fields = form.QuerySelectorAll("input[name^='Form.']:not([type=radio])").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var select in form.QuerySelectorAll("select")) fields[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "";
        foreach (var radio in form.QuerySelectorAll("input[type=radio][checked]")) fields[radio.GetAttribute("name")!] = radio.GetAttribute("value")!;
        return fields;
    }

    [Theory, BothDatabases]
    public async Task An_administrator_changes_settings_and_sees_each_change_with_its_old_and_new_value(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var form = await (await client.GetAsync(Page)).HtmlAsync();
        Assert.Equal("Partnership settings", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("No setting has been changed yet", form.Body!.TextContent);
        var fields = FieldsOf(form);
        Assert.Equal(("14", "14", "09:00", "0", "Victim"), (fields["Form.AdultVisibleHighRisk"], fields["Form.YoungPeopleVisibleHighRisk"], fields["Form.DrammListTime"], fields["Form.PhoneTheSchoolDelayMinutes"], fields["Form.RepeatMaracRule"]));

        fields["Form.YoungPeopleVisibleHighRisk"] = "12";
        fields["Form.PhoneTheSchoolDelayMinutes"] = "20";
        fields["Form.FlagContactOrganisationId"] = council.Id.ToString();
        var saved = await client.PostFormAsync(Page, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await (await client.GetAsync(saved.Headers.Location!.ToString())).HtmlAsync();
        Assert.Equal("3 settings changed", after.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        var rows = after.QuerySelectorAll("#history ~ table tbody tr").Select(r => r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(["Young people's DASH: visibly high risk at", "14", "12", admin.Actor.Name], rows);
        Assert.Contains(["Phone the school", "As soon as the deadline passes", "20 minutes after the deadline", admin.Actor.Name], rows);
        Assert.Contains(["Flag contact: organisation", "None", "Front Door", admin.Actor.Name], rows);
        Assert.Equal("12", FieldsOf(after)["Form.YoungPeopleVisibleHighRisk"]);
    }

    [Theory, BothDatabases]
    public async Task Wrong_values_are_listed_in_the_error_summary_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var admin = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var fields = FieldsOf(await (await client.GetAsync(Page)).HtmlAsync());
        fields["Form.AdultVisibleHighRisk"] = "seventeen";
        fields["Form.AdultEscalationWindowMonths"] = "6";
        fields["Form.DrammListTime"] = "25:00";
        fields["Form.PhoneTheSchoolDelayMinutes"] = "9999";

        var html = await (await client.PostFormAsync(Page, fields)).HtmlAsync();
        Assert.StartsWith("Error:", html.Title);
        Assert.Equal(
            [
                "Enter the adult DASH's visibly high risk score as a whole number",
                "Enter the DRAMM list time on the 24-hour clock, like 09:00",
                "The time before phoning the school must be between 0 and 480 minutes after the deadline",
            ],
            html.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("#Form_AdultVisibleHighRisk", html.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("seventeen", html.QuerySelector("#Form_AdultVisibleHighRisk")!.GetAttribute("value"));
        await using var db = host.NewContext();
        Assert.False(await db.DomesticAbuseSettings.AnyAsync(s => s.PartnershipId == partnership.Id)); // the valid 6 months was not saved either
        Assert.False(await db.Set<SettingChange>().AnyAsync(c => c.PartnershipId == partnership.Id));
    }

    [Theory, BothDatabases]
    public async Task The_months_an_ended_flag_is_shown_are_a_whole_number_from_0_to_120(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var admin = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var fields = FieldsOf(await (await client.GetAsync(Page)).HtmlAsync());
        const string notANumber = "Enter the months an ended flag is still shown as a whole number";
        const string outOfRange = "The months an ended flag is still shown to health must be between 0 and 120";

        foreach (var (typed, error) in new[] { ("a year", notANumber), ("2.5", notANumber), ("121", outOfRange), ("-1", outOfRange) })
        {
            var html = await (await client.PostFormAsync(Page, new Dictionary<string, string>(fields) { ["Form.EndedFlagMonths"] = typed })).HtmlAsync();

            Assert.StartsWith("Error:", html.Title);
            var link = Assert.Single(html.QuerySelectorAll(".govuk-error-summary__list a"));
            Assert.Equal((error, "#Form_EndedFlagMonths"), (link.TextContent.Trim(), link.GetAttribute("href")));
            Assert.Equal(typed, html.QuerySelector("#Form_EndedFlagMonths")!.GetAttribute("value"));
        }
        var zero = await client.PostFormAsync(Page, new Dictionary<string, string>(fields) { ["Form.EndedFlagMonths"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, zero.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(0, (await db.DomesticAbuseSettings.SingleAsync(s => s.PartnershipId == partnership.Id)).EndedFlagMonths);
        Assert.Equal("Not shown once ended", (await db.Set<SettingChange>().SingleAsync(c => c.PartnershipId == partnership.Id)).NewValue);
    }

    [Theory, BothDatabases]
    public async Task Only_a_partnership_administrator_reaches_the_page_or_saves_it(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var frontDoor = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner));
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.GetAsync(Page)).StatusCode);
        var post = await frontDoor.PostFormAsync(Page, new Dictionary<string, string> { ["Form.AdultVisibleHighRisk"] = "20" }, "/");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.DomesticAbuseSettings.AnyAsync(s => s.PartnershipId == partnership.Id));
    }
}
