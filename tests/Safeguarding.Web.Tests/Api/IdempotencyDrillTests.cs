using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Api;

/// <summary>
/// The idempotency drill: a police system that sends one incident 500 times at once under one Idempotency-Key (a
/// retry storm after a timeout) makes exactly one incident, and every one of the 500 gets the same answer.
/// </summary>
public sealed class IdempotencyDrillTests
{
    private const int Posts = 500;

    [Theory, BothDatabases]
    public async Task Five_hundred_concurrent_posts_with_one_key_make_one_incident_and_get_identical_answers(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var (id, secret) = await host.Data.CreateApiClientAsync(police, "incidents:write");
        var client = host.ApiClient(id, secret);
        var reference = $"AV-{Guid.NewGuid():N}"[..18];
        var key = Guid.NewGuid().ToString();
        var body = IncidentsApiTests.Incident(reference);

        // Every request is built first and released together, so they really do overlap.
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, Posts).Select(async _ =>
        {
            await start.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/domestic-abuse/incidents")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(), Location: response.Headers.Location?.OriginalString);
        }).ToList();
        start.Release(Posts);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => (a.Body, a.Location)).Distinct());
        await using var db = host.NewContext();
        Assert.Equal(1, await db.DomesticIncidents.CountAsync(i => i.ForceOrganisationId == police.Id && i.PoliceReference == reference));
        Assert.Equal(1, await db.IdempotentRequests.CountAsync(r => r.Key == key));
    }
}
