// FHIR model elements are all optional, so their types are nullable throughout; these tests assert presence instead.
#nullable disable
using System.Net;
using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Instant = NodaTime.Instant;
using Person = Safeguarding.Core.People.Person;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Fhir;

namespace Safeguarding.Web.Tests.Fhir;

public sealed class FlagApiTests
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir();
    private static readonly Lazy<Validator> R4 = new(() =>
    {
        var source = ZipSource.CreateValidationSource();
        return new Validator(source, LocalTerminologyService.CreateDefaultForCore(source), null, new ValidationSettings());
    });

    private sealed record Setting(TestHost Host, Organisation Gp, Organisation OtherGp, Organisation Hospital, Person Child, string Nhs);

    // In the 999 range NHS England keeps for testing, above the demo's numbers.
    private static int _nhsSeed = 999_800_000;

    /// <summary>A valid NHS number no other test uses (the index is shared by every test on the host).</summary>
    private static string NewNhsNumber()
    {
        while (true)
        {
            var nine = Interlocked.Increment(ref _nhsSeed).ToString(System.Globalization.CultureInfo.InvariantCulture)[..9];
            var sum = nine.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - sum % 11;
            if (check == 10) continue;
            return nine + (check == 11 ? 0 : check);
        }
    }

    private static async Task<Setting> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var gp = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var otherGp = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var hospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient), (hospital, PersonLinkKind.RegisteredPatient));
        var nhs = NewNhsNumber();
        var start = Instant.FromUtc(2026, 11, 10, 11, 0);
        await host.Data.SaveAsync(db =>
        {
            db.People.Attach(child);
            child.NhsNumber = nhs;
            HealthFlag Flag(HealthFlagKind kind) => new()
            {
                PartnershipId = partnership.Id, ChildPersonId = child.Id, Kind = kind, Status = HealthFlagStatus.Active, Start = start,
                ContactOrganisationId = council.Id, ContactName = council.Name, ContactTelephone = "0113 000 0000", SourceType = "TriageDecision",
                SourceId = Guid.NewGuid(), UpdatedAt = start,
            };
            db.HealthFlags.AddRange(Flag(HealthFlagKind.ChildAtRiskOfDomesticAbuse), Flag(HealthFlagKind.ChildInMaracHousehold));
        });
        return new Setting(host, gp, otherGp, hospital, child, nhs);
    }

    private static async Task<HttpResponseMessage> SearchAsync(Setting s, Organisation org, string nhs, string scopes = "health-flags:read")
    {
        var (id, secret) = await s.Host.Data.CreateApiClientAsync(org, scopes);
        return await s.Host.ApiClient(id, secret).GetAsync($"/fhir/Flag?patient.identifier={Uri.EscapeDataString($"{FlagEndpoints.NhsNumberSystem}|{nhs}")}");
    }

    private static async Task<Bundle> BundleAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        return JsonSerializer.Deserialize<Bundle>(await response.Content.ReadAsStringAsync(), Fhir)!;
    }

    [Theory, BothDatabases]
    public async Task A_practice_reads_its_patients_flags_as_a_searchset_of_valid_r4_flags(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var bundle = await BundleAsync(await SearchAsync(s, s.Gp, s.Nhs));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(2, bundle.Total);
        var flags = bundle.Entry.Select(e => (Flag)e.Resource).ToList();
        Assert.NotEmpty(flags);
        Assert.All(flags, f =>
        {
            Assert.Equal(Flag.FlagStatus.Active, f.Status);
            Assert.Contains(FlagEndpoints.UkCoreFlagProfile, f.Meta.Profile);
            Assert.Equal("safety", f.Category.Single().Coding.Single().Code);
            Assert.Equal(s.Nhs, f.Subject.Identifier.Value);
            Assert.Equal(FlagEndpoints.NhsNumberSystem, f.Subject.Identifier.System);
            Assert.StartsWith("2026-11-10T11:00:00", f.Period.Start);
            Assert.Null(f.Period.End);
            Assert.Equal("0113 000 0000", ((Organization)f.Contained.Single()).Telecom.Single().Value);
        });
        Assert.Equal(["child-at-risk-of-domestic-abuse", "child-in-marac-household"], flags.Select(f => f.Code.Coding.Single().Code).Order());

        // Valid against base R4: the UK Core profile is named but its package is not available here, so only that is unresolved.
        foreach (var resource in new Resource[] { bundle }.Concat(flags))
        {
            var outcome = R4.Value.Validate(resource);
            var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Where(i => !(i.Details?.Text ?? i.Diagnostics ?? "").Contains(FlagEndpoints.UkCoreFlagProfile)).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Details?.Text ?? e.Diagnostics} at {string.Join(",", e.Expression ?? [])}")));
        }
    }

    [Fact]
    public void The_validator_finds_a_flag_without_its_required_code_and_subject()
    {
        // A control: if the validator passed everything, the validity check above would prove nothing.
        var outcome = R4.Value.Validate(new Flag { Status = Flag.FlagStatus.Active });
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Theory, BothDatabases]
    public async Task The_hospital_reads_only_the_marac_household_flag(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var bundle = await BundleAsync(await SearchAsync(s, s.Hospital, s.Nhs));

        Assert.Equal("child-in-marac-household", ((Flag)bundle.Entry.Single().Resource).Code.Coding.Single().Code);
    }

    [Theory, BothDatabases]
    public async Task Another_practice_gets_an_empty_bundle_and_the_refusal_is_audited(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var bundle = await BundleAsync(await SearchAsync(s, s.OtherGp, s.Nhs));

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
        await using var db = s.Host.NewContext();
        var audit = await db.AuditEntries.Where(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == s.Child.Id.ToString()).SingleAsync();
        Assert.Equal(AuditOutcome.Denied, audit.Outcome);
        Assert.Equal(s.OtherGp.Id, audit.OrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Every_read_is_audited_under_the_person_and_never_with_the_nhs_number(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        await BundleAsync(await SearchAsync(s, s.Gp, s.Nhs));
        await BundleAsync(await SearchAsync(s, s.Gp, s.Nhs));

        await using var db = s.Host.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == s.Child.Id.ToString() && e.Outcome == AuditOutcome.Allowed));
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.ResourceId ?? "").Contains(s.Nhs) || (e.Details ?? "").Contains(s.Nhs) || e.Process.Contains(s.Nhs)));
    }

    [Theory, BothDatabases]
    public async Task An_ended_flag_is_inactive_with_its_period_end(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await s.Host.Data.SaveAsync(db =>
        {
            foreach (var f in db.HealthFlags.Where(f => f.ChildPersonId == s.Child.Id).ToList())
            {
                f.Status = HealthFlagStatus.Inactive;
                f.End = Instant.FromUtc(2026, 12, 1, 9, 0);
            }
        });

        var bundle = await BundleAsync(await SearchAsync(s, s.Hospital, s.Nhs));

        var flag = (Flag)bundle.Entry.Single().Resource;
        Assert.Equal(Flag.FlagStatus.Inactive, flag.Status);
        Assert.StartsWith("2026-12-01T09:00:00", flag.Period.End);
    }

    [Theory, BothDatabases]
    public async Task A_client_without_the_flags_scope_is_refused_with_an_operation_outcome(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var response = await SearchAsync(s, s.Gp, s.Nhs, scopes: "people:read");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var outcome = JsonSerializer.Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync(), Fhir)!;
        Assert.Equal(OperationOutcome.IssueType.Forbidden, outcome.Issue.Single().Code);
    }

    [Theory, BothDatabases]
    public async Task A_search_without_a_valid_nhs_number_is_a_bad_request(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        Assert.Equal(HttpStatusCode.BadRequest, (await SearchAsync(s, s.Gp, "9990000019")).StatusCode);
        var (id, secret) = await s.Host.Data.CreateApiClientAsync(s.Gp, "health-flags:read");
        var client = s.Host.ApiClient(id, secret);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/fhir/Flag?patient.identifier=9990000018")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/fhir/Flag?patient=123")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Host.AnonymousClient().GetAsync($"/fhir/Flag?patient.identifier={FlagEndpoints.NhsNumberSystem}|{s.Nhs}")).StatusCode);
    }
}
