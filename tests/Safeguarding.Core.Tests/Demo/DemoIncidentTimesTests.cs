using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The demo's police incidents arrive as a feed sends them, not all at the moment the demo was seeded.</summary>
public sealed class DemoIncidentTimesTests
{
    [Theory, BothDatabases]
    public async Task Each_demo_incident_is_received_soon_after_it_was_reported_so_a_days_list_holds_a_days_incidents(DatabaseProvider provider)
    {
        var (copy, _) = await SmallDemo.CopyAsync(provider);
        await using var database = copy;
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
        {
            var partnershipId = await db.Partnerships.Where(p => p.Code == DemoPartnership.PartnershipCode).Select(p => p.Id).SingleAsync(ct);
            await new DemoEncompass(db, new PersonIndex(db)).SeedAsync(partnershipId, ct: ct);
        }

        await using var check = database.NewContext();
        var incidents = await check.DomesticIncidents.AsNoTracking().Select(i => new { i.ReportedAt, i.ReceivedAt }).ToListAsync(ct);
        Assert.InRange(incidents.Count, 200, 300);
        Assert.All(incidents, i => Assert.InRange(i.ReceivedAt - i.ReportedAt, Duration.FromMinutes(5), Duration.FromMinutes(90)));
        // Spread over the demo's recent days, as reported: no more than a busy day's worth received in any 24 hours.
        var byDay = incidents.GroupBy(i => i.ReceivedAt.InUtc().Date).Select(g => g.Count()).ToList();
        Assert.True(byDay.Count >= 4, $"received on {byDay.Count} days");
        Assert.All(byDay, n => Assert.InRange(n, 1, 100));
        // The year behind the recent days is anchored on when they were taken in: the intake's audit, which no later change moves.
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Process == "demo:police incidents", ct));
    }
}
