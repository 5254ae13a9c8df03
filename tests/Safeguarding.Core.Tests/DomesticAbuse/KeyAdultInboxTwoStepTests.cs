using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// The DSL's inbox at 08:20: acknowledging stops the clock and support is added afterwards, entry by entry; each row
/// says what the setting was told about the child before and links only to what the DSL may open; a replaced
/// notification leads to its update.
/// </summary>
public sealed class KeyAdultInboxTwoStepTests
{
    [Theory, BothDatabases]
    public async Task Acknowledging_stops_the_clock_and_support_is_added_later_each_entry_dated_and_signed(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();
        var keyAdult = new ProcessContext("test", s.KeyAdult.Actor);
        var deputy = new ProcessContext("test", s.DeputyKeyAdult.Actor);

        await using (var db = s.NewContext())
            Assert.Equal(AddSupportOutcome.NotAcknowledged, await new KeyAdultInbox(db).AddSupportAsync(new AddSupportOptions(notification.Id, ["check-in"], null), keyAdult));
        s.Clock.AdvanceMinutes(10);
        var acknowledgedAt = s.Clock.GetCurrentInstant();
        await using (var db = s.NewContext())
            Assert.Equal(AcknowledgeOutcome.Acknowledged, await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(notification.Id), keyAdult));
        s.Clock.AdvanceMinutes(60);
        await using (var db = s.NewContext())
            Assert.Equal(AddSupportOutcome.Added, await new KeyAdultInbox(db).AddSupportAsync(new AddSupportOptions(notification.Id, ["check-in", "made-up"], "  Seen at 9.  "), keyAdult));
        s.Clock.AdvanceMinutes(60 * 24);
        await using (var db = s.NewContext())
            Assert.Equal(AddSupportOutcome.Added, await new KeyAdultInbox(db).AddSupportAsync(new AddSupportOptions(notification.Id, ["early-help"], null), deputy));

        await using var read = s.NewContext();
        var opened = (await new KeyAdultInbox(read).OpenAsync(notification.Id, keyAdult))!;
        Assert.Equal((NotificationStatus.Acknowledged, acknowledgedAt, s.KeyAdult.User.Id),
            (opened.Notification.Status, opened.Notification.AcknowledgedAt!.Value, opened.Notification.AcknowledgedByUserId!.Value));
        Assert.Null(opened.Notification.SupportChoices);
        Assert.Equal(
            [(acknowledgedAt + Duration.FromMinutes(60), s.KeyAdult.User.DisplayName, "check-in", "Seen at 9."),
             (acknowledgedAt + Duration.FromMinutes(60 + 60 * 24), s.DeputyKeyAdult.User.DisplayName, "early-help", null)],
            opened.Support.Select(e => (e.At, e.By, string.Join(',', e.Choices), e.Notes)));
    }

    [Theory, BothDatabases]
    public async Task Another_settings_key_adult_cannot_add_support(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var otherSchool = await s.Data.CreateOrganisationAsync(s.PartnershipId);
        var theirs = await s.ReadyNotificationAsync(otherSchool);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var write = s.NewContext();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            new KeyAdultInbox(write).AddSupportAsync(new AddSupportOptions(theirs.Id, ["check-in"], null), new ProcessContext("test", s.KeyAdult.Actor)));
        Assert.Equal("notification was sent to another setting", refused.Reason);
        Assert.False(await write.EncompassSupportEntries.AnyAsync());
    }

    [Theory, BothDatabases]
    public async Task Each_row_counts_the_childs_earlier_incidents_by_police_reference_and_names_the_latest(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var child = await s.Data.CreatePersonAsync(s.PartnershipId, (s.School, PersonLinkKind.RegisteredPupil));
        // Two earlier incidents (the second sent twice, as a police correction), then today's.
        var first = await NotifyAboutAsync(s, child, "EARLY/1");
        var second = await NotifyAboutAsync(s, child, "EARLY/2");
        var correction = await NotifyAboutAsync(s, child, "EARLY/2", version: 2);
        var today = await NotifyAboutAsync(s, child, "TODAY/1");
        var unmatched = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var read = s.NewContext();
        var list = await new KeyAdultInbox(read).ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions()), new ProcessContext("test", s.KeyAdult.Actor));
        var rows = list.Page.Items.ToDictionary(i => i.Id);

        Assert.Equal(new EarlierNotifications(2, correction.Id, rows[correction.Id].DeliveredAt, "EARLY/2"), rows[today.Id].Earlier);
        Assert.Equal(new EarlierNotifications(1, first.Id, rows[first.Id].DeliveredAt, "EARLY/1"), rows[second.Id].Earlier);
        Assert.Equal(0, rows[first.Id].Earlier!.Incidents);
        Assert.Null(rows[unmatched.Id].Earlier);
    }

    [Theory, BothDatabases]
    public async Task The_childs_record_and_attendance_are_linked_only_where_the_policy_would_open_them(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var gp = await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.GpPractice);
        var pupil = await s.Data.CreatePersonAsync(s.PartnershipId, (s.School, PersonLinkKind.RegisteredPupil));
        var elsewhere = await s.Data.CreatePersonAsync(s.PartnershipId, (gp, PersonLinkKind.RegisteredPatient));
        var enrolledOnly = await s.Data.CreatePersonAsync(s.PartnershipId, (gp, PersonLinkKind.RegisteredPatient));
        await s.Data.SaveAsync(db => db.Enrolments.Add(new Enrolment
        {
            PartnershipId = s.PartnershipId, AcademicYear = 2026, Upn = "A123456789012", Urn = s.School.Urn!, PersonId = enrolledOnly.Id,
            DateOfBirth = new LocalDate(2015, 3, 1), Sex = "F", YearGroup = "6", SenProvision = "N",
        }));
        var ofPupil = await NotifyAboutAsync(s, pupil, "LINK/1");
        var ofElsewhere = await NotifyAboutAsync(s, elsewhere, "LINK/2");
        var ofEnrolled = await NotifyAboutAsync(s, enrolledOnly, "LINK/3");
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var read = s.NewContext();
        var rows = (await new KeyAdultInbox(read).ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions()), new ProcessContext("test", s.KeyAdult.Actor)))
            .Page.Items.ToDictionary(i => i.Id, i => (i.MayOpenRecord, i.MayOpenAttendance));

        Assert.Equal((true, true), rows[ofPupil.Id]);
        Assert.Equal((false, false), rows[ofElsewhere.Id]);
        Assert.Equal((false, true), rows[ofEnrolled.Id]);
        // The same answers the record and attendance pages give when opened.
        var process = new ProcessContext("test", s.KeyAdult.Actor);
        Assert.NotNull(await new PersonRecords(read, []).OpenAsync(pupil.Id, process));
        await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(read, []).OpenAsync(elsewhere.Id, process));
        await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(read, []).OpenAsync(enrolledOnly.Id, process));
        Assert.NotNull(await new LearnerAccess(read, TestServices.KnownToSafeguarding(read)).OpenChildAsync(new OpenChildAttendanceOptions(enrolledOnly.Id, null), process));
        await Assert.ThrowsAsync<ForbiddenException>(() => new LearnerAccess(read, TestServices.KnownToSafeguarding(read)).OpenChildAsync(new OpenChildAttendanceOptions(elsewhere.Id, null), process));
    }

    [Theory, BothDatabases]
    public async Task A_notification_replaced_by_a_police_update_leads_to_the_update_and_sits_with_the_acknowledged(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var first = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();
        s.Clock.AdvanceMinutes(20);
        var update = await s.ReadyNotificationAsync(followsUp: first);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();

        await using var read = s.NewContext();
        var inbox = new KeyAdultInbox(read);
        var process = new ProcessContext("test", s.KeyAdult.Actor);
        var waiting = await inbox.ListAsync(new InboxListOptions(InboxFilter.Waiting, new PageOptions()), process);
        var done = await inbox.ListAsync(new InboxListOptions(InboxFilter.Acknowledged, new PageOptions()), process);

        Assert.Equal([update.Id], waiting.Page.Items.Select(i => i.Id));
        var replaced = Assert.Single(done.Page.Items);
        Assert.Equal((first.Id, NotificationStatus.Superseded, update.Id), (replaced.Id, replaced.Status, replaced.UpdateId));
        Assert.Equal(update.Id, (await inbox.OpenAsync(first.Id, process))!.UpdateId);
        Assert.Null((await inbox.OpenAsync(update.Id, process))!.UpdateId);
    }

    /// <summary>A notification to the scenario's school about a child matched to <paramref name="child"/>, delivered a minute after the one before.</summary>
    private static async Task<EncompassNotification> NotifyAboutAsync(EncompassScenario s, Person child, string reference, int version = 1)
    {
        var incident = await s.Data.CreateIncidentAsync(s.Force, Instant.FromUtc(2026, 11, 29, 20, 15), reference: reference, version: version);
        var notification = await s.Data.CreateReadyNotificationAsync(incident, incident.Children[0], s.School, EncompassScenario.Monday0830);
        await using var db = s.NewContext();
        db.Process = ProcessContext.System("test:arrange");
        var stored = await db.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        stored.ChildPersonId = child.Id;
        await db.SaveChangesAsync();
        await s.Delivery(db).DeliverAllReadyAsync();
        s.Clock.AdvanceMinutes(1);
        return stored;
    }
}
