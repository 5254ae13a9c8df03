using System.Net;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Shell;

public sealed class ShellTests
{
    [Theory, BothDatabases]
    public async Task Health_endpoints_answer_without_signing_in_and_ready_checks_the_database(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var client = host.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task Every_page_needs_a_signed_in_user_unless_it_is_public(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var client = host.AnonymousClient();

        foreach (var path in new[] { "/", "/people", "/admin/users", "/admin/organisations", "/admin/api-clients", "/admin/roles", "/audit/break-glass-reviews" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/account/sign-in", response.Headers.Location!.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/accessibility")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-reference")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Pages_carry_the_security_headers(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var response = await host.AnonymousClient().GetAsync("/account/sign-in");

        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent outside development");
    }

    [Theory, BothDatabases]
    public async Task The_home_page_shows_the_partnership_and_only_the_navigation_the_role_allows(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync("Riverside Safeguarding Partnership");
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var html = await (await client.GetAsync("/")).HtmlAsync();

        Assert.Contains("Riverside Safeguarding Partnership", html.QuerySelector(".govuk-service-navigation")!.TextContent);
        var links = html.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/people", links);
        Assert.DoesNotContain("/admin/users", links);
        Assert.Null(html.QuerySelector(".app-demo-banner"));
    }

    [Theory, BothDatabases]
    public async Task The_openapi_document_describes_the_api(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var json = await host.AnonymousClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/me\"", json);
        Assert.Contains("\"/api/v1/people\"", json);
    }

    [Theory, BothDatabases]
    public async Task Every_role_sees_one_short_row_of_navigation_with_one_item_highlighted(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var grouped = 0;
        foreach (var role in Enum.GetValues<Role>())
        {
            var org = await host.Data.CreateOrganisationAsync(partnership.Id, Safeguarding.Web.Tests.AccessMatrix.MatrixWorld.TypeFor(role));
            var client = await host.SignInAsync(await host.Data.CreateUserAsync(org, role));
            var home = await (await client.GetAsync("/")).HtmlAsync();
            var top = home.QuerySelectorAll(".govuk-service-navigation__list > li").ToList();
            // Home, at most the ungrouped number of pages or one per section, and sign out.
            Assert.True(top.Count <= Safeguarding.Web.Hosting.Shell.MostItemsUngrouped + 2, $"{role} has {top.Count} items in the top navigation");

            // Each section's first page: exactly one highlighted item at the top, and where the section lists its pages, one of those.
            foreach (var href in top.Select(li => li.QuerySelector("a")?.GetAttribute("href")).OfType<string>().Where(h => h != "/" && h != "/account/sign-in"))
            {
                var response = await client.GetAsync(href);
                // The navigation offers only pages the role may open.
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{role} is offered {href}, which answers {(int)response.StatusCode}");
                var html = await response.HtmlAsync();
                Assert.True(html.QuerySelectorAll(".govuk-service-navigation [aria-current=page]").Length == 1,
                    $"{role} on {href} ({(int)response.StatusCode}): {html.QuerySelectorAll(".govuk-service-navigation [aria-current=page]").Length} highlighted");
                if (html.QuerySelector(".app-section-navigation") is { } section)
                {
                    grouped++;
                    Assert.Equal(href, Assert.Single(section.QuerySelectorAll("[aria-current=page]")).GetAttribute("href"));
                }
            }
        }
        Assert.True(grouped > 0, "no role had enough pages to see them grouped");
    }
}
