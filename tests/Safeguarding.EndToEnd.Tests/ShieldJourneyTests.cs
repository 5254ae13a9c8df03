using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Role = Safeguarding.Core.Platform.Access.Role;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Project Shield in a real browser: a knife-injury attendance at the emergency department, received now, is on the next
/// list drawn (tomorrow morning's, or this morning's before the list time), where the Front Door opens the case and
/// records the meeting's outcome. Axe checks each page.
/// </summary>
public sealed class ShieldJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_knife_injury_attendance_is_on_the_next_mornings_shield_list_and_gets_an_outcome(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var violations = new List<string>();
        var now = SystemClock.Instance.GetCurrentInstant();
        var day = ShieldList.ListDayOf(now, ShieldSettings.DefaultListTime);
        var (personId, name) = await AttendanceAsync(host, now);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));
        await page.GotoAsync(host.Url($"/exploitation/shield?day={day:yyyy-MM-dd}"));
        violations.AddRange(await page.AxeViolationsAsync("Project Shield list"));
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("Emergency department: knife or sharp object assault, admitted");
        await row.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.ArriveAtAsync($"/exploitation/shield/cases/{personId}");
        violations.AddRange(await page.AxeViolationsAsync("Project Shield case"));
        await page.GetByLabel("Early help", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note (optional)").FillAsync("Family agreed to early help at the door.");
        await page.SubmitAsync("Record the outcome");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Early help. Family agreed to early help at the door.");
        violations.AddRange(await page.AxeViolationsAsync("Project Shield case decided"));

        await using (var db = host.NewContext())
        {
            var outcome = await db.Set<ShieldOutcome>().AsNoTracking().SingleAsync(o => o.CaseId == personId && o.ListDay == day);
            Assert.Equal(ShieldOutcomeKind.EarlyHelp, outcome.Outcome);
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>A young person with a name of their own and no attendance yet, seen after a knife assault and admitted, received now.</summary>
    private static async Task<(Guid PersonId, string Name)> AttendanceAsync(DemoHost host, Instant now)
    {
        await using var db = host.NewContext();
        var today = now.InZone(ShieldList.London).Date;
        var (oldest, youngest) = (today.PlusYears(-18), today.PlusYears(-14));
        var person = await db.People.AsNoTracking()
            .Where(p => !p.IsSealed && p.MergedIntoPersonId == null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest
                        && !db.Set<EdAttendance>().Any(a => a.PersonId == p.Id)
                        && db.People.Count(o => o.GivenName == p.GivenName && o.FamilyName == p.FamilyName) == 1)
            .OrderByDescending(p => p.FamilyName).ThenBy(p => p.GivenName).FirstAsync();
        var hospital = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == person.PartnershipId && o.Type == OrganisationType.HospitalTrust)
            .Select(o => o.Id).FirstAsync();
        db.Process = Core.Platform.ProcessContext.System("test:arrange");
        db.Add(new EdAttendance
        {
            PartnershipId = person.PartnershipId, HospitalOrganisationId = hospital, AttendanceReference = $"ED-E2E-{Guid.NewGuid():N}"[..24], PersonId = person.Id,
            ArrivedAt = now - Duration.FromHours(2), AgeAtArrival = 16, InjuryIntentCode = "52684005", InjuryMechanismCode = "410043002", DischargeDestinationCode = "306706006",
            Assault = true, Mechanism = InjuryMechanism.KnifeOrSharpObject, Admitted = true, ReceivedAt = now, Received = "{}", Fingerprint = Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();
        return (person.Id, $"{person.GivenName} {person.FamilyName}");
    }
}
