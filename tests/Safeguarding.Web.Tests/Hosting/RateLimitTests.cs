using System.Net;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Hosting;

/// <summary>Limits of three requests in an hour-long window, so that no window ends during a test.</summary>
public sealed class RateLimitTests
{
    private static Task<TestHost> HostAsync(DatabaseProvider provider) => TestHost.CreateAsync(provider, settings: new Dictionary<string, string>
    {
        ["Safeguarding:RateLimits:SignInPerWindow"] = "3",
        ["Safeguarding:RateLimits:ApiPerWindow"] = "3",
        ["Safeguarding:RateLimits:WindowSeconds"] = "3600",
    });

    [Theory, BothDatabases]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_are_answered_429(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var client = host.AnonymousClient();
        var form = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "a guess at a password" };

        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/sign-in", form)).StatusCode);
        var limited = await client.PostFormAsync("/account/sign-in", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_and_fhir_calls_beyond_the_limit_are_answered_429_per_client(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var practice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var (busyId, busySecret) = await host.Data.CreateApiClientAsync(practice, "people:read health-flags:read");
        var (otherId, otherSecret) = await host.Data.CreateApiClientAsync(practice, "people:read");
        var busy = host.ApiClient(busyId, busySecret);

        for (var call = 0; call < 2; call++)
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/fhir/Flag?patient.identifier=x")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/fhir/Flag?patient.identifier=x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ApiClient(otherId, otherSecret).GetAsync("/api/v1/me")).StatusCode);
    }
}
