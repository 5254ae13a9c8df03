using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using NodaTime;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Health;

/// <summary>
/// The attendance page in the browser's place: the trust's ED nurse sends a contact to the Front Door from it (a blank
/// concern shows the error summary and saves nothing), then the page shows the contact and the outcome in the referrer's
/// words instead of the form; another trust's nurse is refused on GET and POST.
/// </summary>
public sealed class EdContactPageTests
{
    [Theory, BothDatabases]
    public async Task The_nurse_sends_a_contact_from_the_attendance_page_and_the_page_then_shows_its_outcome(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var hospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var otherHospital = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var nurse = await host.Data.CreateUserAsync(hospital, Role.EdSafeguardingNurse);
        var otherNurse = await host.Data.CreateUserAsync(otherHospital, Role.EdSafeguardingNurse);
        var child = await host.Data.CreatePersonAsync(partnership.Id);
        var now = SystemClock.Instance.GetCurrentInstant();
        var attendance = new EdAttendance
        {
            PartnershipId = partnership.Id, HospitalOrganisationId = hospital.Id, AttendanceReference = "ED-PAGE-1", PersonId = child.Id,
            ArrivedAt = now - Duration.FromHours(2), AgeAtArrival = 15, Assault = true, Mechanism = InjuryMechanism.KnifeOrSharpObject,
            ReceivedAt = now - Duration.FromHours(1), Received = "{}", Fingerprint = "ED-PAGE-1",
        };
        await host.Data.SaveAsync(db => db.Add(attendance));
        var page = $"/health/ed-attendances/{attendance.Id}";

        var ed = await host.SignInAsync(nurse);
        Assert.NotNull((await (await ed.GetAsync(page)).HtmlAsync()).QuerySelector("form textarea[name='Concern']"));
        var bad = await (await ed.PostFormAsync($"{page}?handler=Contact", new() { ["Concern"] = " " }, page)).HtmlAsync();
        Assert.Contains("Enter the concern about the child", bad.QuerySelector(".govuk-error-summary")!.TextContent);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<FrontDoorContact>().AnyAsync(c => c.PersonId == child.Id, ct));

        var stranger = await host.SignInAsync(otherNurse);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await stranger.PostFormAsync($"{page}?handler=Contact", new() { ["Concern"] = "Not ours" }, "/health/ed-attendances")).StatusCode);

        var sent = await ed.PostFormAsync($"{page}?handler=Contact", new() { ["Concern"] = "Stab wound; will not say who did it." }, page);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var shown = await (await ed.GetAsync(page)).HtmlAsync();
        Assert.Contains("Waiting for the Front Door's decision", shown.QuerySelector("#contact-sent")!.TextContent);
        Assert.Null(shown.QuerySelector("form textarea[name='Concern']"));
        await using (var db = host.NewContext())
        {
            var contact = await db.Set<FrontDoorContact>().SingleAsync(c => c.PersonId == child.Id, ct);
            Assert.Equal((ContactSource.EmergencyDepartment, (Guid?)attendance.Id), (contact.Source, contact.SourceRecordId));
        }
    }
}
