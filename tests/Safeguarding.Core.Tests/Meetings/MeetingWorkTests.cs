using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Meetings;

/// <summary>"MARAC actions for your organisation" on the home page: open MARAC actions the reader's organisation owns, the overdue among them.</summary>
public sealed class MeetingWorkTests
{
    [Theory, BothDatabases]
    public async Task Open_MARAC_actions_of_the_readers_organisation_are_counted_and_the_overdue_marked(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var marac = new MeetingSeries { PartnershipId = w.PartnershipId, Name = "MARAC", Kind = MeetingKind.Marac, FirstDate = new LocalDate(2026, 10, 1), ChairOrganisationId = w.Council.Id };
        var dramm = new MeetingSeries { PartnershipId = w.PartnershipId, Name = "DRAMM", Kind = MeetingKind.Dramm, FirstDate = new LocalDate(2026, 10, 1), ChairOrganisationId = w.Council.Id };
        var maracMeeting = new Meeting { PartnershipId = w.PartnershipId, SeriesId = marac.Id, Date = new LocalDate(2026, 11, 5), Status = MeetingStatus.Held };
        var drammMeeting = new Meeting { PartnershipId = w.PartnershipId, SeriesId = dramm.Id, Date = new LocalDate(2026, 11, 5), Status = MeetingStatus.Held };
        MeetingAction Action(Meeting meeting, Guid owner, LocalDate due, ActionStatus status = ActionStatus.Open) => new()
        {
            PartnershipId = w.PartnershipId, MeetingId = meeting.Id, OwnerOrganisationId = owner, Description = "Visit", DueDate = due, Status = status,
            CreatedAt = PathwayWorld.Now,
        };
        await w.Data.SaveAsync(db =>
        {
            db.MeetingSeries.AddRange(marac, dramm);
            db.Meetings.AddRange(maracMeeting, drammMeeting);
            db.MeetingActions.AddRange(
                Action(maracMeeting, w.Police.Id, new LocalDate(2026, 11, 9)),
                Action(maracMeeting, w.Police.Id, new LocalDate(2026, 11, 20)),
                Action(maracMeeting, w.Police.Id, new LocalDate(2026, 11, 1), ActionStatus.Done),
                Action(maracMeeting, w.Council.Id, new LocalDate(2026, 11, 1)),
                Action(drammMeeting, w.Police.Id, new LocalDate(2026, 11, 1)));
        });
        await using var db = w.NewContext();

        var police = await new MeetingWork(db).MaracActionsAsync(PathwayWorld.Process(w.Officer), TestContext.Current.CancellationToken);
        var idva = await new MeetingWork(db).MaracActionsAsync(PathwayWorld.Process(w.Idva), TestContext.Current.CancellationToken);

        Assert.Equal(new MaracActionsDue(new(2, 1), maracMeeting.Id), police);
        Assert.Equal(new MaracActionsDue(new(0), null), idva);
    }
}
