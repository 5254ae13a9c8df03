using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Pregnancy;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>
/// The small demo's year of the hospital's records, checked against the calibration issue 14 asks for (docs/youth-violence.md):
/// about 20 emergency department attendances a day of people under 26, knife-assault admissions about once a week, and
/// about 60 bookings a year of young women under 18.
/// </summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_about_20_ed_attendances_a_day_under_26_a_knife_assault_admission_a_week_and_60_under_18_bookings_a_year(DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var now = SystemClock.Instance.GetCurrentInstant();
        var yearAgo = now - Duration.FromDays(365);
        var attendances = await db.Set<EdAttendance>().AsNoTracking().Where(a => a.ArrivedAt >= yearAgo)
            .Select(a => new { a.AgeAtArrival, a.Assault, a.Mechanism, a.Admitted }).ToListAsync(ct);

        Assert.InRange(attendances.Count / 365.0, 18, 22);
        Assert.All(attendances, a => Assert.InRange(a.AgeAtArrival, 0, 25));
        Assert.InRange(attendances.Count(a => a.Assault && a.Mechanism == InjuryMechanism.KnifeOrSharpObject && a.Admitted) / (365 / 7.0), 0.5, 1.6);

        var today = now.InZone(SchoolDays.London).Date;
        var bookings = await db.Set<MaternityBooking>().AsNoTracking().Where(b => b.BookingDate > today.PlusDays(-365))
            .Join(db.People, b => b.PersonId, p => p.Id, (b, p) => new { b.BookingDate, p.DateOfBirth }).ToListAsync(ct);
        Assert.InRange(bookings.Count, 50, 70);
        Assert.All(bookings, b => Assert.True(b.DateOfBirth!.Value.PlusYears(18) > b.BookingDate, "every booking is of someone under 18 on the day"));
    }
}
