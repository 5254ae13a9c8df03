using System.Net;
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
}
