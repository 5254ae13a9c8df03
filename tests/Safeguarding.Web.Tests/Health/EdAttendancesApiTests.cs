using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Health;

/// <summary>Emergency department attendances through the API: the scope (hospital trusts only), Idempotency-Key, 201/200/400 with the quarantine.</summary>
public sealed class EdAttendancesApiTests
{
    private const string Url = "/api/v1/health/ed-attendances";

    // One arrival time for every copy: a copy sent again must carry the same facts to be unchanged.
    private static readonly Instant Arrived = Instant.FromUtc(2026, 12, 7, 6, 0);

    private static string Attendance(string reference, string nhs, string discharge = "306689006") => JsonSerializer.Serialize(new
    {
        attendanceReference = reference, arrivedAt = Arrived.ToString(), nhsNumber = nhs,
        givenName = "Kit", familyName = "Apitest", dateOfBirth = "2012-02-03", sex = "Female", injuryIntentCode = "52684005",
        injuryMechanismCode = "1162998008", dischargeDestinationCode = discharge, noEducationSetting = true,
    });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Theory, BothDatabases]
    public async Task A_new_attendance_is_201_a_known_reference_200_and_a_bad_one_problem_details_with_its_quarantine(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var hospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var (id, secret) = await host.Data.CreateApiClientAsync(hospital, "ed-attendances:write");
        var (otherId, otherSecret) = await host.Data.CreateApiClientAsync(hospital, "people:write");
        var client = host.ApiClient(id, secret);
        var nhs = NhsNumber.WithCheckDigit("943476587");

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, Attendance("API/1", nhs), Guid.NewGuid().ToString())).StatusCode);
        var unchanged = await PostAsync(client, Attendance("API/1", nhs), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Contains("\"Unchanged\"", await unchanged.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var replaced = await PostAsync(client, Attendance("API/1", nhs, discharge: "306706006"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Contains("\"Replaced\"", await replaced.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var bad = await PostAsync(client, Attendance("API/2", "9434765871"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("nhsNumber", out _));
        var quarantined = problem.RootElement.GetProperty("quarantinedRecordId").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(host.ApiClient(otherId, otherSecret), Attendance("API/3", nhs), Guid.NewGuid().ToString())).StatusCode);

        await using var db = host.NewContext();
        var attendance = await db.Set<EdAttendance>().SingleAsync(a => a.PartnershipId == partnership.Id, ct);
        Assert.Equal(("API/1", true), (attendance.AttendanceReference, attendance.KnifeAssault && attendance.Admitted));
        // A 14-year-old naming no setting and on no roll: one possible CME case, not a second for the corrected copy.
        Assert.Equal(1, await db.Set<EducationSignposting>().CountAsync(s => s.PartnershipId == partnership.Id && s.Kind == SignpostingKind.PossibleCme, ct));
        Assert.True(await db.QuarantinedRecords.AnyAsync(r => r.Id == quarantined && r.Kind == EdAttendanceIntake.QuarantineKind, ct));
    }
}
