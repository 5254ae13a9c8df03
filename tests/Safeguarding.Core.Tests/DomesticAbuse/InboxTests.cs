using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class InboxTests
{
    [Theory, BothDatabases]
    public async Task A_key_adult_sees_only_their_own_settings_notifications(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var otherSchool = await s.Data.CreateOrganisationAsync(s.PartnershipId);
        var ours = await s.ReadyNotificationAsync();
        var theirs = await s.ReadyNotificationAsync(otherSchool);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var read = s.NewContext();
        var inbox = new KeyAdultInbox(read);
        var process = new ProcessContext("test", s.KeyAdult.Actor);
        Assert.Equal(ours.Id, Assert.Single((await inbox.ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions()), process)).Page.Items).Id);
        // Both refusals name the notification and why; the web host writes them to the audit trail (see the inbox page tests).
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => inbox.OpenAsync(theirs.Id, process));
        Assert.Equal((KeyAdultInbox.ResourceType, theirs.Id.ToString(), "notification was sent to another setting"), (refused.ResourceType, refused.ResourceId, refused.Reason));
        var notAcknowledged = await Assert.ThrowsAsync<ForbiddenException>(() => inbox.AcknowledgeAsync(new AcknowledgeNotificationOptions(theirs.Id, ["check-in"], null), process));
        Assert.Equal((KeyAdultInbox.ResourceType, theirs.Id.ToString(), "notification was sent to another setting"),
            (notAcknowledged.ResourceType, notAcknowledged.ResourceId, notAcknowledged.Reason));
        Assert.Null((await read.EncompassNotifications.AsNoTracking().SingleAsync(n => n.Id == theirs.Id)).AcknowledgedAt);
        Assert.False(await read.AuditEntries.AnyAsync(e => e.ResourceId == theirs.Id.ToString() && e.Outcome == AuditOutcome.Denied));
    }

    [Theory, BothDatabases]
    public async Task Opening_is_audited_and_recorded_once_and_acknowledging_keeps_the_support(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        var firstOpen = s.Clock.GetCurrentInstant();
        await using (var db = s.NewContext())
        {
            var opened = await new KeyAdultInbox(db).OpenAsync(notification.Id, new ProcessContext("test", s.KeyAdult.Actor));
            Assert.Equal(NotificationContentJson.Read(notification.Content), opened!.Content);
        }
        s.Clock.AdvanceMinutes(5);
        await using (var db = s.NewContext())
        {
            await new KeyAdultInbox(db).OpenAsync(notification.Id, new ProcessContext("test", s.DeputyKeyAdult.Actor));
            Assert.Equal(AcknowledgeOutcome.Acknowledged, await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(notification.Id,
                ["staff-told", "check-in", "made-up"], "  Class teacher told; Key Adult will see her at 9.  "), new ProcessContext("test", s.DeputyKeyAdult.Actor)));
            Assert.Equal(AcknowledgeOutcome.AlreadyAcknowledged, await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(notification.Id, ["other"], "x"),
                new ProcessContext("test", s.KeyAdult.Actor)));
        }

        await using var check = s.NewContext();
        var stored = await check.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        Assert.Equal(NotificationStatus.Acknowledged, stored.Status);
        Assert.Equal(firstOpen, stored.FirstOpenedAt);
        Assert.Equal(s.DeputyKeyAdult.User.Id, stored.AcknowledgedByUserId);
        Assert.Equal("check-in,staff-told", stored.SupportChoices);
        Assert.Equal("Class teacher told; Key Adult will see her at 9.", stored.SupportNotes);
        var reads = await check.AuditEntries.Where(e => e.ResourceId == notification.Id.ToString() && e.Action == AuditActions.Read).ToListAsync();
        Assert.Equal(new[] { s.KeyAdult.User.Id, s.DeputyKeyAdult.User.Id }.Order(), reads.Select(r => r.ActorUserId!.Value).Order());
    }

    [Theory, BothDatabases]
    public async Task The_councils_education_lead_reads_notifications_for_home_educated_children(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var council = await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService);
        var lead = await s.Data.CreateUserAsync(council, Role.EducationLead);
        var incident = await s.Data.CreateIncidentAsync(s.Force, EncompassScenario.Monday0700);
        var ehe = await s.Data.CreateReadyNotificationAsync(incident, incident.Children[0], council, EncompassScenario.Monday0830,
            recipient: NotificationRecipient.ElectiveHomeEducationLead);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var read = s.NewContext();
        Assert.Equal(ehe.Id, Assert.Single((await new KeyAdultInbox(read).ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions()), new ProcessContext("test", lead.Actor))).Page.Items).Id);
        Assert.Equal(lead.Email, (await read.OutboxMessages.SingleAsync(m => m.AboutId == ehe.Id)).Destination);
    }

    // Who may and may not, beside the matrix of person reads.
    [Theory]
    [InlineData(Role.SchoolKeyAdult, true, false, false)]
    [InlineData(Role.CollegeSafeguardingLead, true, false, false)]
    [InlineData(Role.EducationLead, true, false, true)]
    [InlineData(Role.FrontDoorPractitioner, false, true, false)]
    [InlineData(Role.FrontDoorManager, false, true, true)]
    [InlineData(Role.PoliceDomesticAbuse, false, false, true)]
    [InlineData(Role.Analyst, false, false, true)]
    [InlineData(Role.PartnershipBusinessManager, false, false, true)]
    [InlineData(Role.SocialWorker, false, false, false)]
    [InlineData(Role.GpPractice, false, false, false)]
    [InlineData(Role.PartnershipAdministrator, false, false, false)]
    public void Encompass_grants_by_role(Role role, bool readsOwnSettingsNotifications, bool phonesTheSchool, bool seesTimeliness)
    {
        var partnership = Guid.NewGuid();
        var own = Guid.NewGuid();
        var actor = new Actor(partnership, own, "Test", new HashSet<Role> { role }, UserId: Guid.NewGuid());
        Assert.Equal(readsOwnSettingsNotifications, AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read, new RecordFacts(partnership, own)).Allowed);
        Assert.Equal(readsOwnSettingsNotifications, AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Update, new RecordFacts(partnership, own)).Allowed);
        // Nobody reads another setting's notifications.
        Assert.False(AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read, new RecordFacts(partnership, Guid.NewGuid())).Allowed);
        Assert.Equal(phonesTheSchool, AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Review).Allowed);
        // A school's own attendance figures are not the partnership's timeliness across every setting.
        Assert.Equal(seesTimeliness, actor.SeesPartnershipFigures);
    }

    [Theory]
    [InlineData(Role.PartnershipAdministrator, true)]
    [InlineData(Role.SystemAdministrator, true)]
    [InlineData(Role.FrontDoorManager, false)]
    [InlineData(Role.SchoolKeyAdult, false)]
    public void Failed_deliveries_are_for_administrators(Role role, bool allowed)
    {
        var actor = new Actor(Guid.NewGuid(), Guid.NewGuid(), "Test", new HashSet<Role> { role }, UserId: Guid.NewGuid());
        Assert.Equal(allowed, AccessPolicy.Decide(actor, Resource.Deliveries, Operation.Read).Allowed);
        Assert.Equal(allowed, AccessPolicy.Decide(actor, Resource.Deliveries, Operation.Update).Allowed);
    }
}
