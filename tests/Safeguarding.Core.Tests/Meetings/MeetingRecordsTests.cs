using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Meetings;

public sealed class MeetingRecordsTests
{
    private sealed record Arranged(PathwayWorld World, Meeting Meeting, AgendaItem Item, MeetingAttendee IdvaAttendee);

    /// <summary>A MARAC on Thursday 19 November 2026 with one item about the victim; the IDVA is invited, the social worker is not.</summary>
    private static async Task<Arranged> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);
        var process = PathwayWorld.Process(w.FrontDoor);
        var series = await meetings.CreateSeriesAsync(
            new SeriesOptions("Aire Valley MARAC", MeetingKind.Marac, Cadence.Fortnightly, new LocalDate(2026, 10, 8), new LocalTime(10, 0), 180, w.Council.Id,
                [w.Police.Id, w.IdvaService.Id, w.Gp.Id], Location: "Civic Hall, room 3"), process);
        var meeting = await meetings.NextMeetingAsync(new NextMeetingOptions(series.Id, new LocalDate(2026, 11, 10)), process);
        var item = await meetings.AddAgendaItemAsync(
            new AgendaItemOptions(meeting.Id, SubjectKind.Victim, w.Victim.Id, null, "High risk: 16 yes"), process);
        var idva = await meetings.InviteAsync(new AttendeeOptions(meeting.Id, w.IdvaService.Id, "Ida Adviser", w.Idva.User.Id, "ida@idva.example"), process);
        await meetings.InviteAsync(new AttendeeOptions(meeting.Id, w.Police.Id, "PC Officer", w.Officer.User.Id, "pc@police.example"), process);
        return new Arranged(w, meeting, item, idva);
    }

    [Theory, BothDatabases]
    public async Task An_attendee_sees_who_an_item_is_about_and_someone_not_invited_does_not(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);

        var asIdva = await meetings.OpenAsync(a.Meeting.Id, PathwayWorld.Process(w.Idva));
        var asSocialWorker = await meetings.OpenAsync(a.Meeting.Id, PathwayWorld.Process(w.SocialWorker));

        Assert.True(asIdva!.SubjectsVisible);
        Assert.Equal("Victoria Testfamily", Assert.Single(asIdva.Items).SubjectName);
        Assert.False(asSocialWorker!.SubjectsVisible);
        var hidden = Assert.Single(asSocialWorker.Items);
        Assert.Null(hidden.SubjectName);
        Assert.Null(hidden.SubjectPersonId);
        Assert.Null(hidden.Reason);
        var views = await db.AuditEntries.Where(e => e.ResourceType == MeetingRecords.ResourceType && e.Action == AuditActions.Read && e.ResourceId == a.Meeting.Id.ToString()).ToListAsync();
        Assert.Equal(2, views.Count);
        Assert.Contains(views, v => v.Details == "not an attendee: agenda subjects withheld");
    }

    [Theory, BothDatabases]
    public async Task An_attendee_without_leave_to_read_sealed_records_sees_the_item_but_not_a_sealed_subjects_name(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        await db.People.Where(p => p.Id == w.Victim.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsSealed, true));

        var view = await new MeetingRecords(db).OpenAsync(a.Meeting.Id, PathwayWorld.Process(w.Idva));

        var item = Assert.Single(view!.Items);
        Assert.Equal((SealedPeople.Withheld, "High risk: 16 yes"), (item.SubjectName, item.Reason));
    }

    [Theory, BothDatabases]
    public async Task An_attendee_who_is_removed_stops_seeing_the_agenda_at_once(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);
        await meetings.RemoveAttendeeAsync(a.IdvaAttendee.Id, PathwayWorld.Process(w.FrontDoor));

        var view = await meetings.OpenAsync(a.Meeting.Id, PathwayWorld.Process(w.Idva));

        Assert.False(view!.SubjectsVisible);
        Assert.Null(Assert.Single(view.Items).SubjectName);
    }

    [Theory, BothDatabases]
    public async Task A_role_without_meeting_access_is_refused_and_the_refusal_audited(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        var analyst = await w.Data.CreateUserAsync(w.Council, Core.Platform.Access.Role.Analyst);
        await using var db = w.NewContext();
        // The web host audits the refusal (see the meeting page tests); the service names what was refused.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => new MeetingRecords(db).OpenAsync(a.Meeting.Id, PathwayWorld.Process(analyst)));
        Assert.Equal((MeetingRecords.ResourceType, a.Meeting.Id.ToString(), "no role grants Read on Meeting"), (refused.ResourceType, refused.ResourceId, refused.Reason));
    }

    [Theory, BothDatabases]
    public async Task Research_is_added_by_attendees_before_the_meeting_only(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);

        await meetings.AddResearchAsync(new ResearchOptions(a.Item.Id, "Three call-outs to the address this year."), PathwayWorld.Process(w.Officer));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            meetings.AddResearchAsync(new ResearchOptions(a.Item.Id, "Open case."), PathwayWorld.Process(w.SocialWorker)));
        w.Clock.Reset(a.Meeting.StartsAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            meetings.AddResearchAsync(new ResearchOptions(a.Item.Id, "Too late."), PathwayWorld.Process(w.Idva)));

        var view = await meetings.OpenAsync(a.Meeting.Id, PathwayWorld.Process(w.Idva));
        var research = Assert.Single(Assert.Single(view!.Items).Research);
        Assert.Equal(w.Police.Id, research.OrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Overdue_actions_are_open_ones_past_their_due_date_and_an_agency_sees_its_own(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);
        var process = PathwayWorld.Process(w.FrontDoor);
        var date = a.Meeting.Date;
        var policeLate = await meetings.AddActionAsync(new AddActionOptions(a.Meeting.Id, a.Item.Id, w.Police.Id, "Flag the address", date.PlusDays(2)), process);
        var policeDueToday = await meetings.AddActionAsync(new AddActionOptions(a.Meeting.Id, a.Item.Id, w.Police.Id, "Check bail conditions", date.PlusDays(5)), process);
        var policeDone = await meetings.AddActionAsync(new AddActionOptions(a.Meeting.Id, a.Item.Id, w.Police.Id, "Visit", date.PlusDays(1)), process);
        var idvaLate = await meetings.AddActionAsync(new AddActionOptions(a.Meeting.Id, a.Item.Id, w.IdvaService.Id, "Safety plan review", date.PlusDays(3)), process);
        await meetings.CompleteActionAsync(new CompleteActionOptions(policeDone.Id, null), PathwayWorld.Process(w.Officer));
        await Assert.ThrowsAsync<ForbiddenException>(() => meetings.CompleteActionAsync(new CompleteActionOptions(policeLate.Id, null), PathwayWorld.Process(w.Idva)));

        // Five days after the meeting, at noon in London.
        w.Clock.Reset(date.PlusDays(5).At(new LocalTime(12, 0)).InUtc().ToInstant());

        Assert.Equal([policeLate.Id, idvaLate.Id], (await meetings.OverdueActionsAsync(new OverdueActionsOptions(new()), process)).Items.Select(x => x.Id));
        Assert.Equal([policeLate.Id], (await meetings.OverdueActionsAsync(new OverdueActionsOptions(new()), PathwayWorld.Process(w.Officer))).Items.Select(x => x.Id));
        Assert.DoesNotContain(policeDueToday.Id, (await meetings.OverdueActionsAsync(new OverdueActionsOptions(new()), process)).Items.Select(x => x.Id));
    }

    [Theory, BothDatabases]
    public async Task Minutes_are_read_only_by_organisations_on_their_distribution_list(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meetings = new MeetingRecords(db);
        await meetings.WriteMinutesAsync(new MinutesOptions(a.Meeting.Id, "Case 1 discussed; actions agreed.", [w.Police.Id, w.Council.Id]), PathwayWorld.Process(w.FrontDoor));

        Assert.Equal("Case 1 discussed; actions agreed.", await meetings.ReadMinutesAsync(a.Meeting.Id, PathwayWorld.Process(w.Officer)));
        // The allowed read is audited by the service; the refusal names what was refused, and the web host would audit it.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => meetings.ReadMinutesAsync(a.Meeting.Id, PathwayWorld.Process(w.Idva)));
        Assert.Equal((MeetingRecords.MinutesResourceType, a.Meeting.Id.ToString(), "organisation is not on the minutes' distribution list"),
            (refused.ResourceType, refused.ResourceId, refused.Reason));
        var reads = await db.AuditEntries.Where(e => e.ResourceType == MeetingRecords.MinutesResourceType).Select(e => e.Outcome).ToListAsync();
        Assert.Equal([AuditOutcome.Allowed], reads);
    }

    [Theory, BothDatabases]
    public async Task An_invitation_names_the_meeting_time_and_attendees_but_nobody_on_the_agenda(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        var meeting = await db.Meetings.Include(m => m.Attendees).SingleAsync(m => m.Id == a.Meeting.Id);
        var series = await db.MeetingSeries.SingleAsync(s => s.Id == meeting.SeriesId);

        // Long lines are folded (CRLF and a space) by the format: unfold before looking.
        var ics = MeetingInvitations.ToIcs(meeting, series, "marac@council.example").Replace("\r\n ", "");

        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("SUMMARY:Aire Valley MARAC", ics);
        Assert.Contains("DTSTART:20261119T100000Z", ics);
        Assert.Contains("ida@idva.example", ics, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("LOCATION:Civic Hall", ics);
        Assert.DoesNotContain("Victoria", ics);
        Assert.DoesNotContain("Testfamily", ics);
    }

    [Theory, BothDatabases]
    public async Task Only_those_who_run_meetings_arrange_them(DatabaseProvider provider)
    {
        var a = await ArrangeAsync(provider);
        await using var w = a.World;
        await using var db = w.NewContext();
        await Assert.ThrowsAsync<ForbiddenException>(() => new MeetingRecords(db).AddAgendaItemAsync(
            new AgendaItemOptions(a.Meeting.Id, SubjectKind.Child, w.Child.Id, null, "Worried"), PathwayWorld.Process(w.Idva)));
        await Assert.ThrowsAsync<ForbiddenException>(() => new MeetingRecords(db).InviteAsync(
            new AttendeeOptions(a.Meeting.Id, w.IdvaService.Id, "A friend"), PathwayWorld.Process(w.Idva)));
    }
}
