using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's Project Shield (docs/youth-violence.md, "Project Shield's daily list and the area meetings"), on the shared seed.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_holds_four_weeks_of_shield_meetings_with_each_outcome_on_its_days_agenda_and_three_area_series_with_voluntary_members(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(ShieldList.London).Date;
        var daily = await db.MeetingSeries.AsNoTracking().SingleAsync(s => s.Kind == MeetingKind.ProjectShield, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => m.SeriesId == daily.Id).ToListAsync(ct);
        Assert.Equal(Cadence.DailyOnWeekdays, daily.Cadence);
        Assert.InRange(meetings.Count(m => m.Status == MeetingStatus.Held), 17, 20);
        Assert.All(meetings, m => Assert.True(ShieldList.IsListDay(m.Date)));
        // Each outcome is the decision of an item on its own day's meeting, one per case per list.
        var outcomes = await db.Set<ShieldOutcome>().AsNoTracking().ToListAsync(ct);
        var items = meetings.SelectMany(m => m.Agenda.Select(i => (m.Date, i.Id, i.SourceId))).ToList();
        Assert.All(outcomes, o => Assert.Contains((o.ListDay, o.AgendaItemId, (Guid?)o.Id), items));
        Assert.Equal(items.Count, outcomes.Count);

        var areas = await db.MeetingSeries.AsNoTracking().Include(s => s.Members).Where(s => s.Kind == MeetingKind.AreaYouthViolence).OrderBy(s => s.Name).ToListAsync(ct);
        Assert.Equal(ShieldSettings.DefaultAreas.Select(AreaMeetings.SeriesName).Order(), areas.Select(s => s.Name));
        var voluntary = await db.Organisations.AsNoTracking().Where(o => o.Type == OrganisationType.VoluntarySector).Select(o => o.Id).ToListAsync(ct);
        Assert.All(areas, s => Assert.Contains(s.Members, m => voluntary.Contains(m.OrganisationId)));
        var areaIds = areas.Select(s => s.Id).ToList();
        var areaMeetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Where(m => areaIds.Contains(m.SeriesId)).ToListAsync(ct);
        Assert.All(areas, s => Assert.Contains(areaMeetings, m => m.SeriesId == s.Id && m.Status == MeetingStatus.Held && m.Agenda.Any(i => i.SubjectKind == SubjectKind.Theme)));
        Assert.All(areas, s => Assert.Contains(areaMeetings, m => m.SeriesId == s.Id && m.Date >= today && m.Status == MeetingStatus.Planned));
    }
}
