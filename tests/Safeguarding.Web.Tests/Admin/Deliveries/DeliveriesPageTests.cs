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

namespace Safeguarding.Web.Tests.Admin.Deliveries;

public sealed class DeliveriesPageTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_sees_a_failed_delivery_and_sends_it_again(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var practitioner = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var failed = new OutboxMessage
        {
            PartnershipId = partnership.Id, Channel = OutboxChannel.Email, Destination = "dsl@school.test.example", Payload = "{}",
            DeliveryKey = $"test/{Guid.NewGuid():N}", About = "Test", Status = OutboxStatus.Failed, Attempts = 8,
            LastError = "IOException: The relay refused the connection.", NextAttemptAt = Now, CreatedAt = Now,
        };
        await host.Data.SaveAsync(db => db.OutboxMessages.Add(failed));
        var client = await host.SignInAsync(admin);

        var html = await (await client.GetAsync("/admin/deliveries")).HtmlAsync();
        Assert.Contains("The relay refused the connection.", html.QuerySelector("table")!.TextContent);
        var retry = await client.PostFormAsync($"/admin/deliveries?handler=Retry&messageId={failed.Id}", [], "/admin/deliveries");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await using (var db = host.NewContext())
            Assert.Equal((OutboxStatus.Pending, 0), await db.OutboxMessages.Where(m => m.Id == failed.Id).Select(m => new { m.Status, m.Attempts }).SingleAsync() is var r ? (r.Status, r.Attempts) : default);

        var other = await host.SignInAsync(practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/admin/deliveries")).StatusCode);
    }
}
