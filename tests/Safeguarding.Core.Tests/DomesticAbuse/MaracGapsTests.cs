using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// A MARAC's cases are heard when their meeting is held, every member agency is invited, and its lists page with their
/// true totals, naming in the audit trail only the people shown.
/// </summary>
public sealed class MaracGapsTests
{
    /// <summary>The world's MARAC, fortnightly from 8 October 2026 (so 19 November is a meeting day), chaired by the council's Front Door.</summary>
    private static async Task<MeetingSeries> SeriesAsync(PathwayWorld w, SafeguardingDbContext db, params Guid[] representatives) =>
        await new MeetingRecords(db).CreateSeriesAsync(new SeriesOptions("Aire Valley MARAC", MeetingKind.Marac, Cadence.Fortnightly, new LocalDate(2026, 10, 8),
            new LocalTime(10, 0), 180, w.Council.Id, [w.Police.Id, w.IdvaService.Id], RepresentativeUserIds: representatives), PathwayWorld.Process(w.FrontDoor));

    private static Task<MaracReferral> ReferAsync(PathwayWorld w, SafeguardingDbContext db, Guid victimId) =>
        new MaracReferrals(db).ReferAsync(new ReferToMarac(victimId, null, null, true, ProfessionalJudgementReason: "Threats after separation"), PathwayWorld.Process(w.FrontDoor));

    [Theory, BothDatabases]
    public async Task Every_member_agency_is_invited_a_named_representative_by_name_and_an_agency_with_no_one_named_as_an_agency_each_by_a_link_only(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var smtp = await TestSmtpServer.SharedAsync();
        Meeting meeting;
        await using (var db = w.NewContext())
        {
            // The police name their officer; the IDVA service names no one. The Front Door builds the agenda.
            var series = await SeriesAsync(w, db, w.Officer.User.Id);
            var referral = await ReferAsync(w, db, w.Victim.Id);
            meeting = await new MaracReferrals(db).ListOnMeetingAsync(new ListOnMeetingOptions(series.Id, new LocalDate(2026, 11, 19), [referral.Id]), PathwayWorld.Process(w.FrontDoor));
        }

        await using var read = w.NewContext();
        var attendees = await read.Set<MeetingAttendee>().AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync();
        Assert.Contains(attendees, a => a.UserId == w.Officer.User.Id && a.OrganisationId == w.Police.Id);
        Assert.Contains(attendees, a => a.UserId == null && a.OrganisationId == w.IdvaService.Id);
        var today = new LocalDate(2026, 11, 10);
        var officers = await new MeetingRecords(read).MyMeetingsAsync(new MyMeetingsOptions(true, today, new()), PathwayWorld.Process(w.Officer));
        var idvas = await new MeetingRecords(read).MyMeetingsAsync(new MyMeetingsOptions(true, today, new()), PathwayWorld.Process(w.Idva));
        Assert.Equal((meeting.Id, true), (Assert.Single(officers.Items).MeetingId, officers.Items[0].InvitedByName));
        Assert.Equal((meeting.Id, false), (Assert.Single(idvas.Items).MeetingId, idvas.Items[0].InvitedByName));

        await using (var db = w.NewContext())
        await using (var email = new EmailChannel(smtp.Settings))
            await new OutboxDispatcher(db, [email], new OutboxOptions()).DispatchAllDueAsync();
        var mails = await smtp.WaitForAsync([w.Officer.Email, w.Idva.Email], 2);
        Assert.Equal(new[] { w.Officer.Email, w.Idva.Email }.Order(), mails.SelectMany(m => m.To).Where(t => t == w.Officer.Email || t == w.Idva.Email).Order());
        Assert.Contains($"/meetings/{meeting.Id}", mails.Single(m => m.To.Contains(w.Officer.Email)).Text);
        Assert.Contains("/meetings/mine", mails.Single(m => m.To.Contains(w.Idva.Email)).Text);
        foreach (var mail in mails)
            foreach (var personal in new[] { w.Victim.GivenName, w.Victim.FamilyName, "judgement", "separation" })
            {
                Assert.DoesNotContain(personal, mail.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(personal, mail.Subject, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Theory, BothDatabases]
    public async Task Holding_the_meeting_hears_the_cases_it_reached_and_one_not_reached_goes_back_to_waiting(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var series = await SeriesAsync(w, db);
        var other = await w.Data.CreatePersonAsync(w.Partnership.Id);
        var heard = await ReferAsync(w, db, w.Victim.Id);
        var deferred = await ReferAsync(w, db, other.Id);
        var meeting = await new MaracReferrals(db).ListOnMeetingAsync(new ListOnMeetingOptions(series.Id, new LocalDate(2026, 11, 19), [heard.Id, deferred.Id]), process);
        var deferredItem = (await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == deferred.Id)).AgendaItemId!.Value;

        await new MaracReferrals(db).RecordHeldAsync(new MeetingHeldOptions(meeting.Id, new Dictionary<Guid, bool>(), [deferredItem]), process);

        await using var read = w.NewContext();
        var h = await read.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == heard.Id);
        var d = await read.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == deferred.Id);
        Assert.Equal((MaracReferralStatus.Heard, meeting.Id, meeting.StartsAt), (h.Status, h.MeetingId!.Value, h.HeardAt!.Value));
        Assert.Equal((MaracReferralStatus.Waiting, null, null, null), (d.Status, d.MeetingId, d.AgendaItemId, d.HeardAt));
        Assert.Equal(MeetingStatus.Held, (await read.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id)).Status);
        Assert.Equal([deferred.Id], (await new MaracReferrals(read).WaitingAsync(new(), process)).Items.Select(r => r.Id));
        // A case the meeting did not hear cannot be closed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => new MaracReferrals(read).CloseAsync(deferred.Id, process));
    }

    [Theory, BothDatabases]
    public async Task Putting_waiting_referrals_on_the_next_meeting_fills_its_places_oldest_first_and_the_rest_wait(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var series = await new MeetingRecords(db).CreateSeriesAsync(new SeriesOptions("Aire Valley MARAC", MeetingKind.Marac, Cadence.Fortnightly, new LocalDate(2026, 10, 8),
            new LocalTime(10, 0), 180, w.Council.Id, [w.Police.Id, w.IdvaService.Id], CasesPerMeeting: 2), PathwayWorld.Process(w.FrontDoor));
        var referrals = new List<MaracReferral>();
        for (var i = 0; i < 3; i++)
        {
            referrals.Add(await ReferAsync(w, db, (await w.Data.CreatePersonAsync(w.Partnership.Id)).Id));
            w.Clock.AdvanceMinutes(1);
        }

        var (meeting, listed) = await new MaracReferrals(db).ListForNextMeetingAsync(series.Id, PathwayWorld.Process(w.FrontDoor));

        Assert.Equal(2, listed);
        await using var read = w.NewContext();
        var statuses = await read.MaracReferrals.AsNoTracking().Where(r => r.MeetingId == meeting.Id || r.Status == MaracReferralStatus.Waiting)
            .ToDictionaryAsync(r => r.Id, r => r.Status);
        Assert.Equal([MaracReferralStatus.Listed, MaracReferralStatus.Listed, MaracReferralStatus.Waiting], referrals.Select(r => statuses[r.Id]));
    }

    [Theory, BothDatabases]
    public async Task The_waiting_list_pages_oldest_first_counts_every_referral_and_audits_only_the_victims_on_the_page(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var victims = new List<Guid>();
        await using (var db = w.NewContext())
            for (var i = 0; i < 5; i++)
            {
                var victim = await w.Data.CreatePersonAsync(w.Partnership.Id);
                victims.Add(victim.Id);
                await ReferAsync(w, db, victim.Id);
                w.Clock.AdvanceMinutes(1);
            }

        await using var read = w.NewContext();
        var process = new ProcessContext("test:marac waiting page 2", w.FrontDoor.Actor);
        var second = await new MaracReferrals(read).WaitingAsync(new PageOptions(2, 3), process);

        Assert.Equal((5, 2, 2), (second.Total, second.Number, second.Pages));
        Assert.Equal(victims[3..], second.Items.Select(r => r.VictimPersonId));
        var listed = await read.AuditEntries.AsNoTracking().Where(e => e.Process == "test:marac waiting page 2" && e.Action == AuditActions.List).ToListAsync();
        Assert.Equal(victims[3..].Select(v => v.ToString()).Order(), listed.Select(e => e.ResourceId!).Order());
    }

    [Theory, BothDatabases]
    public async Task My_meetings_and_overdue_actions_page_with_their_true_totals(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var meetings = new MeetingRecords(db);
        var series = await SeriesAsync(w, db, w.Idva.User.Id);
        // Three coming meetings the IDVA is invited to, and three actions of the first that are overdue a month later.
        var held = new List<Meeting>();
        foreach (var date in new[] { new LocalDate(2026, 11, 19), new LocalDate(2026, 12, 3), new LocalDate(2026, 12, 17) })
        {
            var m = await meetings.NextMeetingAsync(new NextMeetingOptions(series.Id, date), process);
            await meetings.InviteRepresentativesAsync(m.Id, process);
            held.Add(m);
        }
        foreach (var days in new[] { 3, 1, 2 })
            await meetings.AddActionAsync(new AddActionOptions(held[0].Id, null, w.IdvaService.Id, $"Action due {days} days after", held[0].Date.PlusDays(days)), process);

        var today = new LocalDate(2026, 11, 10);
        var secondComing = await meetings.MyMeetingsAsync(new MyMeetingsOptions(true, today, new PageOptions(2, 2)), PathwayWorld.Process(w.Idva));
        var earlier = await meetings.MyMeetingsAsync(new MyMeetingsOptions(false, today, new PageOptions(1, 2)), PathwayWorld.Process(w.Idva));
        w.Clock.Reset(Instant.FromUtc(2026, 12, 20, 12, 0));
        var secondOverdue = await meetings.OverdueActionsAsync(new OverdueActionsOptions(new PageOptions(2, 2)), PathwayWorld.Process(w.Idva));

        Assert.Equal((3, 2), (secondComing.Total, secondComing.Number));
        Assert.Equal([held[2].Id], secondComing.Items.Select(m => m.MeetingId));
        Assert.Equal(0, earlier.Total);
        Assert.Equal((3, 2), (secondOverdue.Total, secondOverdue.Number));
        Assert.Equal(["Action due 3 days after"], secondOverdue.Items.Select(a => a.Description));
    }
}
