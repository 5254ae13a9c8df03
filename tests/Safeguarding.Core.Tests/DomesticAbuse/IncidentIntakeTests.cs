using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.DomesticAbuse.IncidentJson;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class IncidentIntakeTests(EncompassFixture fixture) : IClassFixture<EncompassFixture>
{
    // Reported on Friday 6 November 2026 at 21:40: due at the start of Monday 9 November (GMT).
    private static readonly Instant MondayStart = Instant.FromUtc(2026, 11, 9, 8, 30);

    private async Task<EncompassWorld> WorldAsync(DatabaseProvider provider) => await EncompassWorld.OpenAsync(await fixture.GetAsync(provider));

    private static async Task<IntakeResult> SendAsync(EncompassWorld world, string json)
    {
        await using var db = world.NewContext();
        return await world.Intake(db).ReceiveAsync(new ReceiveIncidentOptions(json, "test"), world.Process(world.PoliceSystem), TestContext.Current.CancellationToken);
    }

    private static async Task<List<EncompassNotification>> NotificationsAsync(EncompassWorld world, string reference)
    {
        await using var db = world.NewContext();
        var ids = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).Select(i => i.Id).ToListAsync();
        return await db.EncompassNotifications.AsNoTracking().Where(n => ids.Contains(n.IncidentId)).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync();
    }

    [Theory, BothDatabases]
    public async Task Child_on_a_school_roll_is_notified_to_that_school_by_the_start_of_its_next_school_day(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[0];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        var reference = NewReference();

        var result = await SendAsync(world, Incident(reference, "Argument between adults; police attended.", Child(pupil, said: "I hid upstairs")));

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal(1, result.Version);
        var notification = Assert.Single(await NotificationsAsync(world, reference));
        Assert.Equal(school.Id, notification.RecipientOrganisationId);
        Assert.Equal(NotificationRecipient.School, notification.Recipient);
        Assert.Equal(NotificationStatus.Ready, notification.Status);
        Assert.Equal(MondayStart, notification.Deadline);
        Assert.Equal(pupil.PersonId, notification.ChildPersonId);
        var content = NotificationContentJson.Read(notification.Content);
        Assert.Equal(pupil.GivenName, content.ChildGivenName);
        Assert.Equal("I hid upstairs", content.WhatTheySaid);
        Assert.DoesNotContain("Alex", notification.Content); // nothing about the adults
    }

    [Theory, BothDatabases]
    public async Task A_setting_with_its_own_calendar_gets_its_own_deadline(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[1];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        await using (var db = world.NewContext())
        {
            // An INSET day on Monday 9 November and a later day start.
            var lead = world.Administrator with { Roles = new HashSet<Safeguarding.Core.Platform.Access.Role> { Safeguarding.Core.Platform.Access.Role.EducationLead } };
            await new SchoolCalendars(db).PublishAsync(new PublishCalendarOptions(school.Id, new LocalTime(8, 45), [], [new LocalDate(2026, 11, 9)]),
                world.Process(lead), TestContext.Current.CancellationToken);
        }
        var reference = NewReference();

        await SendAsync(world, Incident(reference, "Summary", Child(pupil)));

        var notification = Assert.Single(await NotificationsAsync(world, reference));
        Assert.Equal(Instant.FromUtc(2026, 11, 10, 8, 45), notification.Deadline);
    }

    [Theory, BothDatabases]
    public async Task Same_reference_with_the_same_facts_is_unchanged_and_tells_nobody_twice(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[2];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        var reference = NewReference();
        var json = Incident(reference, "Summary", Child(pupil));
        await SendAsync(world, json);

        var again = await SendAsync(world, json);

        Assert.Equal(IntakeOutcome.Unchanged, again.Outcome);
        Assert.Single(await NotificationsAsync(world, reference));
        await using var db = world.NewContext();
        Assert.Equal(1, await db.DomesticIncidents.CountAsync(i => i.PoliceReference == reference));
    }

    [Theory, BothDatabases]
    public async Task A_correction_is_a_new_version_whose_follow_up_supersedes_the_unopened_notification(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[3];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        var reference = NewReference();
        await SendAsync(world, Incident(reference, "First account", Child(pupil, present: false)));

        var corrected = await SendAsync(world, Incident(reference, "First account", Child(pupil, present: true)));

        Assert.Equal(IntakeOutcome.NewVersion, corrected.Outcome);
        Assert.Equal(2, corrected.Version);
        var notifications = await NotificationsAsync(world, reference);
        Assert.Equal(2, notifications.Count);
        Assert.Equal(NotificationStatus.Superseded, notifications[0].Status);
        Assert.Equal(notifications[0].Id, notifications[1].FollowsUpNotificationId);
        Assert.Equal(NotificationStatus.Ready, notifications[1].Status);
        await using var db = world.NewContext();
        var versions = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).OrderBy(i => i.Version).ToListAsync();
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
    }

    [Theory, BothDatabases]
    public async Task A_child_added_in_a_new_version_is_notified_and_the_unchanged_child_is_not_told_again(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[4];
        var first = await world.PupilAsync(school);
        var second = await world.PupilAsync(school, skip: 1);
        await world.RegisterAsync(first, school);
        await world.RegisterAsync(second, school);
        var reference = NewReference();
        await SendAsync(world, Incident(reference, "Summary", Child(first)));

        var result = await SendAsync(world, Incident(reference, "Summary", Child(first), Child(second)));

        Assert.Equal(IntakeOutcome.NewVersion, result.Outcome);
        Assert.Equal(1, result.NotificationsMade);
        var notifications = await NotificationsAsync(world, reference);
        Assert.Equal([first.PersonId, second.PersonId], notifications.Select(n => n.ChildPersonId));
        Assert.All(notifications, n => Assert.Equal(NotificationStatus.Ready, n.Status));
    }

    [Theory, BothDatabases]
    public async Task Dual_registered_child_is_notified_to_both_schools(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var pupil = await world.PupilAsync(world.Schools[5]);
        await world.RegisterAsync(pupil, world.Schools[5]);
        await world.RegisterAsync(pupil, world.Schools[6]);
        var reference = NewReference();

        await SendAsync(world, Incident(reference, "Summary", Child(pupil)));

        var notifications = await NotificationsAsync(world, reference);
        Assert.Equal(new[] { world.Schools[5].Id, world.Schools[6].Id }.Order(), notifications.Select(n => n.RecipientOrganisationId).Order());
    }

    [Theory, BothDatabases]
    public async Task A_child_who_moved_school_between_versions_is_notified_to_the_new_school(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var pupil = await world.PupilAsync(world.Schools[7]);
        await world.RegisterAsync(pupil, world.Schools[7], left: new LocalDate(2026, 11, 5));
        await world.RegisterAsync(pupil, world.Schools[8], from: new LocalDate(2026, 11, 6));
        var reference = NewReference();
        await SendAsync(world, Incident(reference, "Summary", Child(pupil)));

        var notification = Assert.Single(await NotificationsAsync(world, reference));
        Assert.Equal(world.Schools[8].Id, notification.RecipientOrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Electively_home_educated_child_is_notified_to_the_council_ehe_lead(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var pupil = await world.PupilAsync(world.Schools[9]);
        await using (var db = world.NewContext())
        {
            db.Process = Safeguarding.Core.Platform.ProcessContext.System("test:arrange");
            db.LearnerRegisterEntries.Add(new LearnerRegisterEntry
            {
                PartnershipId = world.PartnershipId, Register = LearnerRegister.ElectiveHomeEducation, PersonId = pupil.PersonId!.Value,
                SourceRecordId = pupil.Id, From = new LocalDate(2026, 1, 5),
            });
            await db.SaveChangesAsync();
        }
        var reference = NewReference();

        await SendAsync(world, Incident(reference, "Summary", Child(pupil)));

        var notification = Assert.Single(await NotificationsAsync(world, reference));
        Assert.Equal(NotificationRecipient.ElectiveHomeEducationLead, notification.Recipient);
        Assert.Equal(world.Council.Id, notification.RecipientOrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Child_on_no_roll_waits_in_the_front_door_queue_with_the_council_deadline(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var reference = NewReference();

        var result = await SendAsync(world, Incident(reference, "Summary", Child("Zebedee", "Nowhereknown", "2016-05-05")));

        Assert.Equal(1, result.ChildrenWaitingForASetting);
        Assert.Empty(await NotificationsAsync(world, reference));
        await using var db = world.NewContext();
        var child = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).SelectMany(i => i.Children).SingleAsync();
        Assert.Equal(ChildSettingOutcome.NotFound, child.SettingOutcome);
        Assert.Equal(MondayStart, child.ResolutionDeadline);
    }

    [Theory, BothDatabases]
    public async Task Child_under_school_age_on_no_roll_is_recorded_and_not_notified(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var reference = NewReference();

        var result = await SendAsync(world, Incident(reference, "Summary", Child("Baby", "Youngchild", "2024-01-10")));

        Assert.Equal(0, result.ChildrenWaitingForASetting);
        Assert.Empty(await NotificationsAsync(world, reference));
        await using var db = world.NewContext();
        var child = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).SelectMany(i => i.Children).SingleAsync();
        Assert.Equal(ChildSettingOutcome.UnderSchoolAge, child.SettingOutcome);
    }

    [Theory, BothDatabases]
    public async Task A_child_the_index_is_unsure_of_waits_for_the_front_door_unless_the_police_give_them_as_under_school_age(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        // Each pair: a child, then a brother or sister with the same birth date and family at the same address, whom
        // the person index holds for a practitioner (it could be the first child, or a twin).
        var family = $"Twinfield{Guid.NewGuid():N}"[..16];
        await SendAsync(world, Incident(NewReference(), "First", Child("Barnaby", family, "2024-03-10", "AV7 7TT"), Child("Zebedee", family, "2016-03-10", "AV7 7TT")));
        var reference = NewReference();

        var result = await SendAsync(world, Incident(reference, "Second", Child("Bartholomew", family, "2024-03-10", "AV7 7TT"), Child("Zachariah", family, "2016-03-10", "AV7 7TT")));

        await using var db = world.NewContext();
        var children = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).SelectMany(i => i.Children).OrderBy(c => c.DateOfBirth).ToListAsync();
        var held = await db.SourceRecords.Where(r => r.PersonId == children[0].PersonId || r.PersonId == children[1].PersonId).Select(r => r.Outcome).ToListAsync();
        Assert.NotEmpty(held);
        Assert.All(held, o => Assert.Equal(LinkOutcome.WaitingForReview, o));
        Assert.Equal(ChildSettingOutcome.Uncertain, children[0].SettingOutcome);
        Assert.Equal(ChildSettingOutcome.UnderSchoolAge, children[1].SettingOutcome);
        Assert.Equal(1, result.ChildrenWaitingForASetting);
    }

    [Theory, BothDatabases]
    public async Task Invalid_incident_is_kept_raw_in_the_quarantine_with_a_reason_per_field_and_nothing_else_is_saved(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var reference = NewReference();
        var json = Incident(reference, "Summary", Child("Ann", "", "2016-13-01")).Replace("\"Physical\"", "\"Shouting\"", StringComparison.Ordinal);

        var result = await SendAsync(world, json);

        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Contains("category", result.Errors!.Keys);
        Assert.Contains("children[0].familyName", result.Errors.Keys);
        Assert.Contains("children[0].dateOfBirth", result.Errors.Keys);
        await using var db = world.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.PoliceReference == reference));
        var held = await db.QuarantinedRecords.SingleAsync(r => r.Id == result.QuarantinedRecordId);
        Assert.Equal(json, held.Raw);
        Assert.Equal(IncidentIntake.QuarantineKind, held.Kind);
        Assert.Contains("category: Category must be one of", held.Reason);
        Assert.Equal(world.Police.Id, held.SentByOrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Released_quarantined_incident_goes_through_the_intake_and_is_marked_released(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[10];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        var reference = NewReference();
        var good = Incident(reference, "Summary", Child(pupil));
        var held = await SendAsync(world, good.Replace("\"Physical\"", "\"Shouting\"", StringComparison.Ordinal));

        // The release acts as the releasing user: someone of the force who may both send incidents and resolve the quarantine.
        var releaser = new Actor(world.PartnershipId, world.Police.Id, "Force data officer",
            new HashSet<Role> { Role.PoliceDomesticAbuse, Role.PartnershipAdministrator }, UserId: Guid.NewGuid());
        await using (var db = world.NewContext())
        {
            var quarantine = new Quarantine(db);
            var record = (await quarantine.FindAsync(held.QuarantinedRecordId!.Value, world.Process(releaser), TestContext.Current.CancellationToken))!;
            var release = new IncidentRelease(db, world.Intake(db), quarantine);
            var stillBad = await release.ReleaseAsync(new(record, record.Raw), world.Process(releaser), TestContext.Current.CancellationToken);
            Assert.False(stillBad.Accepted);
            Assert.Contains(stillBad.Reasons, r => r.StartsWith("category:", StringComparison.Ordinal));

            var outcome = await release.ReleaseAsync(new(record, good), world.Process(releaser), TestContext.Current.CancellationToken);
            Assert.True(outcome.Accepted);
        }

        await using var check = world.NewContext();
        var released = await check.QuarantinedRecords.SingleAsync(r => r.Id == held.QuarantinedRecordId);
        Assert.Equal(QuarantineStatus.Released, released.Status);
        Assert.Equal(good, released.Corrected);
        var incident = await check.DomesticIncidents.SingleAsync(i => i.PoliceReference == reference);
        Assert.Equal(world.Police.Id, incident.ForceOrganisationId);
        Assert.Single(await NotificationsAsync(world, reference));
    }

    [Theory, BothDatabases]
    public async Task A_quarantined_incident_is_released_as_the_releasing_user_never_as_the_force(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var reference = NewReference();
        var good = Incident(reference, "Summary", Child("Rel", "Easedchild", "2016-01-01"));
        var held = await SendAsync(world, good.Replace("\"Physical\"", "\"Shouting\"", StringComparison.Ordinal));
        var releaser = new Actor(world.PartnershipId, world.Police.Id, "Force data officer",
            new HashSet<Role> { Role.PoliceDomesticAbuse, Role.PartnershipAdministrator }, UserId: Guid.NewGuid());
        var ct = TestContext.Current.CancellationToken;

        await using (var db = world.NewContext())
        {
            var quarantine = new Quarantine(db);
            var record = (await quarantine.FindAsync(held.QuarantinedRecordId!.Value, world.Process(world.Administrator), ct))!;
            // The council's administrator may resolve the quarantine but may not send incidents: before, the release made them the force.
            await Assert.ThrowsAsync<ForbiddenException>(() => new IncidentRelease(db, world.Intake(db), quarantine).ReleaseAsync(new(record, good), world.Process(world.Administrator), ct));
        }
        await using (var db = world.NewContext())
            Assert.False(await db.DomesticIncidents.AnyAsync(i => i.PoliceReference == reference, ct));
        await using (var db = world.NewContext())
        {
            var quarantine = new Quarantine(db);
            var record = (await quarantine.FindAsync(held.QuarantinedRecordId!.Value, world.Process(releaser), ct))!;
            Assert.True((await new IncidentRelease(db, world.Intake(db), quarantine).ReleaseAsync(new(record, good), world.Process(releaser), ct)).Accepted);
        }

        await using var check = world.NewContext();
        var incident = await check.DomesticIncidents.SingleAsync(i => i.PoliceReference == reference, ct);
        var written = await check.AuditEntries.Where(e => e.ResourceId == incident.Id.ToString() && e.Action != AuditActions.Read).ToListAsync(ct);
        Assert.NotEmpty(written);
        Assert.All(written, e => Assert.Equal(releaser.UserId, e.ActorUserId));
        Assert.All(written, e => Assert.Equal((world.Police.Id, releaser.Name), (e.OrganisationId!.Value, e.ActorName)));
    }

    [Theory, BothDatabases]
    public async Task Csv_file_gives_a_result_per_incident_and_quarantines_only_the_bad_one(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var school = world.Schools[11];
        var pupil = await world.PupilAsync(school);
        await world.RegisterAsync(pupil, school);
        var (good, bad) = (NewReference(), NewReference());
        var header = string.Join(',', IncidentFiles.CsvColumns);
        string Row(string reference, string category, string given, string family, string dob, string postcode) =>
            $"{reference},2026-11-06T20:00:00+00:00,2026-11-06T20:30:00+00:00,AV1 1AA,1 Example Street,{category},Shouting heard,Alex,Example,1990-02-03,Sam,Example,1988-07-08," +
            $",{given},{family},{dob},Unknown,,{postcode},son of victim,yes,yes,yes,no,,";
        var csv = string.Join('\n', header, Row(good, "Physical", pupil.GivenName!, pupil.FamilyName!, pupil.DateOfBirth!, pupil.Postcode!),
            Row(good, "Physical", "Second", "Childofexample", "2017-01-01", "AV1 1AA"), Row(bad, "Unknown-category", "Third", "Child", "2015-01-01", "AV1 1AA"));

        await using var db = world.NewContext();
        var results = await world.Intake(db).ImportFileAsync(new ImportIncidentFileOptions(csv, "incidents.csv"), world.Process(world.PoliceSystem), TestContext.Current.CancellationToken);

        Assert.Equal(2, results.Count);
        Assert.Equal("incidents.csv lines 2, 3", results[0].Where);
        Assert.Equal(IntakeOutcome.Accepted, results[0].Result.Outcome);
        Assert.Equal(IntakeOutcome.Quarantined, results[1].Result.Outcome);
        Assert.Contains(results[1].Result.Reasons, r => r.StartsWith("category:", StringComparison.Ordinal));
        var incident = await db.DomesticIncidents.Include(i => i.Children).SingleAsync(i => i.PoliceReference == good);
        Assert.Equal(2, incident.Children.Count);
        var held = await db.QuarantinedRecords.SingleAsync(r => r.Id == results[1].Result.QuarantinedRecordId);
        Assert.StartsWith(header + "\n" + bad, held.Raw, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Only_a_police_force_may_send_incidents(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        var schoolSystem = world.PoliceSystem with { OrganisationId = world.Schools[0].Id };
        await using var db = world.NewContext();

        await Assert.ThrowsAsync<ForbiddenException>(() => world.Intake(db).ReceiveAsync(new ReceiveIncidentOptions(Incident(NewReference(), "x", Child("A", "B", "2015-01-01")),
            "test"), world.Process(schoolSystem), TestContext.Current.CancellationToken));
        var keyAdult = world.PoliceSystem with { Roles = new HashSet<Safeguarding.Core.Platform.Access.Role> { Safeguarding.Core.Platform.Access.Role.SchoolKeyAdult } };
        await Assert.ThrowsAsync<ForbiddenException>(() => world.Intake(db).ReceiveAsync(new ReceiveIncidentOptions(Incident(NewReference(), "x", Child("A", "B", "2015-01-01")),
            "test"), world.Process(keyAdult), TestContext.Current.CancellationToken));
    }
}
