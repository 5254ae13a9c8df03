// FHIR model elements are all optional, so their types are nullable throughout; these tests assert presence instead.
#nullable disable
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Fhir;
using Duration = NodaTime.Duration;
using Instant = NodaTime.Instant;
using Person = Safeguarding.Core.People.Person;
using Task = System.Threading.Tasks.Task;

namespace Safeguarding.Web.Tests.Fhir;

/// <summary>
/// Health flags as CP-IS serves unscheduled care: an emergency department reads any child's flags by NHS number with a
/// purpose, recorded and audited; ended flags for a while after they end; each flag with its own contact.
/// </summary>
public sealed class UnscheduledCareFlagTests
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir();
    private const string Scope = "health-flags:unscheduled-care";

    // In the 999 range NHS England keeps for testing, apart from the other FHIR tests' numbers.
    private static int _nhsSeed = 999_600_000;

    private static string NewNhsNumber() => TestNhsNumbers.Next(ref _nhsSeed);

    private sealed record Setting(TestHost Host, Guid PartnershipId, Organisation Council, Organisation EmergencyDepartment, Person Child, string Nhs);

    /// <summary>A child registered with a GP practice only, with a MARAC-household flag; a hospital trust that has never seen them.</summary>
    private static async Task<Setting> ArrangeAsync(DatabaseProvider provider, bool sealedChild = false)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var gp = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var hospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient));
        var nhs = NewNhsNumber();
        await host.Data.SaveAsync(db =>
        {
            db.People.Attach(child);
            child.NhsNumber = nhs;
            child.IsSealed = sealedChild;
            db.HealthFlags.Add(NewFlag(partnership.Id, child.Id, council, HealthFlagKind.ChildInMaracHousehold, SystemClock.Instance.GetCurrentInstant()));
        });
        return new Setting(host, partnership.Id, council, hospital, child, nhs);
    }

    private static HealthFlag NewFlag(Guid partnershipId, Guid childId, Organisation contact, HealthFlagKind kind, Instant start, Instant? end = null) => new()
    {
        PartnershipId = partnershipId, ChildPersonId = childId, Kind = kind, Status = end is null ? HealthFlagStatus.Active : HealthFlagStatus.Inactive,
        Start = start, End = end, ContactOrganisationId = contact.Id, ContactName = contact.Name, SourceType = "MaracReferral", SourceId = Guid.NewGuid(),
        UpdatedAt = end ?? start,
    };

    private static async Task<HttpResponseMessage> SearchAsync(Setting s, Organisation org, string scopes, string purpose, string nhs = null)
    {
        var (id, secret) = await s.Host.Data.CreateApiClientAsync(org, scopes);
        var form = new List<KeyValuePair<string, string>> { new("patient.identifier", $"{FlagEndpoints.NhsNumberSystem}|{nhs ?? s.Nhs}") };
        if (purpose is not null) form.Add(new(FlagEndpoints.PurposeParameter, purpose));
        return await s.Host.ApiClient(id, secret).PostAsync("/fhir/Flag/_search", new FormUrlEncodedContent(form));
    }

    private static async Task<Bundle> BundleAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<Bundle>(await response.Content.ReadAsStringAsync(), Fhir)!;
    }

    [Theory, BothDatabases]
    public async Task An_emergency_department_reads_a_child_it_has_never_seen_with_the_purpose_recorded_and_referenced_in_the_audit(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        const string purpose = "Attended the emergency department with a head injury";

        var bundle = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, purpose));

        Assert.Equal("child-in-marac-household", ((Flag)bundle.Entry.Single().Resource).Code.Coding.Single().Code);
        await using var db = s.Host.NewContext();
        var read = await db.UnscheduledCareReads.SingleAsync(r => r.PartnershipId == s.PartnershipId);
        Assert.Equal(purpose, read.Purpose);
        Assert.Equal(s.EmergencyDepartment.Id, read.OrganisationId);
        var audit = await db.AuditEntries.SingleAsync(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == s.Child.Id.ToString());
        Assert.Equal(AuditOutcome.Allowed, audit.Outcome);
        Assert.Equal(s.EmergencyDepartment.Id, audit.OrganisationId);
        // The audit points to the purpose; the words themselves (which can name the child) are never in the audit.
        Assert.Equal(AuditPurposes.ReasonIn("unscheduled care", nameof(UnscheduledCareRead), read.Id), audit.Purpose);
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.Purpose ?? "").Contains("head injury") || (e.Details ?? "").Contains("head injury")));
    }

    [Theory, BothDatabases]
    public async Task Without_a_purpose_the_emergency_department_is_refused_with_an_operation_outcome_and_nothing_is_read(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var none = await SearchAsync(s, s.EmergencyDepartment, Scope, purpose: null);
        var blank = await SearchAsync(s, s.EmergencyDepartment, Scope, purpose: "  ");

        foreach (var response in new[] { none, blank })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var outcome = JsonSerializer.Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync(), Fhir)!;
            Assert.Equal(OperationOutcome.IssueType.Required, outcome.Issue.Single().Code);
            Assert.Contains(FlagEndpoints.PurposeParameter, outcome.Issue.Single().Diagnostics);
        }
        await using var db = s.Host.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == s.Child.Id.ToString()));
    }

    [Theory, BothDatabases]
    public async Task The_hospitals_ordinary_client_still_reads_only_its_own_patients(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);

        var bundle = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, "health-flags:read", "Attended the emergency department"));

        Assert.Empty(bundle.Entry);
    }

    [Theory, BothDatabases]
    public async Task The_emergency_department_does_not_reach_past_a_seal_or_into_another_partnership(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider, sealedChild: true);
        var other = await ArrangeAsync(provider);
        var elsewhere = await s.Host.Data.CreateOrganisationAsync(other.PartnershipId, OrganisationType.HospitalTrust);

        var sealedBundle = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a burn"));
        var otherPartnership = await BundleAsync(await SearchAsync(s, elsewhere, Scope, "Attended with a burn"));

        Assert.Empty(sealedBundle.Entry);
        Assert.Empty(otherPartnership.Entry);
        await using var db = s.Host.NewContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.ResourceType == HealthFlagRecords.ResourceType && e.ResourceId == s.Child.Id.ToString());
        Assert.Equal(AuditOutcome.Denied, audit.Outcome);
        Assert.Equal("record is sealed", audit.Details);
    }

    [Theory, BothDatabases]
    public async Task An_ended_flag_is_returned_for_the_months_the_partnership_sets_after_it_ended_then_no_more(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var now = SystemClock.Instance.GetCurrentInstant();
        var child = await s.Host.Data.CreatePersonAsync(s.PartnershipId);
        var nhs = NewNhsNumber();
        HealthFlag EndedMonthsAgo(int months) => NewFlag(s.PartnershipId, child.Id, s.Council, HealthFlagKind.ChildInMaracHousehold,
            now.InUtc().LocalDateTime.PlusMonths(-months - 6).InUtc().ToInstant(), now.InUtc().LocalDateTime.PlusMonths(-months).InUtc().ToInstant());
        var elevenMonths = EndedMonthsAgo(11);
        var thirteenMonths = EndedMonthsAgo(13);
        await s.Host.Data.SaveAsync(db =>
        {
            db.People.Attach(child);
            child.NhsNumber = nhs;
            db.HealthFlags.AddRange(elevenMonths, thirteenMonths);
        });

        var byDefault = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a fracture", nhs));
        await s.Host.Data.SaveAsync(db => db.DomesticAbuseSettings.Add(new DomesticAbuseSettings { PartnershipId = s.PartnershipId, EndedFlagMonths = 6 }));
        var setToSix = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a fracture", nhs));

        Assert.Equal([elevenMonths.Id.ToString()], byDefault.Entry.Select(e => e.Resource.Id));
        Assert.Empty(setToSix.Entry);
    }

    [Theory, BothDatabases]
    public async Task Each_flag_names_its_own_contact_organisation(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var trustTeam = await s.Host.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.MentalHealthTrust, "Trust safeguarding team");
        var icb = await s.Host.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.IntegratedCareBoard, "ICB safeguarding");
        var child = await s.Host.Data.CreatePersonAsync(s.PartnershipId);
        var nhs = NewNhsNumber();
        var now = SystemClock.Instance.GetCurrentInstant();
        var first = NewFlag(s.PartnershipId, child.Id, trustTeam, HealthFlagKind.ChildInMaracHousehold, now - Duration.FromDays(2));
        var second = NewFlag(s.PartnershipId, child.Id, icb, HealthFlagKind.ChildInMaracHousehold, now - Duration.FromDays(1), end: now - Duration.FromHours(1));
        await s.Host.Data.SaveAsync(db =>
        {
            db.People.Attach(child);
            child.NhsNumber = nhs;
            db.HealthFlags.AddRange(first, second);
        });

        var bundle = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a sprain", nhs));

        var contacts = bundle.Entry.ToDictionary(e => e.Resource.Id, e => (Organization)((Flag)e.Resource).Contained.Single());
        Assert.Equal(2, contacts.Count);
        Assert.Equal(("Trust safeguarding team", trustTeam.OdsCode), (contacts[first.Id.ToString()].Name, contacts[first.Id.ToString()].Identifier.Single().Value));
        Assert.Equal(("ICB safeguarding", icb.OdsCode), (contacts[second.Id.ToString()].Name, contacts[second.Id.ToString()].Identifier.Single().Value));
    }

    [Theory, BothDatabases]
    public async Task The_months_an_administrator_sets_on_the_settings_page_decide_which_ended_flags_the_search_returns(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var now = SystemClock.Instance.GetCurrentInstant();
        var child = await s.Host.Data.CreatePersonAsync(s.PartnershipId);
        var nhs = NewNhsNumber();
        var endedTenMonthsAgo = NewFlag(s.PartnershipId, child.Id, s.Council, HealthFlagKind.ChildInMaracHousehold,
            now.InUtc().LocalDateTime.PlusMonths(-14).InUtc().ToInstant(), now.InUtc().LocalDateTime.PlusMonths(-10).InUtc().ToInstant());
        await s.Host.Data.SaveAsync(db =>
        {
            db.People.Attach(child);
            child.NhsNumber = nhs;
            db.HealthFlags.Add(endedTenMonthsAgo);
        });
        var admin = await s.Host.SignInAsync(await s.Host.Data.CreateUserAsync(s.Council, Safeguarding.Core.Platform.Access.Role.PartnershipAdministrator));
        var form = await (await admin.GetAsync("/admin/settings")).HtmlAsync();
        var fields = form.QuerySelectorAll("main form[method=post] input[name^='Form.']:not([type=radio])").ToDictionary(i => i.GetAttribute("name"), i => i.GetAttribute("value") ?? "");
        fields["Form.RepeatMaracRule"] = "Victim";
        var byDefault = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a fracture", nhs));

        fields["Form.EndedFlagMonths"] = "9";
        var saved = await admin.PostFormAsync("/admin/settings", fields);
        var afterChange = await BundleAsync(await SearchAsync(s, s.EmergencyDepartment, Scope, "Attended with a fracture", nhs));

        Assert.Equal("12", form.QuerySelector("#Form_EndedFlagMonths").GetAttribute("value"));
        Assert.Equal([endedTenMonthsAgo.Id.ToString()], byDefault.Entry.Select(e => e.Resource.Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(afterChange.Entry);
        await using var db = s.Host.NewContext();
        var change = await db.Set<SettingChange>().SingleAsync(c => c.PartnershipId == s.PartnershipId);
        Assert.Equal((PathwaySettings.Names.EndedFlagMonths, "12 months after it ended", "9 months after it ended"), (change.Setting, change.OldValue, change.NewValue));
    }
}
