using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class EscalationTests
{
    [Theory, BothDatabases]
    public async Task A_call_for_the_front_door_appears_only_once_the_deadline_has_passed_unacknowledged(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        // The setting has until its deadline: nothing before it, not even 30 minutes or a second before.
        s.Clock.Reset(EncompassScenario.Monday0830 - Duration.FromMinutes(30));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        s.Clock.Reset(EncompassScenario.Monday0830 - Duration.FromSeconds(1));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        s.Clock.Reset(EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(1, 1), await new EncompassEscalation(db).RunAsync());
        // Running again (every minute, on every host) adds nothing.
        s.Clock.AdvanceMinutes(1);
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());

        await using var check = s.NewContext();
        var task = await check.EncompassEscalationTasks.SingleAsync(t => t.NotificationId == notification.Id);
        Assert.Equal((EncompassScenario.Monday0830, s.School.Id), (task.Deadline, task.RecipientOrganisationId));
        Assert.Equal(EncompassScenario.Monday0830, (await check.EncompassNotifications.SingleAsync(n => n.Id == notification.Id)).EscalatedAt);
    }

    [Theory, BothDatabases]
    public async Task The_partnerships_delay_after_the_deadline_decides_when_the_call_appears(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        await s.Data.SaveAsync(db =>
        {
            var settings = db.EncompassSettings.SingleOrDefault(x => x.PartnershipId == s.PartnershipId);
            if (settings is null) db.EncompassSettings.Add(new EncompassSettings { PartnershipId = s.PartnershipId, PhoneTheSchoolDelayMinutes = 15 });
            else settings.PhoneTheSchoolDelayMinutes = 15;
        });
        await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        // At the deadline it is the setting's breach, but the call waits for the partnership's 15 minutes.
        s.Clock.Reset(EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 1), await new EncompassEscalation(db).RunAsync());
        s.Clock.Reset(EncompassScenario.Monday0830 + Duration.FromMinutes(14));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        s.Clock.Reset(EncompassScenario.Monday0830 + Duration.FromMinutes(15));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(1, 0), await new EncompassEscalation(db).RunAsync());
    }

    [Theory, BothDatabases]
    public async Task A_notification_acknowledged_in_time_is_neither_escalated_nor_a_breach(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        s.Clock.Reset(EncompassScenario.Monday0830 - Duration.FromMinutes(45));
        await using (var db = s.NewContext())
            Assert.Equal(AcknowledgeOutcome.Acknowledged, await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(notification.Id, ["check-in"], null), new ProcessContext("test", s.KeyAdult.Actor)));

        s.Clock.Reset(EncompassScenario.Monday0830 + Duration.FromHours(2));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
    }

    [Theory, BothDatabases]
    public async Task A_deadline_passed_without_acknowledgement_is_a_breach_whose_reason_the_front_door_records(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var frontDoor = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        s.Clock.Reset(EncompassScenario.Monday0830 - Duration.FromSeconds(1));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        s.Clock.Reset(EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(1, 1), await new EncompassEscalation(db).RunAsync());

        await using (var db = s.NewContext())
        {
            var escalation = new EncompassEscalation(db);
            var breach = Assert.Single((await escalation.BreachesAsync(new PageOptions(), new ProcessContext("test", frontDoor.Actor))).Items);
            Assert.Equal((notification.Id, (string?)null), (breach.NotificationId, breach.Reason));
            Assert.True(await escalation.RecordBreachReasonAsync(new BreachReasonOptions(notification.Id, "The DSL was off sick and no deputy was set up."), new ProcessContext("test", frontDoor.Actor)));
        }
        await using var check = s.NewContext();
        var stored = await check.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        Assert.Equal((EncompassScenario.Monday0830, "The DSL was off sick and no deputy was set up."), (stored.BreachRecordedAt!.Value, stored.BreachReason));
    }

    [Theory, BothDatabases]
    public async Task A_follow_up_replaces_an_unopened_notification_which_is_then_never_escalated(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var first = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        var followUp = await s.ReadyNotificationAsync(followsUp: first, deadline: EncompassScenario.Monday0830 + Duration.FromDays(1));
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        s.Clock.Reset(EncompassScenario.Monday0830 + Duration.FromMinutes(1));
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        await using var check = s.NewContext();
        Assert.Equal(NotificationStatus.Superseded, (await check.EncompassNotifications.SingleAsync(n => n.Id == first.Id)).Status);
        Assert.Equal(NotificationStatus.Delivered, (await check.EncompassNotifications.SingleAsync(n => n.Id == followUp.Id)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_follow_up_sent_after_the_first_deadline_is_due_the_next_school_day_after_it_was_sent_and_is_never_born_overdue(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var first = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        await using (var db = s.NewContext())
            await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(first.Id, ["check-in"], null), new ProcessContext("test", s.KeyAdult.Actor));
        // A later police version arrives on Tuesday morning, after the first report's deadline (Monday 08:30) has passed.
        var tuesday1000 = EncompassScenario.Monday0830 + Duration.FromHours(25.5);
        s.Clock.Reset(tuesday1000);
        var followUp = await s.ReadyNotificationAsync(followsUp: first, deadline: EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        // Due at the start of the school day after it was sent (Wednesday 08:30), not born overdue: no call, no breach.
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(0, 0), await new EncompassEscalation(db).RunAsync());
        await using var check = s.NewContext();
        Assert.Equal(EncompassScenario.Monday0830 + Duration.FromDays(2), (await check.EncompassNotifications.SingleAsync(n => n.Id == followUp.Id)).Deadline);
    }

    [Theory, BothDatabases]
    public async Task A_notification_never_sent_is_not_counted_as_the_settings_breach(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        await s.ReadyNotificationAsync();
        s.Clock.Reset(EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) Assert.Equal(new EscalationRun(1, 0), await new EncompassEscalation(db).RunAsync());
    }

    [Theory, BothDatabases]
    public async Task A_notification_followed_up_before_it_was_sent_is_replaced_not_sent(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var first = await s.ReadyNotificationAsync();
        var followUp = await s.ReadyNotificationAsync(followsUp: first);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var check = s.NewContext();
        Assert.Equal(NotificationStatus.Superseded, (await check.EncompassNotifications.SingleAsync(n => n.Id == first.Id)).Status);
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.AboutId == first.Id));
        Assert.Equal(2, await check.OutboxMessages.CountAsync(m => m.AboutId == followUp.Id));
    }

    [Theory, BothDatabases]
    public async Task The_front_doors_look_at_the_calls_to_make_and_the_missed_deadlines_is_saved_in_the_audit_trail_naming_each_notification(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var frontDoor = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        s.Clock.Reset(EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) await new EncompassEscalation(db).RunAsync();

        await using (var db = s.NewContext())
        {
            var escalation = new EncompassEscalation(db);
            Assert.Single((await escalation.TasksAsync(new PageOptions(), new ProcessContext("web:phone the school", frontDoor.Actor))).Page.Items);
            Assert.Single((await escalation.BreachesAsync(new PageOptions(), new ProcessContext("web:phone the school", frontDoor.Actor))).Items);
        }

        await using var check = s.NewContext();
        var entries = await check.AuditEntries.AsNoTracking().Where(e => e.Process == "web:phone the school").ToListAsync();
        Assert.Contains(entries, e => e.ResourceType == "EncompassEscalations" && e.ActorUserId == frontDoor.Actor.UserId);
        Assert.Contains(entries, e => e.ResourceType == "EncompassBreaches" && e.ActorUserId == frontDoor.Actor.UserId);
        Assert.Equal(["missed deadlines", "phone the school"], entries
            .Where(e => e.Action == "list" && e.ResourceType == KeyAdultInbox.ResourceType && e.ResourceId == notification.Id.ToString())
            .Select(e => e.Details).Order());
    }

    [Theory, BothDatabases]
    public async Task Only_the_front_door_sees_the_calls_to_make(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        await using var db = s.NewContext();
        // The web host audits the refusal; the service names what was refused.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => new EncompassEscalation(db).TasksAsync(new PageOptions(), new ProcessContext("test", s.KeyAdult.Actor)));
        Assert.Equal(("EncompassEscalations", (string?)null), (refused.ResourceType, refused.ResourceId));
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
    }
}
