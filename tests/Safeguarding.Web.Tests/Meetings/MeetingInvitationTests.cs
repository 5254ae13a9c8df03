using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.Meetings;

/// <summary>That a meeting is held, when and where, is for its attendees and those who run meetings; each download is audited.</summary>
public sealed class MeetingInvitationTests
{
    [Theory, BothDatabases]
    public async Task The_invitation_is_downloaded_by_an_attendee_and_refused_to_someone_not_invited_both_audited(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        var notInvited = await s.Host.Data.CreateUserAsync(s.Police, Role.PoliceDomesticAbuse);
        Meeting meeting;
        await using (var scope = s.Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
            var series = await db.MeetingSeries.AsNoTracking().SingleAsync(x => x.ChairOrganisationId == s.Council.Id);
            var records = scope.ServiceProvider.GetRequiredService<MeetingRecords>();
            var process = new ProcessContext("test", s.FrontDoor.Actor);
            meeting = await records.NextMeetingAsync(new NextMeetingOptions(series.Id, new LocalDate(2026, 11, 10)), process);
            await records.InviteAsync(new AttendeeOptions(meeting.Id, s.Police.Id, "Officer", s.Officer.User.Id), process);
        }
        var url = $"/meetings/{meeting.Id}/invitation";

        var byAttendee = await (await s.Host.SignInAsync(s.Officer)).GetAsync(url);
        var byOther = await (await s.Host.SignInAsync(notInvited)).GetAsync(url);
        var byChair = await (await s.Host.SignInAsync(s.FrontDoor)).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, byAttendee.StatusCode);
        Assert.Contains("BEGIN:VEVENT", await byAttendee.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byChair.StatusCode);
        await using var check = s.Host.NewContext();
        var downloads = await check.AuditEntries.Where(e => e.ResourceType == MeetingRecords.InvitationResourceType && e.ResourceId == meeting.Id.ToString()).ToListAsync();
        Assert.Contains(downloads, e => e.Outcome == AuditOutcome.Allowed && e.ActorUserId == s.Officer.User.Id);
        Assert.Contains(downloads, e => e.Outcome == AuditOutcome.Allowed && e.ActorUserId == s.FrontDoor.User.Id);
        Assert.Contains(downloads, e => e.Outcome == AuditOutcome.Denied && e.ActorUserId == notInvited.User.Id);
    }
}
