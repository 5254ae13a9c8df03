using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.Meetings;

public sealed class MeetingsPageTests
{
    [Theory, BothDatabases]
    public async Task A_meeting_page_is_opened_by_its_folder_filter_and_the_invitation_download_is_not_a_view(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        Meeting meeting;
        await using (var scope = s.Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
            var series = await db.MeetingSeries.AsNoTracking().SingleAsync(x => x.ChairOrganisationId == s.Council.Id);
            meeting = await scope.ServiceProvider.GetRequiredService<MeetingRecords>().NextMeetingAsync(
                new NextMeetingOptions(series.Id, new LocalDate(2026, 11, 10)), new ProcessContext("test", s.FrontDoor.Actor));
        }
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync($"/meetings/{meeting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.GetAsync($"/meetings/{Guid.NewGuid()}")).StatusCode);
        var invitation = await frontDoor.GetAsync($"/meetings/{meeting.Id}/invitation");
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        Assert.Equal("text/calendar", invitation.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", await invitation.Content.ReadAsStringAsync());

        await using var check = s.Host.NewContext();
        var views = await check.AuditEntries.Where(e => e.ResourceType == MeetingRecords.ResourceType && e.ResourceId == meeting.Id.ToString() && e.Action == AuditActions.Read)
            .ToListAsync();
        Assert.Equal("not an attendee: agenda subjects withheld", Assert.Single(views).Details);
    }
}
