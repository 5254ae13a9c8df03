using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class TimelinessTests
{
    [Theory, BothDatabases]
    public async Task Figures_count_incidents_once_skip_replaced_notifications_and_measure_against_each_deadline(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var analyst = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.Analyst);
        var otherSchool = await s.Data.CreateOrganisationAsync(s.PartnershipId);
        // Week of Monday 23 November: one incident, version 1 and 2, three children; week of 30 November: one incident, one child.
        var sunday = Instant.FromUtc(2026, 11, 29, 20, 0);
        var v1 = await s.Data.CreateIncidentAsync(s.Force, sunday, children: 3, reference: "WY/1/26");
        var v2 = await s.Data.CreateIncidentAsync(s.Force, sunday, children: 3, reference: "WY/1/26", version: 2);
        await s.Data.SaveAsync(db => { db.Attach(v1); v1.IsLatest = false; });
        var monday = await s.Data.CreateIncidentAsync(s.Force, Instant.FromUtc(2026, 11, 30, 19, 0), children: 1);
        var deadline = EncompassScenario.Monday0830;
        var replaced = await s.Data.CreateReadyNotificationAsync(v1, v1.Children[0], s.School, deadline);
        var a = await s.Data.CreateReadyNotificationAsync(v2, v2.Children[0], s.School, deadline, followsUp: replaced);
        var b = await s.Data.CreateReadyNotificationAsync(v2, v2.Children[1], s.School, deadline);
        var c = await s.Data.CreateReadyNotificationAsync(v2, v2.Children[2], otherSchool, deadline);
        var d = await s.Data.CreateReadyNotificationAsync(monday, monday.Children[0], s.School, deadline + Duration.FromDays(1));
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync(); // at 07:00 Monday: all before their deadlines
        // Acknowledged 10 and 40 minutes after delivery (both before 08:30), one after its deadline, one never.
        async Task AcknowledgeAt(EncompassNotification n, Duration after)
        {
            s.Clock.Reset(EncompassScenario.Monday0700 + after);
            await using var db = s.NewContext();
            var actor = n.RecipientOrganisationId == s.School.Id ? s.KeyAdult.Actor : (await s.Data.CreateUserAsync(otherSchool, Role.SchoolKeyAdult)).Actor;
            Assert.Equal(AcknowledgeOutcome.Acknowledged, await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(n.Id, ["check-in"], null), new ProcessContext("test", actor)));
        }
        async Task WatchDeadlinesAt(Instant at)
        {
            s.Clock.Reset(at);
            await using var db = s.NewContext();
            await new EncompassEscalation(db).RunAsync();
        }
        await AcknowledgeAt(a, Duration.FromMinutes(10));
        await AcknowledgeAt(b, Duration.FromMinutes(40));
        await WatchDeadlinesAt(deadline);
        await AcknowledgeAt(c, Duration.FromMinutes(150));
        await WatchDeadlinesAt(deadline + Duration.FromDays(1));

        await using var read = s.NewContext();
        var report = await new EncompassTimeliness(read).ReportAsync(new TimelinessOptions(new LocalDate(2026, 11, 23), new LocalDate(2026, 12, 6)), new ProcessContext("test", analyst.Actor));

        // 2 incidents (versions count once); 4 children of the latest versions; 4 notifications (the replaced one not counted);
        // all 4 delivered on time; 2 of 4 acknowledged on time; median of 10, 40, 150 minutes; c and d missed (c late, d never).
        // (Each party's own time is checked in the test below.)
        static TimelinessRow Counts(TimelinessRow row) => row with { MedianMinutesPoliceDelay = null, MedianMinutesToSend = null };
        Assert.Equal(new TimelinessRow("All", 2, 4, 4, 100, 50, 40, 2, 0), Counts(report.Total));
        Assert.Equal(["Week beginning 23 Nov 2026", "Week beginning 30 Nov 2026"], report.ByWeek.Select(w => w.Label));
        Assert.Equal(new TimelinessRow("Week beginning 30 Nov 2026", 1, 1, 1, 100, 0, null, 1, 0), Counts(report.ByWeek[1]));
        var school = report.BySetting.Single(r => r.Label == s.School.Name);
        // Two of its three on time; median of 10 and 40 minutes.
        Assert.Equal(new TimelinessRow(s.School.Name, 2, 3, 3, 100, 66.7, 25, 1, null), Counts(school));
    }

    [Theory, BothDatabases]
    public async Task A_child_placed_late_is_the_front_doors_delay_not_the_schools_breach_and_each_partys_time_is_shown_apart(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var analyst = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.Analyst);
        // Reported on Sunday at 20:15, received five minutes later; the Front Door places the child on Tuesday at 10:00.
        var tuesday1000 = EncompassScenario.Monday0830 + Duration.FromHours(25.5);
        s.Clock.Reset(tuesday1000);
        var placed = await s.ReadyNotificationAsync(deadline: EncompassScenario.Monday0830);
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        s.Clock.Reset(tuesday1000 + Duration.FromMinutes(30));
        await using (var db = s.NewContext())
            await new KeyAdultInbox(db).AcknowledgeAsync(new AcknowledgeNotificationOptions(placed.Id, ["check-in"], null), new ProcessContext("test", s.KeyAdult.Actor));
        s.Clock.Reset(tuesday1000 + Duration.FromDays(1));
        await using (var db = s.NewContext()) await new EncompassEscalation(db).RunAsync();

        await using var read = s.NewContext();
        var report = await new EncompassTimeliness(read).ReportAsync(new TimelinessOptions(new LocalDate(2026, 11, 23), new LocalDate(2026, 12, 6)), new ProcessContext("test", analyst.Actor));

        // Not sent before Monday's school day (the statutory measure), but acknowledged 30 minutes after it was sent: on
        // time for the school, and no breach. Police: 5 minutes; received to sent: 37 hours 40 minutes; the setting: 30 minutes.
        Assert.Equal(new TimelinessRow("All", 1, 1, 1, 0, 100, 30, 0, 0, 5, 37 * 60 + 40), report.Total);
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_gets_no_figures(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        await using var db = s.NewContext();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            new EncompassTimeliness(db).ReportAsync(new TimelinessOptions(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)), new ProcessContext("test", s.KeyAdult.Actor)));
    }
}
