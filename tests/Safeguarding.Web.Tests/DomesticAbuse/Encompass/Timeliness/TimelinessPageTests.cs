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

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.Timeliness;

public sealed class TimelinessPageTests
{
    [Theory, BothDatabases]
    public async Task Timeliness_figures_come_as_tables_charts_and_csv_for_police_and_the_partnership_only(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (force, school, notification) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        var police = await host.Data.CreateUserAsync(force, Role.PoliceDomesticAbuse);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(police);

        var html = await (await client.GetAsync("/domestic-abuse/encompass/timeliness")).HtmlAsync();
        Assert.Equal(2, html.QuerySelectorAll("svg[role=img]").Length);
        var settingRow = html.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == school.Name);
        // One notification: small-number suppression hides the counts of 1 to 4 and the rates and medians over them
        // (police, Front Door and setting times alike); zero shows.
        Assert.Equal(["x", "x", "x", "x", "x", "x", "x", "x", "0", "–"], settingRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(NotificationContentJson.Read(notification.Content).ChildGivenName, html.Body!.TextContent);

        var bad = await (await client.GetAsync("/domestic-abuse/encompass/timeliness?from=yesterday")).HtmlAsync();
        Assert.Contains("Enter the start date", bad.QuerySelector(".govuk-error-summary")!.TextContent);

        var csv = await client.GetAsync("/domestic-abuse/encompass/timeliness?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("breakdown,label,incidents,children,notifications,", lines[0]);
        var row = lines.Single(l => l.StartsWith($"setting,\"{school.Name}\",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["x", "x", "x", "x", "x", "x", "0"], row[2..9]);
        Assert.Equal(["x", "x"], row[^2..]);

        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync("/domestic-abuse/encompass/timeliness")).StatusCode);
    }
}
