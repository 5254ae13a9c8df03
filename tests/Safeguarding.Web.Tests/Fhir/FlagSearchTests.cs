using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Fhir;

namespace Safeguarding.Web.Tests.Fhir;

/// <summary>Flag search by POST (the NHS number out of the URL), and an NHS number two people hold.</summary>
public sealed class FlagSearchTests
{
    // In the 999 range NHS England keeps for testing, apart from the other FHIR tests' numbers.
    private static int _nhsSeed = 999_700_000;

    private static string NewNhsNumber()
    {
        while (true)
        {
            var nine = Interlocked.Increment(ref _nhsSeed).ToString(System.Globalization.CultureInfo.InvariantCulture)[..9];
            var check = 11 - nine.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11;
            if (check == 10) continue;
            return nine + (check == 11 ? 0 : check);
        }
    }

    private sealed record Setting(TestHost Host, Organisation Gp, Person First, Person Second, string Nhs);

    /// <summary>A practice's patient with a flag; with <paramref name="twice"/>, a second person in the index with the same NHS number and a flag of their own.</summary>
    private static async Task<Setting> ArrangeAsync(DatabaseProvider provider, bool twice)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var gp = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var hospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var first = await host.Data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient));
        var second = await host.Data.CreatePersonAsync(partnership.Id, (hospital, PersonLinkKind.RegisteredPatient));
        var nhs = NewNhsNumber();
        var start = Instant.FromUtc(2026, 11, 10, 11, 0);
        await host.Data.SaveAsync(db =>
        {
            db.People.AttachRange(first, second);
            first.NhsNumber = nhs;
            if (twice) second.NhsNumber = nhs;
            HealthFlag Flag(Person child, HealthFlagKind kind) => new()
            {
                PartnershipId = partnership.Id, ChildPersonId = child.Id, Kind = kind, Status = HealthFlagStatus.Active, Start = start,
                ContactOrganisationId = council.Id, ContactName = council.Name, SourceType = "TriageDecision", SourceId = Guid.NewGuid(), UpdatedAt = start,
            };
            db.HealthFlags.AddRange(Flag(first, HealthFlagKind.ChildAtRiskOfDomesticAbuse), Flag(second, HealthFlagKind.ChildInMaracHousehold));
        });
        return new Setting(host, gp, first, second, nhs);
    }

    private static async Task<HttpClient> GpClientAsync(Setting s)
    {
        var (id, secret) = await s.Host.Data.CreateApiClientAsync(s.Gp, "health-flags:read");
        return s.Host.ApiClient(id, secret);
    }

    private static FormUrlEncodedContent Form(string nhs) => new([new("patient.identifier", $"{FlagEndpoints.NhsNumberSystem}|{nhs}")]);

    private static async Task<List<string>> FlagIdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return bundle.TryGetProperty("entry", out var entries)
            ? [.. entries.EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!).Order()]
            : [];
    }

    [Theory, BothDatabases]
    public async Task Two_people_with_one_nhs_number_give_both_peoples_flags_and_a_duplicate_review(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider, twice: true);
        var client = await GpClientAsync(s);

        var response = await client.GetAsync($"/fhir/Flag?patient.identifier={Uri.EscapeDataString($"{FlagEndpoints.NhsNumberSystem}|{s.Nhs}")}");
        var again = await client.PostAsync("/fhir/Flag/_search", Form(s.Nhs));

        await using var db = s.Host.NewContext();
        var flags = (await db.HealthFlags.Where(f => f.ChildPersonId == s.First.Id || f.ChildPersonId == s.Second.Id).Select(f => f.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        Assert.Equal(flags.Order(), await FlagIdsAsync(response));
        Assert.Equal(flags.Order(), await FlagIdsAsync(again));
        var review = Assert.Single(await db.MatchReviews.Where(r => r.PartnershipId == s.First.PartnershipId).ToListAsync());
        Assert.Equal(DuplicateNhsNumbers.HeldBecause, review.HeldBecause);
        var reviewed = new[] { review.CandidatePersonId, (await db.SourceRecords.SingleAsync(r => r.Id == review.SourceRecordId)).PersonId!.Value };
        Assert.Equal(new[] { s.First.Id, s.Second.Id }.Order(), reviewed.Order());
        Assert.Null(review.Decision);
    }

    [Theory, BothDatabases]
    public async Task A_search_by_post_answers_as_the_get_does_and_keeps_the_nhs_number_out_of_the_url(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider, twice: false);
        var client = await GpClientAsync(s);

        var byGet = await client.GetAsync($"/fhir/Flag?patient.identifier={Uri.EscapeDataString($"{FlagEndpoints.NhsNumberSystem}|{s.Nhs}")}");
        var byPost = await client.PostAsync("/fhir/Flag/_search", Form(s.Nhs));
        var inTheUrl = await client.PostAsync($"/fhir/Flag/_search?patient.identifier={Uri.EscapeDataString($"{FlagEndpoints.NhsNumberSystem}|{s.Nhs}")}", Form(s.Nhs));
        var notAForm = await client.PostAsync("/fhir/Flag/_search", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.PostAsync("/fhir/Flag/_search", Form(NewNhsNumber()));

        var ids = await FlagIdsAsync(byPost);
        Assert.Single(ids);
        Assert.Equal(await FlagIdsAsync(byGet), ids);
        Assert.Equal(HttpStatusCode.BadRequest, inTheUrl.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Empty(await FlagIdsAsync(unknown));
    }
}
