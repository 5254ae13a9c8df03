using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>Every work queue pages, counts the whole queue, and names in the audit trail only what it showed.</summary>
public sealed class WorkQueuePagingTests
{
    [Theory, BothDatabases]
    public async Task The_inbox_pages_waiting_by_deadline_and_acknowledged_apart_and_counts_both_truly(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var late = await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830 + Duration.FromDays(2));
        var soon = await s.ReadyNotificationAsync();
        var done = await s.ReadyNotificationAsync();
        var middle = await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830 + Duration.FromDays(1));
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();
        await using (var db = s.NewContext())
            await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(done.Id), new ProcessContext("test", s.KeyAdult.Actor));

        await using var read = s.NewContext();
        var inbox = new KeyAdultInbox(read);
        var process = new ProcessContext("test:inbox pages", s.KeyAdult.Actor);
        var first = await inbox.ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions(1, 2)), process);
        var second = await inbox.ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions(2, 2)), process);
        var pastTheEnd = await inbox.ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions(9, 2)), process);
        var acknowledged = await inbox.ListAsync(new InboxListOptions(InboxFilter.Acknowledged, new PageOptions(1, 2)), process);

        Assert.Equal((3, 3, 1, 2), (first.Page.Total, first.Waiting, first.Acknowledged, first.Page.Pages));
        Assert.Equal([soon.Id, middle.Id], first.Page.Items.Select(i => i.Id));
        Assert.Equal([late.Id], second.Page.Items.Select(i => i.Id));
        Assert.Equal(2, pastTheEnd.Page.Number);
        Assert.Equal([late.Id], pastTheEnd.Page.Items.Select(i => i.Id));
        Assert.Equal((1, 3, 1), (acknowledged.Page.Total, acknowledged.Waiting, acknowledged.Acknowledged));
        Assert.Equal([done.Id], acknowledged.Page.Items.Select(i => i.Id));
        // Each listing names exactly the notifications it showed.
        var listed = await read.AuditEntries.AsNoTracking().Where(e => e.Process == "test:inbox pages" && e.Action == AuditActions.List).ToListAsync();
        int Listed(EncompassNotification n) => listed.Count(e => e.ResourceId == n.Id.ToString());
        Assert.Equal((5, 1, 1, 2, 1), (listed.Count, Listed(soon), Listed(middle), Listed(late), Listed(done)));
    }

    [Theory, BothDatabases]
    public async Task Phone_the_school_and_missed_deadlines_page_and_count_truly(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var frontDoor = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        for (var i = 0; i < 5; i++) await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830 + Duration.FromMinutes(i));
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();
        s.Clock.Reset(EncompassScenario.Monday0830 + Duration.FromHours(1));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(5, 5), await new EncompassEscalation(db).RunAsync());

        await using var read = s.NewContext();
        var escalation = new EncompassEscalation(read);
        var process = new ProcessContext("test", frontDoor.Actor);
        var calls = await escalation.TasksAsync(new PageOptions(3, 2), process);
        var missed = await escalation.BreachesAsync(new PageOptions(1, 2), process);

        Assert.Equal((5, 5, 3), (calls.Page.Total, calls.ToDo, calls.Page.Pages));
        Assert.Equal([EncompassScenario.Monday0830 + Duration.FromMinutes(4)], calls.Page.Items.Select(c => c.Deadline));
        Assert.Equal((5, 2), (missed.Total, missed.Items.Count));
        Assert.NotNull(await escalation.BreachAsync(missed.Items[0].NotificationId, process));
    }
}
