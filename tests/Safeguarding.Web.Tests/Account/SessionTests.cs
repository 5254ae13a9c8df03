using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Account;

/// <summary>Session rules with the host's clock under the test's control.</summary>
public sealed class SessionTests
{
    private static async Task<(TestHost Host, FakeTimeProvider Clock, TestUser Admin)> ArrangeAsync(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await TestHost.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        return (host, clock, admin);
    }

    [Theory, BothDatabases]
    public async Task A_session_ends_after_twenty_minutes_without_a_request(DatabaseProvider provider)
    {
        var (host, clock, admin) = await ArrangeAsync(provider);
        await using var _ = host;
        var client = await host.SignInAsync(admin);

        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(21));
        var idle = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("https://localhost/account/sign-in", idle.Headers.Location!.ToString());
    }

    [Theory, BothDatabases]
    public async Task A_session_ends_ten_hours_after_sign_in_however_active(DatabaseProvider provider)
    {
        var (host, clock, admin) = await ArrangeAsync(provider);
        await using var _ = host;
        var client = await host.SignInAsync(admin);

        for (var minutes = 15; minutes < 10 * 60; minutes += 15)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("https://localhost/account/sign-in", expired.Headers.Location!.ToString());
    }

    [Theory, BothDatabases]
    public async Task Adding_a_user_asks_for_the_password_and_code_again_when_the_sign_in_is_old(DatabaseProvider provider)
    {
        var (host, clock, admin) = await ArrangeAsync(provider);
        await using var _ = host;
        var client = await host.SignInAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users/add")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(16));
        var asked = await client.GetAsync("/admin/users/add");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/account/confirm-identity", asked.Headers.Location!.OriginalString);

        var wrong = await client.PostFormAsync("/account/confirm-identity?returnUrl=%2Fadmin%2Fusers%2Fadd",
            new() { ["Password"] = "not my password at all", ["Code"] = admin.CodeAt(clock.GetUtcNow()), ["ReturnUrl"] = "/admin/users/add" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await wrong.HtmlAsync()).QuerySelector(".govuk-error-summary"));

        clock.Advance(TimeSpan.FromSeconds(31));
        var confirmed = await client.PostFormAsync("/account/confirm-identity?returnUrl=%2Fadmin%2Fusers%2Fadd",
            new() { ["Password"] = TestData.Password, ["Code"] = admin.CodeAt(clock.GetUtcNow()), ["ReturnUrl"] = "/admin/users/add" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/admin/users/add", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users/add")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Changing_a_users_roles_asks_for_the_password_and_code_again_when_the_sign_in_is_old(DatabaseProvider provider)
    {
        var (host, clock, admin) = await ArrangeAsync(provider);
        await using var _ = host;
        var client = await host.SignInAsync(admin);
        var worker = await host.Data.CreateUserAsync(admin.Organisation, Role.SocialWorker);

        clock.Advance(TimeSpan.FromMinutes(16));
        var asked = await client.GetAsync($"/admin/users/{worker.User.Id}");

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/account/confirm-identity", asked.Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task Confirming_identity_counts_towards_lockout_refuses_a_locked_account_and_is_audited(DatabaseProvider provider)
    {
        var (host, clock, admin) = await ArrangeAsync(provider);
        await using var _ = host;
        var client = await host.SignInAsync(admin);
        clock.Advance(TimeSpan.FromMinutes(16));
        const string url = "/account/confirm-identity?returnUrl=%2Fadmin%2Fusers%2Fadd";

        for (var attempt = 0; attempt < 5; attempt++)
            await client.PostFormAsync(url, new() { ["Password"] = "a guess at the password", ["Code"] = "000000", ["ReturnUrl"] = "/admin/users/add" });
        clock.Advance(TimeSpan.FromSeconds(31));
        var right = await client.PostFormAsync(url,
            new() { ["Password"] = TestData.Password, ["Code"] = admin.CodeAt(clock.GetUtcNow()), ["ReturnUrl"] = "/admin/users/add" });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await right.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = host.NewContext();
        var entries = await db.AuditEntries.Where(e => e.Action == AuditActions.SignIn && e.ResourceId == admin.User.Id.ToString()
            && e.Outcome == AuditOutcome.Denied).ToListAsync();
        Assert.Equal(6, entries.Count(e => e.Details!.StartsWith("re-authentication", StringComparison.Ordinal)));
    }
}

public sealed class CookieTests
{
    [Theory, BothDatabases]
    public async Task The_session_and_antiforgery_cookies_are_host_only_secure_cookies(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        var client = host.AnonymousClient();

        var page = await client.GetAsync("/account/sign-in");
        var signIn = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = TestData.Password });
        var code = await client.PostFormAsync("/account/sign-in/code", new() { ["Code"] = user.CurrentCode() });

        var cookies = new[] { page, signIn, code }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("__Host-safeguarding.antiforgery=", StringComparison.Ordinal));
        var session = cookies.Last(c => c.StartsWith("__Host-safeguarding.session=", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.StartsWith("safeguarding.", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, BothDatabases]
    public async Task Signing_out_takes_a_post_a_link_followed_from_elsewhere_does_not_sign_out(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var user = await host.Data.CreateUserAsync(org, Role.SocialWorker);
        var client = await host.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-out")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var signedOut = await client.PostFormAsync("/account/sign-out", new());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("https://localhost/account/sign-in", home.Headers.Location!.ToString());
    }
}
