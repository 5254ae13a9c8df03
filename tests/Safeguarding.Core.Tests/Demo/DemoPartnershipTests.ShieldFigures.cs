using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's two years of police serious violence incidents, checked as the calibration's rules (docs/youth-violence.md, "Police serious violence incidents and Project Shield's figures").</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_about_13_incidents_a_day_with_someone_under_25_a_fifth_knife_enabled_and_a_handful_of_knife_homicides_falling_on_the_year_before(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var now = SystemClock.Instance.GetCurrentInstant();
        var (yearAgo, twoYearsAgo) = (now - Duration.FromDays(365), now - Duration.FromDays(730));
        var incidents = await db.Set<ViolenceIncident>().AsNoTracking().Where(i => i.IsLatest && i.OccurredAt >= twoYearsAgo)
            .Select(i => new
            {
                i.OccurredAt, i.Offence, i.KnifeOrSharpObject, i.Domestic,
                Young = i.People.Any(p => p.AgeAtIncident < ShieldFigures.UnderAge),
                Unlinked = i.People.Count(p => p.PersonId == null || p.AgeAtIncident == null),
            }).ToListAsync(ct);
        var lastYear = incidents.Where(i => i.OccurredAt >= yearAgo).ToList();
        var yearBefore = incidents.Where(i => i.OccurredAt < yearAgo).ToList();
        bool KnifeEnabled(ViolenceOffence offence, bool knife) => knife && offence != ViolenceOffence.WeaponPossession;

        Assert.InRange(lastYear.Count(i => i.Young) / 365.0, 12, 14);
        Assert.InRange(lastYear.Count(i => KnifeEnabled(i.Offence, i.KnifeOrSharpObject)) / (double)lastYear.Count(i => i.Offence != ViolenceOffence.WeaponPossession), 0.15, 0.25);
        var (homicides, homicidesBefore) = (lastYear.Count(i => i.Offence == ViolenceOffence.Homicide && i.KnifeOrSharpObject && !i.Domestic),
            yearBefore.Count(i => i.Offence == ViolenceOffence.Homicide && i.KnifeOrSharpObject && !i.Domestic));
        Assert.InRange(homicides, 3, 8);
        // Each aim is a little higher the year before, so that the dashboard shows a fall.
        Assert.True(yearBefore.Count(i => i.Young) > lastYear.Count(i => i.Young));
        Assert.True(yearBefore.Count(i => KnifeEnabled(i.Offence, i.KnifeOrSharpObject)) > lastYear.Count(i => KnifeEnabled(i.Offence, i.KnifeOrSharpObject)));
        Assert.True(homicidesBefore > homicides);
        // Every victim and suspect is a person of the index, with their age on the day.
        Assert.Equal(0, incidents.Sum(i => i.Unlinked));
    }
}
