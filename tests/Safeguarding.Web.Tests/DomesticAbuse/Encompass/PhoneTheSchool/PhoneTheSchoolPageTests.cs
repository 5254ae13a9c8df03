using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.PhoneTheSchool;

public sealed class PhoneTheSchoolPageTests
{
    [Theory, BothDatabases]
    public async Task The_front_door_phones_the_school_marks_the_call_made_and_records_why_a_deadline_was_missed(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, dueSoon) = await ReadyAsync(host, partnership.Id, Duration.FromMinutes(20));
        var (_, _, missed) = await ReadyAsync(host, partnership.Id, -Duration.FromMinutes(5), school);
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        // Delivered, each is due at the start of the school's next school day; time passes until one is a minute past
        // its deadline and the other 5 minutes past it (a call appears only once the deadline has passed).
        await host.Data.SaveAsync(db =>
        {
            foreach (var (n, deadline) in new[] { (dueSoon, Now - Duration.FromMinutes(1)), (missed, Now - Duration.FromMinutes(5)) })
            {
                db.Attach(n);
                n.Deadline = deadline;
            }
        });
        await RunAsync<EncompassEscalation>(host, e => e.RunAsync());
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var practitioner = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(practitioner);
        var reference = NotificationContentJson.Read(dueSoon.Content).PoliceReference;

        var list = await (await client.GetAsync("/domestic-abuse/encompass/phone-the-school")).HtmlAsync();
        Assert.Equal("2 calls to make", list.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains(reference, list.Body!.TextContent);
        Guid taskId;
        await using (var db = host.NewContext())
            taskId = (await db.EncompassEscalationTasks.SingleAsync(t => t.NotificationId == dueSoon.Id)).Id;
        var page = "/domestic-abuse/encompass/phone-the-school";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=Done&taskId={taskId}", [], page)).StatusCode);
        Assert.Equal("1 call to make", (await (await client.GetAsync(page)).HtmlAsync()).QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=Undo&taskId={taskId}", [], page)).StatusCode);
        Assert.Equal("2 calls to make", (await (await client.GetAsync(page)).HtmlAsync()).QuerySelector("caption")!.TextContent.Trim());

        var breach = $"{page}/breach/{missed.Id}";
        var blank = await client.PostFormAsync(breach, new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal("Enter why the deadline was missed", (await blank.HtmlAsync()).QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(breach, new Dictionary<string, string> { ["Reason"] = "School closed for snow; no one to phone." })).StatusCode);
        await using (var db = host.NewContext())
            Assert.Equal("School closed for snow; no one to phone.", (await db.EncompassNotifications.SingleAsync(n => n.Id == missed.Id)).BreachReason);

        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync(page)).StatusCode);
    }
}
