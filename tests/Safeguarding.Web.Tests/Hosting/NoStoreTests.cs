using System.Net;
using Safeguarding.Core.Data;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.Hosting;

/// <summary>No answer that can hold personal data is kept by a browser or proxy cache: pages, API, FHIR, exports and refusals.</summary>
public sealed class NoStoreTests
{
    private static void AssertNoStore(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} without Cache-Control: no-store");
    }

    [Theory, BothDatabases]
    public async Task Pages_api_fhir_csv_exports_and_refusals_are_not_stored(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var officer = await s.Host.SignInAsync(s.Officer);
        var (clientId, secret) = await s.Host.Data.CreateApiClientAsync(s.Gp, "health-flags:read");
        var api = s.Host.ApiClient(clientId, secret);

        var page = await officer.GetAsync("/domestic-abuse/dash");
        var csv = await officer.GetAsync("/domestic-abuse/encompass/timeliness?handler=Csv");
        var refused = await officer.GetAsync("/admin/quarantine");
        var me = await api.GetAsync("/api/v1/me");
        var fhir = await api.GetAsync("/fhir/Flag?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919");
        var signIn = await s.Host.AnonymousClient().GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
        foreach (var response in new[] { page, csv, refused, me, fhir, signIn }) AssertNoStore(response);
    }

    [Theory, BothDatabases]
    public async Task Static_files_keep_their_own_caching(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);

        var css = await host.AnonymousClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }
}
