using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class DemoEncompassDeliveryTests
{
    [Theory, BothDatabases]
    public async Task With_no_incidents_the_demo_history_does_nothing(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        await using var db = s.NewContext();
        Assert.Equal(new DemoEncompassDeliverySummary(0, 0, 0, 0), await new DemoEncompassDelivery(db, new EncompassDeliveryOptions()).RunAsync(s.PartnershipId));
    }

    [Theory, BothDatabases]
    public async Task Past_notifications_get_a_history_and_those_still_due_stay_delivered_for_the_inbox(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var past = new List<EncompassNotification>();
        for (var i = 0; i < 40; i++) past.Add(await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0700 - Duration.FromDays(i + 1)));
        var due = await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830);

        DemoEncompassDeliverySummary summary;
        await using (var db = s.NewContext()) summary = await new DemoEncompassDelivery(db, new EncompassDeliveryOptions()).RunAsync(s.PartnershipId);

        Assert.Equal(40, summary.Delivered);
        Assert.InRange(summary.Acknowledged, 25, 39);
        Assert.InRange(summary.Breached, 1, 20);
        await using var check = s.NewContext();
        var all = await check.EncompassNotifications.Where(n => n.PartnershipId == s.PartnershipId).ToListAsync();
        Assert.Equal(NotificationStatus.Delivered, all.Single(n => n.Id == due.Id).Status);
        Assert.Contains(all, n => n.Id != due.Id);
        Assert.All(all.Where(n => n.Id != due.Id), n => Assert.NotEqual(NotificationStatus.Ready, n.Status));
        // A breach is exactly a deadline passed without an acknowledgement in time.
        Assert.All(all.Where(n => n.Id != due.Id), n => Assert.Equal(n.AcknowledgedAt is null || n.AcknowledgedAt > n.Deadline, n.BreachRecordedAt is not null));
        Assert.Equal(summary.Breached, await check.EncompassEscalationTasks.CountAsync(t => t.PartnershipId == s.PartnershipId));
        // Running again adds nothing.
        await using var again = s.NewContext();
        Assert.Equal(0, (await new DemoEncompassDelivery(again, new EncompassDeliveryOptions()).RunAsync(s.PartnershipId)).Delivered);
    }
}
